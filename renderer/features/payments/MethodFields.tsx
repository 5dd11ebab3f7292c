import type { ReactNode } from 'react';
import { PAYMENT_METHODS } from '../../../preload/contract';
import { Field, SelectField } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

const METHOD_NAMES = { CASH: 'Cash', CARD: 'Card', UPI: 'UPI' } as const;

/**
 * How the money comes: the method, the reference a card terminal or a UPI credit gives, and for
 * UPI whether the credit has shown yet. `upiQr` is shown with the UPI fields only: the place for
 * a QR the patient scans to pay the amount due.
 */
export function MethodFields({ form, upiQr }: { form: PaymentForm; upiQr?: ReactNode }) {
  const v = form.values;
  return (
    <>
      <SelectField label="Method" value={v.method} onChange={form.change('method')} error={form.at('method')} autoFocus>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {METHOD_NAMES[m]}
          </option>
        ))}
      </SelectField>
      {v.method === 'UPI' && upiQr}
      {v.method !== 'CASH' && (
        <Field
          label={v.method === 'CARD' ? 'Card approval code' : 'UPI transaction id (UTR)'}
          value={v.reference}
          onChange={form.change('reference')}
          error={form.at('reference')}
        />
      )}
      {v.method === 'UPI' && (
        <label className="ui-check">
          <input type="checkbox" checked={v.pending} onChange={form.change('pending')} /> Not received yet (confirm when the credit shows)
        </label>
      )}
    </>
  );
}
