import type { AppointmentDto } from '../../../preload/contract';
import { longDay } from '../../lib/dates';
import { statusName } from '../../lib/labels';

/** Who, when and where an appointment stands, as a list of facts; what was not given is left out. */
export function AppointmentFacts({ appointment: a }: { appointment: AppointmentDto }) {
  return (
    <dl className="facts">
      <dt>Doctor</dt>
      <dd>{a.doctorName}</dd>
      <dt>Day</dt>
      <dd>{longDay(a.date)}</dd>
      {a.appointmentTypeName && (
        <>
          <dt>Type</dt>
          <dd>{a.appointmentTypeName}</dd>
        </>
      )}
      {a.seriesId && (
        <>
          <dt>Repeats</dt>
          <dd>One of a series</dd>
        </>
      )}
      <dt>Status</dt>
      <dd>
        {statusName(a.status)}
        {a.checkedInAt ? ` · checked in, token ${a.tokenNo}` : ''}
        {a.isWalkIn ? ' · walk-in' : ''}
      </dd>
      {a.patientPhone && (
        <>
          <dt>Phone</dt>
          <dd>{a.patientPhone}</dd>
        </>
      )}
      {a.reason && (
        <>
          <dt>Reason</dt>
          <dd>{a.reason}</dd>
        </>
      )}
      {a.cancelReason && (
        <>
          <dt>Cancelled because</dt>
          <dd>{a.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
