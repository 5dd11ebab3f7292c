import type { Res } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime } from '../../lib/dates';

type History = Res<'appointments.history'>;
const NONE: History = [];

/** An appointment's changes, oldest first; asked again when a change event names it. */
export function useAppointmentHistory(appointmentId: number): { history: History; loaded: boolean } {
  const asked = useClinicQuery('appointments.history', { id: appointmentId });
  return { history: asked.data ?? NONE, loaded: asked.data !== undefined };
}

// The kind and statuses are shown as main names them.
const describe = (h: History[number], undone: string) =>
  [
    h.kind.toLowerCase().replace(/_/g, ' '),
    h.toStatus && h.fromStatus !== h.toStatus ? ` → ${h.toStatus.toLowerCase()}` : '',
    h.changedByName ? ` · ${h.changedByName}` : '',
    h.reason ? ` · “${h.reason}”` : '',
    h.undoneAt ? ` ${undone}` : '',
  ].join('');

/** Who changed an appointment and how, folded away until asked for. */
export function AppointmentHistory({ appointmentId }: { appointmentId: number }) {
  const { t } = useT('appointments');
  const timeZone = useTimeZone();
  const { history } = useAppointmentHistory(appointmentId);
  if (history.length === 0) return null;
  return (
    <details>
      <summary>{t('details.historyCount', { n: history.length })}</summary>
      <ol className="history-list" aria-label={t('details.history')}>
        {history.map((h) => (
          <li key={h.id} data-undone={h.undoneAt ? true : undefined}>
            {clinicDateTime(h.changedAt, timeZone)} · {describe(h, t('details.undone'))}
          </li>
        ))}
      </ol>
    </details>
  );
}
