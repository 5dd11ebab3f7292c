import type { ReceiptDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { timeRange } from '../../lib/dates';
import { money } from '../../lib/format';
import { methodName } from './payment-words';

/** The printed receipt (or credit note for a refund): what the patient takes home. */
export function Receipt({ receipt }: { receipt: ReceiptDto }) {
  const { t } = useT('payments');
  const refund = receipt.kind === 'REFUND';
  const title = `${refund ? t('receipt.creditNote') : t('receipt.receipt')} ${receipt.receiptNumber}`;
  return (
    <article className="print-doc" aria-label={title}>
      <h1>{receipt.clinicName}</h1>
      {receipt.clinicAddress && <p className="print-sub">{receipt.clinicAddress}</p>}
      <p className="print-sub">
        <strong>{title}</strong>
        {refund && receipt.refundOfReceiptNumber ? t('receipt.refundOf', { receipt: receipt.refundOfReceiptNumber }) : ''}
      </p>
      <table>
        <tbody>
          <tr>
            <td>{t('receipt.date')}</td>
            <td>
              {receipt.paidAtClinicTime} ({receipt.timeZone})
            </td>
          </tr>
          <tr>
            <td>{t('receipt.patient')}</td>
            <td>
              {receipt.patient.name} (#{receipt.patient.id})
            </td>
          </tr>
          <tr>
            <td>{t('receipt.doctor')}</td>
            <td>
              {receipt.doctor.name}
              {receipt.doctor.specialization ? `, ${receipt.doctor.specialization}` : ''}
            </td>
          </tr>
          <tr>
            <td>{t('receipt.appointment')}</td>
            <td>
              {receipt.appointment.date} {timeRange(receipt.appointment)}
            </td>
          </tr>
          <tr>
            <td>{refund ? t('receipt.refunded') : t('receipt.paid')}</td>
            <td>
              <strong>{money(receipt.amount, receipt.currency)}</strong>
            </td>
          </tr>
          {!refund && /[1-9]/.test(receipt.refunded) && (
            <tr>
              <td>{t('receipt.refundedSince')}</td>
              <td>{money(receipt.refunded, receipt.currency)}</td>
            </tr>
          )}
          <tr>
            <td>{t('receipt.method')}</td>
            <td>
              {methodName(receipt)}
              {receipt.reference ? ` (${receipt.reference})` : ''}
            </td>
          </tr>
          {receipt.note && (
            <tr>
              <td>{t('receipt.reason')}</td>
              <td>{receipt.note}</td>
            </tr>
          )}
          {receipt.receivedBy && (
            <tr>
              <td>{refund ? t('receipt.paidOutBy') : t('receipt.receivedBy')}</td>
              <td>{receipt.receivedBy.name}</td>
            </tr>
          )}
        </tbody>
      </table>
    </article>
  );
}
