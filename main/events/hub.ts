import type { EventName, EventPayload } from '../../preload/contract';
import type { ChangeFeed, RowChange } from '../db/changes';

/** Delivers one event: to every window (sessionKey undefined) or to one. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>, sessionKey?: string) => void;

const TABLE_EVENTS: Record<string, EventName> = {
  appointment_entities: 'appointments.changed',
  doctor_availabilities: 'availability.changed',
  patient_entities: 'patients.changed',
  payments: 'payments.changed',
};

const COALESCE_MS = 50;

/**
 * Turns database notifications into contract events for every window. Changes arriving
 * within a few milliseconds are coalesced and identical ones sent once: expanding a month of
 * availability is thousands of rows, but one refetch per doctor and day.
 */
export function forwardChanges(feed: ChangeFeed, sink: EventSink): () => void {
  let pending = new Map<string, RowChange>();
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    timer = undefined;
    const batch = pending;
    pending = new Map();
    for (const change of batch.values()) {
      const event = TABLE_EVENTS[change.table];
      if (!event) continue;
      sink(event as 'appointments.changed', {
        op: change.op,
        id: change.id,
        doctorId: change.doctor_id,
        patientId: change.patient_id,
        appointmentId: change.appointment_id,
        date: change.date,
      });
    }
  };

  const onChange = (change: RowChange) => {
    const key = change.table === 'doctor_availabilities' ? `${change.table}|${change.doctor_id}|${change.date}` : JSON.stringify(change);
    pending.set(key, change);
    timer ??= setTimeout(flush, COALESCE_MS);
  };
  const onResync = (reason: string) => sink('resync', { reason });
  const onConnection = (online: boolean) =>
    sink('connection.changed', {
      online,
      message: online ? 'Connected to the clinic database again.' : 'The clinic database cannot be reached. Changes will be saved when it is back.',
    });

  feed.on('change', onChange);
  feed.on('resync', onResync);
  feed.on('connection', onConnection);
  return () => {
    feed.off('change', onChange);
    feed.off('resync', onResync);
    feed.off('connection', onConnection);
    clearTimeout(timer);
  };
}
