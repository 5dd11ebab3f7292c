import type { ReactNode } from 'react';
import { PAYMENT_METHODS } from '../../../preload/contract';
import { FormField, FormSelectField } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

const METHOD_NAMES = { CASH: 'Cash', CARD: 'Card', UPI: 'UPI' } as const;

/**
 * How the money comes: the method, the reference a card terminal or a UPI credit gives, and for
 * UPI whether the credit has shown yet. `upiQr` is shown with the UPI fields only: the place for
 * a QR the patient scans to pay the amount due.
 */
export function MethodFields({ form, upiQr }: { form: PaymentForm; upiQr?: ReactNode }) {
  const method = form.watch('method');
  return (
    <>
      <FormSelectField form={form} name="method" label="Method" autoFocus>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {METHOD_NAMES[m]}
          </option>
        ))}
      </FormSelectField>
      {method === 'UPI' && upiQr}
      {method !== 'CASH' && <FormField form={form} name="reference" label={method === 'CARD' ? 'Card approval code' : 'UPI transaction id (UTR)'} />}
      {method === 'UPI' && (
        <label className="ui-check">
          <input type="checkbox" {...form.register('pending')} /> Not received yet (confirm when the credit shows)
        </label>
      )}
    </>
  );
}
