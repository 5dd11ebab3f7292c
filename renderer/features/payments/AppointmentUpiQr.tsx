import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { UpiQr } from './UpiQr';

/**
 * The QR for what this visit still owes, when UPI is chosen. Without the clinic's UPI ID set, or
 * with nothing due, main says why and the desk takes the UTR as before.
 */
export function AppointmentUpiQr({ appointmentId }: { appointmentId: number }) {
  const { t } = useT('payments');
  const link = useClinicQuery('payments.upiLink', { appointmentId });
  if (link.data) return <UpiQr upi={link.data} />;
  const problem = problemOf(link.error);
  return problem ? <p className="ui-hint">{t('upi.none', { problem })}</p> : null;
}
