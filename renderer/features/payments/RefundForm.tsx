import type { PaymentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { refundRefusals } from './refusals';

type RefundValues = { amount: string; reason: string };

/** Money back on a payment: part or all of what is left, always with the reason; main caps it at what was paid. */
export function RefundForm({ payment, onDone, onCancel }: { payment: PaymentDto; onDone(): void; onCancel(): void }) {
  const { t } = useT('payments');
  const left = (Number(payment.amount) - Number(payment.refunded)).toFixed(2);
  const toRequest = (v: RefundValues) => ({ paymentId: payment.id, ...v });
  const form = useRequestForm('payments.refund', toRequest, { amount: left, reason: '' }, undefined, refundRefusals);
  const refunding = useClinicMutation('payments.refund');
  const refund = form.handleSubmit(async (values) => {
    const r = await refunding.call(toRequest(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('refund.done', { amount: money(r.value.amount, r.value.currency, { unsigned: true }), receipt: r.value.receiptNumber }));
    onDone();
  });
  return (
    <form className="ui-form inline-form" onSubmit={refund} aria-label={t('refund.form', { receipt: payment.receiptNumber })} noValidate>
      <FormProblem form={form} />
      <div className="ui-row">
        <FormField
          form={form}
          name="amount"
          label={t('refund.amount')}
          inputMode="decimal"
          hint={t('refund.atMost', { amount: money(left, payment.currency) })}
        />
        <FormField form={form} name="reason" label={t('refund.reason')} autoFocus />
      </div>
      <div className="ui-actions">
        <Button onClick={onCancel}>{t('refund.keep')}</Button>
        <Button variant="danger" type="submit" disabled={form.formState.isSubmitting}>
          {t('refund.submit')}
        </Button>
      </div>
    </form>
  );
}
