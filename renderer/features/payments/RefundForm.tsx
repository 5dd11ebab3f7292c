import type { PaymentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';

/** Money back on a payment: part or all of what is left, always with the reason; main caps it at what was paid. */
export function RefundForm({ payment, onDone, onCancel }: { payment: PaymentDto; onDone(): void; onCancel(): void }) {
  const left = (Number(payment.amount) - Number(payment.refunded)).toFixed(2);
  const form = useForm({ amount: left, reason: '' });
  const refunding = useClinicMutation('payments.refund');
  const refund = form.submit(
    () => refunding.call({ paymentId: payment.id, amount: form.values.amount, reason: form.values.reason }),
    (r) => {
      toast(`Refunded ${money(r.amount, r.currency, { unsigned: true })}: credit note ${r.receiptNumber}`);
      onDone();
    },
  );
  return (
    <form className="ui-form inline-form" onSubmit={refund} aria-label={`Refund ${payment.receiptNumber}`} noValidate>
      {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
      <div className="ui-row">
        <Field
          label="Refund amount"
          inputMode="decimal"
          value={form.values.amount}
          onChange={form.change('amount')}
          error={form.at('amount')}
          hint={`At most ${money(left, payment.currency)}`}
        />
        <Field label="Reason for the refund" value={form.values.reason} onChange={form.change('reason')} error={form.at('reason')} autoFocus />
      </div>
      <div className="ui-actions">
        <Button onClick={onCancel}>Keep the money</Button>
        <Button variant="danger" type="submit" disabled={form.busy}>
          Refund
        </Button>
      </div>
    </form>
  );
}
