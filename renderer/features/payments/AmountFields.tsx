import { FormField } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

/**
 * How much: what is due unless the desk types otherwise, and more than is due only as an advance
 * ticked on purpose, with its reason. `offerAmount` false (nothing due, no advance): only the box.
 */
export function AmountFields({ form, offerAmount }: { form: PaymentForm; offerAmount: boolean }) {
  const advance = form.watch('advance');
  return (
    <>
      <label className="ui-check">
        <input type="checkbox" {...form.register('advance')} /> Take more than is due, as an advance
      </label>
      {advance && <FormField form={form} name="advanceReason" label="Why an advance" hint="For example: dressings for next week paid ahead" />}
      {offerAmount && <FormField form={form} name="amount" label="Amount" inputMode="decimal" hint="Empty: the doctor's fee" />}
    </>
  );
}
