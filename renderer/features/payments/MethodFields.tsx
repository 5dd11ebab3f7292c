import type { ReactNode } from 'react';
import { PAYMENT_METHODS } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { FormField, FormSelectField } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

/**
 * How the money comes: the method, the reference a card terminal or a UPI credit gives, and for
 * UPI whether the credit has shown yet. `upiQr` is shown with the UPI fields only: the place for
 * a QR the patient scans to pay the amount due.
 */
export function MethodFields({ form, upiQr }: { form: PaymentForm; upiQr?: ReactNode }) {
  const { t } = useT('payments');
  const method = form.watch('method');
  return (
    <>
      <FormSelectField form={form} name="method" label={t('take.method')} autoFocus>
        {PAYMENT_METHODS.map((m) => (
          <option key={m} value={m}>
            {t(`common:method.${m}`)}
          </option>
        ))}
      </FormSelectField>
      {method === 'UPI' && upiQr}
      {method !== 'CASH' && <FormField form={form} name="reference" label={method === 'CARD' ? t('take.cardCode') : t('take.utr')} />}
      {method === 'UPI' && (
        <label className="ui-check">
          <input type="checkbox" {...form.register('pending')} /> {t('take.notReceived')}
        </label>
      )}
    </>
  );
}
