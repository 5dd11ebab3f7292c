import { useCallback, useEffect, useState } from 'react';
import { PAYMENT_METHODS, type AppointmentDto, type PaymentDto, type Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { shortDay, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, SelectField } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { useForm } from '../../ui/use-form';
import { printDocument } from '../print/print';
import { useSession } from '../../stores/session';
import { Receipt } from './Receipt';
import { RefundForm } from './RefundForm';

const METHOD_NAMES = { CASH: 'Cash', CARD: 'Card', UPI: 'UPI' } as const;

/** Prints a payment's receipt; the one place the desk reprints from too. */
export async function printReceipt(paymentId: number): Promise<string | undefined> {
  const r = await clinic.payments.receipt({ id: paymentId });
  if (!r.ok) return r.error.message;
  await printDocument(<Receipt receipt={r.value} />, r.value.paper);
  return undefined;
}

/**
 * Take payment for an appointment at the desk: what is due (the doctor's fee less what was
 * paid), the method and its reference, then the receipt.
 */
export function PaymentDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose(): void }) {
  const [account, setAccount] = useState<Res<'payments.forAppointment'>>();
  const [problem, setProblem] = useState<string>();
  const [taken, setTaken] = useState<PaymentDto>();
  const form = useForm({ method: 'CASH', reference: '', amount: '', pending: false, advance: false, advanceReason: '' });
  const v = form.values;

  const role = useSession((st) => st.session?.role);
  const [refunding, setRefunding] = useState<PaymentDto>();

  const reload = useCallback(async () => {
    const r = await clinic.payments.forAppointment({ appointmentId: appointment.id });
    if (!r.ok) return setProblem(r.error.message);
    setAccount(r.value);
    return r.value;
  }, [appointment.id]);

  useEffect(() => {
    // The amount is filled once, with what is due; afterwards the form keeps what the desk types.
    // Nothing due offers no amount: a paid or pending visit is not charged again by Enter.
    void reload().then((a) => a && form.setValues((old) => (old.amount || a.totals.due === '0.00' ? old : { ...old, amount: a.totals.due ?? '' })));
  }, [reload]);

  async function confirm(p: PaymentDto) {
    const r = await clinic.payments.confirm({ id: p.id });
    if (!r.ok) return setProblem(r.error.message);
    toast(`Payment confirmed: receipt ${r.value.receiptNumber}`);
    await reload();
  }

  const pay = form.submit(
    () =>
      clinic.payments.record({
        appointmentId: appointment.id,
        method: v.method as (typeof PAYMENT_METHODS)[number],
        // Only what the chosen method shows is sent: no leftover UTR on cash, no "pending" on card.
        ...(v.method !== 'CASH' && v.reference.trim() ? { reference: v.reference } : {}),
        ...(v.amount.trim() ? { amount: v.amount } : {}),
        pending: v.method === 'UPI' && v.pending,
        ...(v.advance ? { advanceReason: v.advanceReason } : {}),
      }),
    (payment) => {
      setTaken(payment);
      toast(payment.receiptNumber ? `Payment received: receipt ${payment.receiptNumber}` : 'Payment recorded as pending');
    },
  );

  async function print(id: number) {
    const failed = await printReceipt(id);
    if (failed) setProblem(failed);
  }

  const title = `Payment — ${appointment.patientName}`;
  if (taken) {
    return (
      <Dialog title={title} onClose={onClose}>
        <Banner tone="info">
          {taken.receiptNumber ? `Received ${taken.currency} ${taken.amount} — receipt ${taken.receiptNumber}.` : `Recorded ${taken.currency} ${taken.amount} as pending; the receipt is printed once it is confirmed.`}
        </Banner>
        {problem && <Banner tone="error">{problem}</Banner>}
        <div className="ui-actions">
          {taken.receiptNumber && (
            <Button variant="primary" autoFocus onClick={() => void print(taken.id)}>
              Print receipt
            </Button>
          )}
          <Button onClick={onClose}>Done</Button>
        </div>
      </Dialog>
    );
  }

  const totals = account?.totals;
  // Nothing due (paid, or a UPI payment waiting for its credit): no charge is offered, only an
  // advance taken on purpose. Without a fee nothing is known to be due, and the desk enters it.
  const nothingDue = totals?.due === '0.00';
  const pendingPayments = account?.payments.filter((p) => p.status === 'PENDING') ?? [];
  const offerCharge = !nothingDue || v.advance;
  return (
    <Dialog title={title} onClose={onClose}>
      <p>
        {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      {problem && <Banner tone="error">{problem}</Banner>}
      {totals && (
        <dl className="facts" aria-label="Account">
          <dt>Fee</dt>
          <dd>{totals.fee ?? 'not set'}</dd>
          <dt>Paid so far</dt>
          <dd>{totals.balance}</dd>
          {totals.pending !== '0.00' && (
            <>
              <dt>Pending</dt>
              <dd>{totals.pending}</dd>
            </>
          )}
          <dt>Due</dt>
          <dd>{totals.due ?? '—'}</dd>
        </dl>
      )}
      {account && account.payments.length > 0 && (
        <ul className="payment-lines" aria-label="Earlier payments">
          {account.payments.map((p) => (
            <li key={p.id}>
              <span>
                {p.receiptNumber ?? 'pending'} · {p.currency} {p.amount} · {p.method ?? '—'} · {p.status}
              </span>
              <span className="row-actions">
                {p.receiptNumber && <Button onClick={() => void print(p.id)}>Reprint {p.receiptNumber}</Button>}
                {p.status === 'PENDING' && <Button onClick={() => void confirm(p)}>Confirm {p.currency} {p.amount} received</Button>}
                {p.kind === 'PAYMENT' && p.status === 'PAID' && (role === 'ADMIN' || role === 'DOCTOR') && (
                  <Button onClick={() => setRefunding(p)}>Refund {p.receiptNumber}…</Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {refunding && (
        <RefundForm
          payment={refunding}
          onDone={() => {
            setRefunding(undefined);
            void reload();
          }}
          onCancel={() => setRefunding(undefined)}
        />
      )}
      {nothingDue && (
        <Banner tone="info">
          {pendingPayments.length > 0
            ? `Nothing more is due: ${pendingPayments.map((p) => `${p.currency} ${p.amount}`).join(', ')} by UPI is waiting for its credit. Confirm it above once it shows; do not charge again.`
            : 'Nothing is due for this visit: it is paid.'}
        </Banner>
      )}
      <form className="ui-form" onSubmit={pay} aria-label="Take payment" noValidate>
        {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
        <label className="ui-check">
          <input type="checkbox" checked={v.advance} onChange={form.change('advance')} /> Take more than is due, as an advance
        </label>
        {v.advance && (
          <Field label="Why an advance" value={v.advanceReason} onChange={form.change('advanceReason')} error={form.at('advanceReason')} hint="For example: dressings for next week paid ahead" />
        )}
        {offerCharge && (
          <>
            <div className="ui-row">
              <SelectField label="Method" value={v.method} onChange={form.change('method')} error={form.at('method')} autoFocus>
                {PAYMENT_METHODS.map((m) => (
                  <option key={m} value={m}>
                    {METHOD_NAMES[m]}
                  </option>
                ))}
              </SelectField>
              <Field label="Amount" inputMode="decimal" value={v.amount} onChange={form.change('amount')} error={form.at('amount')} hint="Empty: the doctor's fee" />
            </div>
            {v.method !== 'CASH' && (
              <Field label={v.method === 'CARD' ? 'Card approval code' : 'UPI transaction id (UTR)'} value={v.reference} onChange={form.change('reference')} error={form.at('reference')} />
            )}
            {v.method === 'UPI' && (
              <label className="ui-check">
                <input type="checkbox" checked={v.pending} onChange={form.change('pending')} /> Not received yet (confirm when the credit shows)
              </label>
            )}
          </>
        )}
        <div className="ui-actions">
          <Button onClick={onClose}>{offerCharge ? 'Cancel' : 'Close'}</Button>
          {offerCharge && (
            <Button variant="primary" type="submit" disabled={form.busy || !account}>
              {form.busy ? 'Saving…' : v.advance ? 'Take advance' : 'Take payment'}
            </Button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
