import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { PaymentDto, Res } from '../../../preload/contract';
import { useClinicMoney } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { AmountFields } from './AmountFields';
import { MethodFields } from './MethodFields';
import { paymentRefusals } from './refusals';
import { isMoreThan, openingValues, recordRequest, type PaymentValues } from './take-payment';

export type PaymentForm = UseFormReturn<PaymentValues>;

type Account = Res<'payments.forAppointment'>;

/**
 * The charge: amount and method, checked as the payment request they become and sent as one
 * payment. Mounted once the account is known, so it opens with what is due; afterwards it keeps
 * what the desk types, whatever else changes.
 */
export function TakePaymentForm({
  account,
  onTaken,
  onClose,
  upiQr,
}: {
  account: Account;
  onTaken(payment: PaymentDto): void;
  onClose(): void;
  upiQr?: ReactNode;
}) {
  const { t } = useT('payments');
  const clinicMoney = useClinicMoney();
  const form = useRequestForm(
    'payments.record',
    (v: PaymentValues) => recordRequest(account.appointmentId, v),
    openingValues(account.totals),
    undefined,
    paymentRefusals,
  );
  const recording = useClinicMutation('payments.record');
  const pay = form.handleSubmit(async (values) => {
    const { due } = account.totals;
    // Main refuses it too, in its own words; said here in the desk's, without a round trip.
    if (due !== null && !values.advance && isMoreThan(values.amount, due)) {
      return form.setError('amount', { type: 'server', message: t('refuse.overDue', { due: clinicMoney(due) }) }, { shouldFocus: true });
    }
    const r = await recording.call(recordRequest(account.appointmentId, values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(r.value.receiptNumber ? t('take.received', { receipt: r.value.receiptNumber }) : t('take.recordedPending'));
    onTaken(r.value);
  });
  const advance = form.watch('advance');
  const busy = form.formState.isSubmitting;
  // Nothing due (paid, or a UPI payment waiting for its credit): no charge is offered, only an
  // advance taken on purpose. Without a fee nothing is known to be due, and the desk enters it.
  const nothingDue = account.totals.due === '0.00';
  const offerCharge = !nothingDue || advance;
  return (
    <>
      {nothingDue && <NothingDue payments={account.payments} />}
      <form className="ui-form" onSubmit={pay} aria-label={t('take.form')} noValidate>
        <FormProblem form={form} />
        <AmountFields form={form} offerAmount={offerCharge} />
        {offerCharge && <MethodFields form={form} upiQr={upiQr} />}
        <div className="ui-actions">
          <Button onClick={onClose}>{offerCharge ? t('common:cancel') : t('common:close')}</Button>
          {offerCharge && (
            <Button variant="primary" type="submit" disabled={busy}>
              {busy ? t('common:saving') : advance ? t('take.submitAdvance') : t('take.submit')}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** Why no charge is offered: paid, or paid by UPI and waiting for the credit (confirm, do not charge again). */
function NothingDue({ payments }: { payments: PaymentDto[] }) {
  const { t } = useT('payments');
  const pending = payments.filter((p) => p.status === 'PENDING');
  const atGateway = pending.filter((p) => p.gatewayVia);
  const amounts = (list: PaymentDto[]) => list.map((p) => money(p.amount, p.currency)).join(', ');
  return (
    <Banner tone="info">
      {atGateway.length > 0
        ? t('take.waitingGateway', { amounts: amounts(atGateway) })
        : pending.length > 0
          ? t('take.waitingUpi', { amounts: amounts(pending) })
          : t('take.nothingDue')}
    </Banner>
  );
}
