import type { AppointmentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { longDay } from '../../lib/dates';
import { statusName } from '../../lib/labels';

/** Who, when and where an appointment stands, as a list of facts; what was not given is left out. */
export function AppointmentFacts({ appointment: a }: { appointment: AppointmentDto }) {
  const { t } = useT('appointments');
  return (
    <dl className="facts">
      <dt>{t('common:doctor')}</dt>
      <dd>{a.doctorName}</dd>
      <dt>{t('details.day')}</dt>
      <dd>{longDay(a.date)}</dd>
      {a.appointmentTypeName && (
        <>
          <dt>{t('details.type')}</dt>
          <dd>{a.appointmentTypeName}</dd>
        </>
      )}
      {a.seriesId && (
        <>
          <dt>{t('details.repeats')}</dt>
          <dd>{t('details.oneOfSeries')}</dd>
        </>
      )}
      <dt>{t('details.status')}</dt>
      <dd>
        {statusName(a.status)}
        {a.checkedInAt ? ` · ${t('details.checkedIn', { token: a.tokenNo })}` : ''}
        {a.isWalkIn ? ` · ${t('details.walkIn')}` : ''}
      </dd>
      {a.patientPhone && (
        <>
          <dt>{t('details.phone')}</dt>
          <dd>{a.patientPhone}</dd>
        </>
      )}
      {a.reason && (
        <>
          <dt>{t('details.reason')}</dt>
          <dd>{a.reason}</dd>
        </>
      )}
      {a.cancelReason && (
        <>
          <dt>{t('details.cancelledBecause')}</dt>
          <dd>{a.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
