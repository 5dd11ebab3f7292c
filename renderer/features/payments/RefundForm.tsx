import type { PaymentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { money } from '../../lib/format';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';

type RefundValues = { amount: string; reason: string };

/** Money back on a payment: part or all of what is left, always with the reason; main caps it at what was paid. */
export function RefundForm({ payment, onDone, onCancel }: { payment: PaymentDto; onDone(): void; onCancel(): void }) {
  const left = (Number(payment.amount) - Number(payment.refunded)).toFixed(2);
  const toRequest = (v: RefundValues) => ({ paymentId: payment.id, ...v });
  const form = useRequestForm('payments.refund', toRequest, { amount: left, reason: '' });
  const refunding = useClinicMutation('payments.refund');
  const refund = form.handleSubmit(async (values) => {
    const r = await refunding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`Refunded ${money(r.value.amount, r.value.currency, { unsigned: true })}: credit note ${r.value.receiptNumber}`);
    onDone();
  });
  return (
    <form className="ui-form inline-form" onSubmit={refund} aria-label={`Refund ${payment.receiptNumber}`} noValidate>
      <FormProblem form={form} />
      <div className="ui-row">
        <FormField form={form} name="amount" label="Refund amount" inputMode="decimal" hint={`At most ${money(left, payment.currency)}`} />
        <FormField form={form} name="reason" label="Reason for the refund" autoFocus />
      </div>
      <div className="ui-actions">
        <Button onClick={onCancel}>Keep the money</Button>
        <Button variant="danger" type="submit" disabled={form.formState.isSubmitting}>
          Refund
        </Button>
      </div>
    </form>
  );
}
