import type { AppointmentDto, PaymentDto } from '../../../preload/contract';
import { shortDay, timeRange } from '../../lib/dates';
import { money } from '../../lib/format';
import { QrCode } from './QrCode';

/**
 * A printed payment request: the patient pays from home by the gateway's link (typed, or its QR
 * scanned with a phone camera). Not a receipt: the receipt comes once the gateway reports it paid.
 */
export function PaymentLinkSlip({ clinicName, appointment, payment }: { clinicName: string; appointment: AppointmentDto; payment: PaymentDto }) {
  const url = payment.gatewayUrl ?? '';
  return (
    <article className="print-doc" aria-label="Payment request">
      <h1>{clinicName}</h1>
      <p className="print-sub">
        <strong>Payment request</strong> (not a receipt)
      </p>
      <table>
        <tbody>
          <tr>
            <td>Patient</td>
            <td>{appointment.patientName}</td>
          </tr>
          <tr>
            <td>Doctor</td>
            <td>{appointment.doctorName}</td>
          </tr>
          <tr>
            <td>Appointment</td>
            <td>
              {shortDay(appointment.date)} {timeRange(appointment)}
            </td>
          </tr>
          <tr>
            <td>To pay</td>
            <td>
              <strong>{money(payment.amount, payment.currency)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <QrCode text={url} label={`Payment link QR code: ${url}`} size={160} />
      <p className="print-sub">Pay online: {url}</p>
    </article>
  );
}
