import type { AppointmentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { longDay } from '../../lib/dates';

/** The slip a checked-in patient holds until their token is called. */
export function TokenSlip({ appointment, clinicName }: { appointment: AppointmentDto; clinicName: string }) {
  const { t } = useT('queue');
  return (
    <article className="print-doc" aria-label={t('token', { token: appointment.tokenNo ?? '' })}>
      <h1>{clinicName}</h1>
      <p className="print-sub">{longDay(appointment.date)}</p>
      <p className="token">{appointment.tokenNo}</p>
      <p className="print-sub">
        {appointment.doctorName}
        {appointment.room && ` · ${appointment.room}`}
        <br />
        {appointment.patientName}
      </p>
    </article>
  );
}
