import type { ReactNode } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { PaymentDto, Res } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { AmountFields } from './AmountFields';
import { MethodFields } from './MethodFields';
import { openingValues, recordRequest, type PaymentValues } from './take-payment';

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
  const form = useRequestForm('payments.record', (v: PaymentValues) => recordRequest(account.appointmentId, v), openingValues(account.totals));
  const recording = useClinicMutation('payments.record');
  const pay = form.handleSubmit(async (values) => {
    const r = await recording.call(recordRequest(account.appointmentId, values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(r.value.receiptNumber ? `Payment received: receipt ${r.value.receiptNumber}` : 'Payment recorded as pending');
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
      <form className="ui-form" onSubmit={pay} aria-label="Take payment" noValidate>
        <FormProblem form={form} />
        <AmountFields form={form} offerAmount={offerCharge} />
        {offerCharge && <MethodFields form={form} upiQr={upiQr} />}
        <div className="ui-actions">
          <Button onClick={onClose}>{offerCharge ? 'Cancel' : 'Close'}</Button>
          {offerCharge && (
            <Button variant="primary" type="submit" disabled={busy}>
              {busy ? 'Saving…' : advance ? 'Take advance' : 'Take payment'}
            </Button>
          )}
        </div>
      </form>
    </>
  );
}

/** Why no charge is offered: paid, or paid by UPI and waiting for the credit (confirm, do not charge again). */
function NothingDue({ payments }: { payments: PaymentDto[] }) {
  const pending = payments.filter((p) => p.status === 'PENDING');
  const atGateway = pending.filter((p) => p.gatewayVia);
  return (
    <Banner tone="info">
      {atGateway.length > 0
        ? `Nothing more is due: ${atGateway.map((p) => money(p.amount, p.currency)).join(', ')} is waiting for the patient to pay through the gateway; it turns paid by itself.`
        : pending.length > 0
          ? `Nothing more is due: ${pending.map((p) => money(p.amount, p.currency)).join(', ')} by UPI is waiting for its credit. Confirm it above once it shows; do not charge again.`
          : 'Nothing is due for this visit: it is paid.'}
    </Banner>
  );
}
