import type { Res } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { clinicDateTime } from '../../lib/dates';

type History = Res<'appointments.history'>;
const NONE: History = [];

/** An appointment's changes, oldest first; asked again when a change event names it. */
export function useAppointmentHistory(appointmentId: number): { history: History; loaded: boolean } {
  const asked = useClinicQuery('appointments.history', { id: appointmentId });
  return { history: asked.data ?? NONE, loaded: asked.data !== undefined };
}

const describe = (h: History[number]) =>
  [
    h.kind.toLowerCase().replace(/_/g, ' '),
    h.toStatus && h.fromStatus !== h.toStatus ? ` → ${h.toStatus.toLowerCase()}` : '',
    h.changedByName ? ` · ${h.changedByName}` : '',
    h.reason ? ` · “${h.reason}”` : '',
    h.undoneAt ? ' (undone)' : '',
  ].join('');

/** Who changed an appointment and how, folded away until asked for. */
export function AppointmentHistory({ appointmentId }: { appointmentId: number }) {
  const timeZone = useTimeZone();
  const { history } = useAppointmentHistory(appointmentId);
  if (history.length === 0) return null;
  return (
    <details>
      <summary>History ({history.length})</summary>
      <ol className="history-list" aria-label="History">
        {history.map((h) => (
          <li key={h.id} data-undone={h.undoneAt ? true : undefined}>
            {clinicDateTime(h.changedAt, timeZone)} · {describe(h)}
          </li>
        ))}
      </ol>
    </details>
  );
}
