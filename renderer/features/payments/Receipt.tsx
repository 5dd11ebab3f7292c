import type { ReceiptDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';

/** The printed receipt (or credit note for a refund): what the patient takes home. */
export function Receipt({ receipt }: { receipt: ReceiptDto }) {
  const refund = receipt.kind === 'REFUND';
  return (
    <article className="print-doc" aria-label={`${refund ? 'Credit note' : 'Receipt'} ${receipt.receiptNumber}`}>
      <h1>{receipt.clinicName}</h1>
      {receipt.clinicAddress && <p className="print-sub">{receipt.clinicAddress}</p>}
      <p className="print-sub">
        <strong>
          {refund ? 'Credit note' : 'Receipt'} {receipt.receiptNumber}
        </strong>
        {refund && receipt.refundOfReceiptNumber ? ` (refund of ${receipt.refundOfReceiptNumber})` : ''}
      </p>
      <table>
        <tbody>
          <tr>
            <td>Date</td>
            <td>
              {receipt.paidAtClinicTime} ({receipt.timeZone})
            </td>
          </tr>
          <tr>
            <td>Patient</td>
            <td>
              {receipt.patient.name} (#{receipt.patient.id})
            </td>
          </tr>
          <tr>
            <td>Doctor</td>
            <td>
              {receipt.doctor.name}
              {receipt.doctor.specialization ? `, ${receipt.doctor.specialization}` : ''}
            </td>
          </tr>
          <tr>
            <td>Appointment</td>
            <td>
              {receipt.appointment.date} {timeRange(receipt.appointment)}
            </td>
          </tr>
          <tr>
            <td>{refund ? 'Refunded' : 'Paid'}</td>
            <td>
              <strong>
                {receipt.currency} {receipt.amount}
              </strong>
            </td>
          </tr>
          {!refund && receipt.refunded !== '0.00' && receipt.refunded !== '0' && (
            <tr>
              <td>Refunded since</td>
              <td>
                {receipt.currency} {receipt.refunded}
              </td>
            </tr>
          )}
          <tr>
            <td>Method</td>
            <td>
              {receipt.method ?? '—'}
              {receipt.reference ? ` (${receipt.reference})` : ''}
            </td>
          </tr>
          {receipt.note && (
            <tr>
              <td>Reason</td>
              <td>{receipt.note}</td>
            </tr>
          )}
          {receipt.receivedBy && (
            <tr>
              <td>{refund ? 'Paid out by' : 'Received by'}</td>
              <td>{receipt.receivedBy.name}</td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}
