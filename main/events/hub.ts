import type { EventName, EventPayload } from '../../preload/contract';
import type { ChangeFeed, RowChange } from '../db/changes';

/** Delivers one event: to every window (sessionKey undefined) or to one. */
export type EventSink = <E extends EventName>(event: E, payload: EventPayload<E>, sessionKey?: string) => void;

const TABLE_EVENTS: Record<string, EventName> = {
  appointment_entities: 'appointments.changed',
  doctor_availabilities: 'availability.changed',
  patient_entities: 'patients.changed',
  payments: 'payments.changed',
  video_join_codes: 'video.lobbyChanged',
  video_call_sessions: 'video.lobbyChanged',
  doctor_entities: 'doctors.changed',
  users: 'users.changed',
  clinic_settings: 'settings.changed',
  waitlist_entries: 'waitlist.changed',
  waitlist_offers: 'waitlist.changed',
  recalls: 'recalls.changed',
  appointment_types: 'appointmentTypes.changed',
  doctor_appointment_types: 'appointmentTypes.changed',
  inbound_messages: 'messaging.inboxChanged',
  patient_message_prefs: 'messaging.prefsChanged',
  patient_channel_consents: 'messaging.prefsChanged',
  message_kind_switches: 'messaging.prefsChanged',
  opd_sessions: 'opd.changed',
  clinic_holidays: 'holidays.changed',
};

/**
 * A burst is over once no change has arrived for this long. One transaction's notifications
 * come in reads milliseconds apart, more on a busy PC or a slow network; a refetch 100 ms
 * later goes unnoticed, a burst cut in two costs every window a second refetch.
 */
export const COALESCE_QUIET_MS = 100;
/** Under a steady stream of changes, windows still hear within this long of the first one. */
export const COALESCE_MAX_WAIT_MS = 500;

/**
 * Turns database notifications into contract events for every window. Changes arriving
 * close together are coalesced and identical ones sent once: expanding a month of
 * availability is thousands of rows, but one refetch per doctor and day.
 *
 * A burst ends after a quiet spell, not a fixed time after it began: one transaction's
 * notifications reach the listener in several socket reads, milliseconds apart on loopback and
 * far more over a clinic's network, and a fixed window would cut the burst into several events.
 */
export function forwardChanges(feed: ChangeFeed, sink: EventSink): () => void {
  let pending = new Map<string, RowChange>();
  let timer: NodeJS.Timeout | undefined;
  let check: NodeJS.Immediate | undefined;
  let firstAt = 0;
  let lastAt = 0;

  const flush = () => {
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
        oldDoctorId: change.old_doctor_id,
        oldDate: change.old_date,
      });
    }
  };

  const arm = (now: number) => {
    timer = setTimeout(onTimer, Math.max(1, Math.min(lastAt + COALESCE_QUIET_MS, firstAt + COALESCE_MAX_WAIT_MS) - now));
  };

  // The timer's phase runs before pending socket reads: after a busy moment, notifications may
  // be waiting unread. setImmediate lets them in first, then decides.
  const onTimer = () => {
    timer = undefined;
    check = setImmediate(decide);
  };

  const decide = () => {
    check = undefined;
    const now = Date.now();
    if (now - lastAt < COALESCE_QUIET_MS && now - firstAt < COALESCE_MAX_WAIT_MS) return arm(now);
    flush();
  };

  const onChange = (change: RowChange) => {
    const key =
      change.table === 'doctor_availabilities'
        ? `${change.table}|${change.doctor_id}|${change.date}|${change.old_doctor_id}|${change.old_date}`
        : JSON.stringify(change);
    const now = Date.now();
    if (pending.size === 0) firstAt = now;
    lastAt = now;
    pending.set(key, change);
    if (!timer && !check) arm(now);
  };
  const onResync = (reason: string) => sink('resync', { reason });
  // Nothing queues writes while offline (a call then fails as UNAVAILABLE): say so, promise nothing.
  const onConnection = (online: boolean) =>
    sink('connection.changed', {
      online,
      message: online
        ? 'Connected to the clinic database again.'
        : 'The clinic database cannot be reached. Nothing can be saved until it is back; what you typed is kept.',
    });

  feed.on('change', onChange);
  feed.on('resync', onResync);
  feed.on('connection', onConnection);
  return () => {
    feed.off('change', onChange);
    feed.off('resync', onResync);
    feed.off('connection', onConnection);
    clearTimeout(timer);
    if (check) clearImmediate(check);
  };
}
