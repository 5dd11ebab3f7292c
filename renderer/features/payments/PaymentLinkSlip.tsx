import type { AppointmentDto, PaymentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { shortDay, timeRange } from '../../lib/dates';
import { money } from '../../lib/format';
import { QrCode } from './QrCode';

/**
 * A printed payment request: the patient pays from home by the gateway's link (typed, or its QR
 * scanned with a phone camera). Not a receipt: the receipt comes once the gateway reports it paid.
 */
export function PaymentLinkSlip({ clinicName, appointment, payment }: { clinicName: string; appointment: AppointmentDto; payment: PaymentDto }) {
  const { t } = useT('payments');
  const url = payment.gatewayUrl ?? '';
  return (
    <article className="print-doc" aria-label={t('request.title')}>
      <h1>{clinicName}</h1>
      <p className="print-sub">
        <strong>{t('request.title')}</strong> {t('request.notReceipt')}
      </p>
      <table>
        <tbody>
          <tr>
            <td>{t('receipt.patient')}</td>
            <td>{appointment.patientName}</td>
          </tr>
          <tr>
            <td>{t('receipt.doctor')}</td>
            <td>{appointment.doctorName}</td>
          </tr>
          <tr>
            <td>{t('receipt.appointment')}</td>
            <td>
              {shortDay(appointment.date)} {timeRange(appointment)}
            </td>
          </tr>
          <tr>
            <td>{t('request.toPay')}</td>
            <td>
              <strong>{money(payment.amount, payment.currency)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <QrCode text={url} label={t('request.qrLabel', { url })} size={160} />
      <p className="print-sub">{t('request.payOnline', { url })}</p>
    </article>
  );
}
