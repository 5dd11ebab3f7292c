import { Field } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

/**
 * How much: what is due unless the desk types otherwise, and more than is due only as an advance
 * ticked on purpose, with its reason. `offerAmount` false (nothing due, no advance): only the box.
 */
export function AmountFields({ form, offerAmount }: { form: PaymentForm; offerAmount: boolean }) {
  const v = form.values;
  return (
    <>
      <label className="ui-check">
        <input type="checkbox" checked={v.advance} onChange={form.change('advance')} /> Take more than is due, as an advance
      </label>
      {v.advance && (
        <Field
          label="Why an advance"
          value={v.advanceReason}
          onChange={form.change('advanceReason')}
          error={form.at('advanceReason')}
          hint="For example: dressings for next week paid ahead"
        />
      )}
      {offerAmount && (
        <Field label="Amount" inputMode="decimal" value={v.amount} onChange={form.change('amount')} error={form.at('amount')} hint="Empty: the doctor's fee" />
      )}
    </>
  );
}
