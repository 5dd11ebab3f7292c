import { useT } from '../../i18n/use-t';
import type { AppointmentDto } from '../../../preload/contract';
import { WaitingOnlineBadge } from './WaitingOnlineBadge';

/** The patient as every list of the day names them: walk-ins marked, and whether they wait in the video lobby. */
export function PatientName({ appointment, online }: { appointment: AppointmentDto; online: ReadonlySet<number> }) {
  const { t } = useT('queue');
  return (
    <>
      {appointment.patientName}
      {appointment.isWalkIn ? <span className="tag">{t('walkInTag')}</span> : null}
      {online.has(appointment.id) ? <WaitingOnlineBadge /> : null}
    </>
  );
}
