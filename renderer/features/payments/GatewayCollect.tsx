import { useState } from 'react';
import type { AppointmentDto, PaymentDto, Res } from '../../../preload/contract';
import { useClinicMoney, useSettings } from '../../api/clinic-data';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { printDocument } from '../print/print';
import { PaymentLinkSlip } from './PaymentLinkSlip';
import { paymentStatus } from './payment-words';
import { PatientFacing } from './QrCode';

type Account = Res<'payments.forAppointment'>;

/** The newest payment still waiting on a gateway QR or link. */
const pendingBy = (payments: PaymentDto[], via: 'QR' | 'LINK') =>
  payments.filter((p) => p.gatewayVia === via && p.status === 'PENDING' && !!p.gatewayUrl).at(-1);

/**
 * Collecting through the payment gateway: Razorpay's QR for exactly what is due, shown large
 * toward the patient, or a payment link sent through the messaging outbox or printed. The QR's
 * payment is read from the account, which the payments change event refreshes: when the
 * gateway's webhook lands on any PC, PENDING turns PAID here by itself.
 */
export function GatewayCollect({ appointment, account }: { appointment: AppointmentDto; account: Account }) {
  const { t } = useT('payments');
  const clinicMoney = useClinicMoney();
  const collect = useClinicMutation('payments.collect');
  const sendNow = useClinicMutation('messaging.sendNow');
  const { settings } = useSettings();
  // The QR just made, as collect answered: shown at once, then as the refreshed account has it.
  const [made, setMade] = useState<PaymentDto>();
  const [problem, setProblem] = useState<string>();
  const { payments, totals, gatewayUnavailable } = account;
  // Reopened while a QR waits: it is shown again rather than a second one made.
  const shown = made ? (payments.find((p) => p.id === made.id) ?? made) : pendingBy(payments, 'QR');
  const openLink = pendingBy(payments, 'LINK');
  const due = totals.due !== null && totals.due !== '0.00';
  const busy = collect.isPending || sendNow.isPending;
  if (!due && !shown && !openLink) return null;

  async function showQr() {
    setProblem(undefined);
    const r = await collect.call({ appointmentId: appointment.id, via: 'QR' });
    if (!r.ok) return setProblem(r.error.message);
    setMade(r.value.payment);
  }

  async function sendLink() {
    setProblem(undefined);
    const r = await sendNow.call({ appointmentId: appointment.id, kind: 'PAYMENT_LINK' });
    if (!r.ok) return setProblem(r.error.message);
    toast(t('gateway.linkQueued', { patient: appointment.patientName, channel: r.value.channel }));
  }

  async function printLink() {
    setProblem(undefined);
    let link = openLink;
    if (!link) {
      const r = await collect.call({ appointmentId: appointment.id, via: 'LINK' });
      if (!r.ok) return setProblem(r.error.message);
      link = r.value.payment;
    }
    await printDocument(<PaymentLinkSlip clinicName={settings?.clinicName ?? ''} appointment={appointment} payment={link} />, settings?.receiptPaper ?? 'A4');
  }

  return (
    <section className="gateway-collect" aria-label={t('gateway.label')}>
      <h3>{t('gateway.label')}</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      {shown && <GatewayQr payment={shown} />}
      {gatewayUnavailable ? (
        due && <Banner tone="info">{gatewayUnavailable}.</Banner>
      ) : (
        <div className="ui-actions">
          {due && shown?.status !== 'PENDING' && (
            <Button onClick={() => void showQr()} disabled={busy}>
              {t('gateway.qrFor', { amount: clinicMoney(totals.due ?? '') })}
            </Button>
          )}
          {(due || openLink) && (
            <>
              <Button onClick={() => void sendLink()} disabled={busy}>
                {t('gateway.sendLink')}
              </Button>
              <Button onClick={() => void printLink()} disabled={busy}>
                {t('gateway.printLink')}
              </Button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

/** The gateway's QR while it waits, then what became of it. */
function GatewayQr({ payment }: { payment: PaymentDto }) {
  const { t } = useT('payments');
  const amount = money(payment.amount, payment.currency);
  const image = useClinicQuery('payments.gatewayQr', { paymentId: payment.id }, { enabled: payment.status === 'PENDING' });
  if (payment.status !== 'PENDING') {
    return (
      <Banner tone="info">
        <strong>{paymentStatus(payment.status)}</strong>: {t('gateway.received', { amount })}
        {payment.receiptNumber ? t('gateway.receipt', { receipt: payment.receiptNumber }) : ''}.
      </Banner>
    );
  }
  return (
    <>
      {payment.gatewayError && <Banner tone="warning">{t('gateway.lastFailed', { problem: payment.gatewayError })}</Banner>}
      {payment.flagReason && <Banner tone="warning">{t('gateway.held', { reason: payment.flagReason })}</Banner>}
      <PatientFacing className="gateway-qr">
        {image.data ? (
          <img src={image.data.image} alt={t('gateway.qrAlt', { amount })} width={320} height={320} />
        ) : (
          <p className="ui-hint">{image.error ? t('gateway.noImage', { problem: problemOf(image.error) }) : t('gateway.fetching')}</p>
        )}
        <figcaption>
          <strong>{amount}</strong> · <span aria-label={t('gateway.statusLabel')}>{paymentStatus(payment.status)}</span>
          {t('gateway.turnsPaid')}
        </figcaption>
      </PatientFacing>
    </>
  );
}
