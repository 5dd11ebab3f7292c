import type { Query, QueryClient } from '@tanstack/react-query';
import type { ChangeEvent, ChannelName, ClinicApi, EventName, Req } from '../../preload/contract';
import { touches } from './touches';

/** A burst of changes (a template expanded, a leave cancelling thirty bookings) is one refetch. */
const COALESCE_MS = 50;

type Rule<C extends ChannelName = ChannelName> = { channel: C; when?: (change: ChangeEvent, req: Req<C>) => boolean };
const rule = <C extends ChannelName>(channel: C, when?: (change: ChangeEvent, req: Req<C>) => boolean): Rule => ({ channel, when }) as Rule;

const sameId = (id: number | null, wanted: number) => id === null || id === wanted;
const sameIdIn = (id: number | null, wanted: readonly number[] = []) => id === null || wanted.includes(id);

/**
 * Which cached answers each change event can make wrong. An answer not listed here is never
 * refetched by an event: it is asked for when shown, or its screen offers a refresh (reports).
 * `resync` (live updates were interrupted) marks every answer out of date.
 */
const INVALIDATES: Partial<Record<EventName, Rule[]>> = {
  'appointments.changed': [
    rule('appointments.list', (c, r) => touches(c, { doctorIds: r.doctorIds, from: r.from, to: r.to })),
    rule('appointments.queue', (c, r) => touches(c, { doctorId: r.doctorId })),
    rule('appointments.freeSlots', (c, r) => touches(c, { doctorId: r.doctorId, from: r.from })),
    rule('appointments.history', (c, r) => sameId(c.id, r.id)),
    rule('patients.get', (c, r) => sameId(c.patientId, r.id)),
    rule('messaging.forAppointment', (c, r) => sameId(c.id, r.appointmentId)),
    rule('payments.forAppointment', (c, r) => sameId(c.id, r.appointmentId)),
    // A booking, cancellation or change of type adds, drops or re-prices a row of the day's money.
    rule('payments.ofDay', (c, r) => touches(c, { date: r.date })),
    // A recall is "booked" once its patient has a later appointment; an open offer's time may just have been taken.
    rule('recalls.list'),
    rule('waitlist.offers'),
    // An appointment moved onto the day brings its lobby and its last call with it.
    rule('video.waitingOnline', (c, r) => r.date !== undefined && touches(c, { date: r.date })),
  ],
  'availability.changed': [
    rule('availability.range', (c, r) => touches(c, { doctorIds: r.doctorIds, from: r.from, to: r.to })),
    rule('availability.getTemplate', (c, r) => sameId(c.doctorId, r.doctorId)),
    rule('appointments.freeSlots', (c, r) => touches(c, { doctorId: r.doctorId, from: r.from })),
  ],
  // A patient's name and phone show on every list of appointments and in the queue.
  'patients.changed': [
    rule('patients.search'),
    rule('patients.get', (c, r) => sameId(c.id, r.id)),
    rule('appointments.list'),
    rule('appointments.queue'),
    rule('waitlist.list'),
    rule('waitlist.offers'),
    rule('recalls.list'),
  ],
  'payments.changed': [
    rule('payments.forAppointment', (c, r) => sameId(c.appointmentId, r.appointmentId)),
    // What is still due, and so the UPI QR's amount.
    rule('payments.upiLink', (c, r) => sameId(c.appointmentId, r.appointmentId)),
    rule('payments.dayEnd'),
    rule('payments.ofDay', (c, r) => touches(c, { date: r.date })),
    rule('patients.get', (c, r) => sameId(c.patientId, r.id)),
    rule('appointments.queue'),
  ],
  // Doctors' names show on every list of appointments, offers and recalls; settings carry the zone and currency.
  'doctors.changed': [
    rule('doctors.list'),
    rule('doctors.specializations'),
    rule('appointments.list'),
    rule('appointments.queue'),
    rule('availability.getTemplate', (c, r) => sameId(c.id, r.doctorId)),
    rule('waitlist.offers'),
    rule('recalls.list'),
  ],
  'settings.changed': [rule('settings.get')],
  'holidays.changed': [rule('holidays.list', (c, r) => touches(c, { from: r.from, to: r.to }))],
  'users.changed': [rule('users.list')],
  'waitlist.changed': [rule('waitlist.list'), rule('waitlist.offers')],
  'recalls.changed': [rule('recalls.list')],
  // A type's length and buffers shape the free times asked of it.
  'appointmentTypes.changed': [rule('appointmentTypes.list'), rule('appointments.freeSlots', (_c, r) => r.appointmentTypeId !== undefined)],
  // A reply arrived or was dealt with: the inbox, its count, and the replies listed with its appointment.
  'messaging.inboxChanged': [
    rule('messaging.inbox'),
    rule('messaging.inboxCount'),
    rule('messaging.forAppointment', (c, r) => sameId(c.appointmentId, r.appointmentId)),
  ],
  'messaging.prefsChanged': [rule('messaging.patientPrefs', (c, r) => sameId(c.patientId, r.patientId))],
  // A session added, removed or its tokens counted again (every booking and cancellation in it); its time is no slot's.
  'opd.changed': [
    rule('opd.listSessions', (c, r) => touches(c, { doctorId: r.doctorId, from: r.from, to: r.to })),
    rule('appointments.freeSlots', (c, r) => touches(c, { doctorId: r.doctorId, from: r.from })),
  ],
  'video.lobbyChanged': [
    rule('video.waitingOnline', (c, r) => (r.date === undefined ? sameIdIn(c.appointmentId, r.appointmentIds) : touches(c, { date: r.date }))),
  ],
};

const affected = (event: EventName, change: ChangeEvent) => (query: Query) => {
  const [channel, req] = query.queryKey as [ChannelName, unknown];
  if (event === 'resync') return true;
  return (INVALIDATES[event] ?? []).some((r) => r.channel === channel && (r.when === undefined || r.when(change, req as never)));
};

/**
 * Hears main's change events and marks what they touch out of date: shown answers refetch,
 * hidden ones are forgotten. A different person signing in empties the cache.
 * Returns the function that stops it.
 */
export function followChanges(api: ClinicApi, queryClient: QueryClient): () => void {
  const due = new Set<Query>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    const queries = [...due];
    due.clear();
    for (const q of queries) {
      // A shown answer is asked again; a hidden one (a day fetched ahead, a screen left) is
      // dropped, so it can never be shown older than the change.
      if (q.getObserversCount() > 0) void queryClient.invalidateQueries({ queryKey: q.queryKey, exact: true });
      else queryClient.removeQueries({ queryKey: q.queryKey, exact: true });
    }
  };
  const heard = (event: EventName, change: ChangeEvent) => {
    for (const q of queryClient.getQueryCache().findAll({ predicate: affected(event, change) })) due.add(q);
    if (due.size === 0) return;
    clearTimeout(timer);
    timer = setTimeout(flush, COALESCE_MS);
  };
  const NO_CHANGE: ChangeEvent = { op: 'UPDATE', id: null, doctorId: null, patientId: null, appointmentId: null, date: null, oldDoctorId: null, oldDate: null };
  let userId: number | null | undefined;
  const offs = [
    ...(Object.keys(INVALIDATES) as EventName[]).map((event) => api.on(event, (c) => heard(event, c as ChangeEvent))),
    api.on('resync', () => heard('resync', NO_CHANGE)),
    api.on('session.changed', ({ session }) => {
      const next = session?.userId ?? null;
      if (userId !== undefined && next !== userId) queryClient.clear();
      userId = next;
    }),
  ];
  return () => {
    clearTimeout(timer);
    offs.forEach((off) => off());
  };
}
