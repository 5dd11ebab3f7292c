import type { ReactNode } from 'react';
import type { PaymentDto, Res } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';
import { AmountFields } from './AmountFields';
import { MethodFields } from './MethodFields';
import { openingValues, recordRequest, type PaymentValues } from './take-payment';

export type PaymentForm = ReturnType<typeof useForm<PaymentValues>>;

type Account = Res<'payments.forAppointment'>;

/**
 * The charge: amount and method, sent as one payment. Mounted once the account is known, so it
 * opens with what is due; afterwards it keeps what the desk types, whatever else changes.
 */
export function TakePaymentForm({ account, onTaken, onClose, upiQr }: { account: Account; onTaken(payment: PaymentDto): void; onClose(): void; upiQr?: ReactNode }) {
  const form = useForm(openingValues(account.totals));
  const recording = useClinicMutation('payments.record');
  const pay = form.submit(
    () => recording.call(recordRequest(account.appointmentId, form.values)),
    (payment) => {
      toast(payment.receiptNumber ? `Payment received: receipt ${payment.receiptNumber}` : 'Payment recorded as pending');
      onTaken(payment);
    },
  );
  // Nothing due (paid, or a UPI payment waiting for its credit): no charge is offered, only an
  // advance taken on purpose. Without a fee nothing is known to be due, and the desk enters it.
  const nothingDue = account.totals.due === '0.00';
  const offerCharge = !nothingDue || form.values.advance;
  return (
    <>
      {nothingDue && <NothingDue payments={account.payments} />}
      <form className="ui-form" onSubmit={pay} aria-label="Take payment" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        <AmountFields form={form} offerAmount={offerCharge} />
        {offerCharge && <MethodFields form={form} upiQr={upiQr} />}
        <div className="ui-actions">
          <Button onClick={onClose}>{offerCharge ? 'Cancel' : 'Close'}</Button>
          {offerCharge && (
            <Button variant="primary" type="submit" disabled={form.busy}>
              {form.busy ? 'Saving…' : form.values.advance ? 'Take advance' : 'Take payment'}
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
  return (
    <Banner tone="info">
      {pending.length > 0
        ? `Nothing more is due: ${pending.map((p) => money(p.amount, p.currency)).join(', ')} by UPI is waiting for its credit. Confirm it above once it shows; do not charge again.`
        : 'Nothing is due for this visit: it is paid.'}
    </Banner>
  );
}
