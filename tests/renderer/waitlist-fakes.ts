import type { Res } from '../../preload/contract';
import type { FakeHandlers } from './fake-clinic';
import { TODAY, type fakeDesk } from './fake-desk';

type Desk = ReturnType<typeof fakeDesk>;
type Entry = Res<'waitlist.list'>[number];
type Offer = Res<'waitlist.offers'>[number];
type Recall = Res<'recalls.list'>[number];

const now = () => new Date().toISOString();
const plus15 = (t: string) => `${t.slice(0, 3)}${String(Number(t.slice(3, 5)) + 15).padStart(2, '0')}:00`;

/**
 * The waitlist behind the fake desk: entries, offers of freed time, and taking an offer through
 * the desk's own booking (so a time already taken is refused, and the offer is then gone).
 */
export function waitlistOf(desk: Desk) {
  const entries: Entry[] = [];
  const offers: Offer[] = [];
  const patient = (id: number) => desk.state.patients.find((p) => p.id === id)!;
  const addEntry = (e: Partial<Entry> & { patientId: number }): Entry => {
    const p = patient(e.patientId);
    const entry: Entry = {
      id: desk.state.nextId++,
      patientName: p.name,
      patientPhone: p.phone,
      doctorId: 1,
      specialization: null,
      appointmentTypeId: null,
      fromDate: TODAY,
      toDate: TODAY,
      timeFrom: null,
      timeTo: null,
      urgency: 'ROUTINE',
      note: null,
      status: 'WAITING',
      createdAt: now(),
      ...e,
    };
    entries.push(entry);
    return entry;
  };
  const handlers: FakeHandlers = {
    'doctors.specializations': () => ({ ok: true, value: ['General Medicine', 'Paediatrics'] }),
    'waitlist.list': () => ({ ok: true, value: entries.map((e) => ({ ...e })) }),
    'waitlist.offers': () => ({ ok: true, value: offers.filter((o) => o.status === 'OPEN').map((o) => ({ ...o, entry: { ...o.entry } })) }),
    'waitlist.add': (req) => ({
      ok: true,
      value: addEntry({
        ...req,
        doctorId: req.doctorId ?? null,
        specialization: req.specialization ?? null,
        timeFrom: req.timeFrom ?? null,
        timeTo: req.timeTo ?? null,
        note: req.note ?? null,
        urgency: req.urgency ?? 'ROUTINE',
        appointmentTypeId: req.appointmentTypeId ?? null,
      }),
    }),
    'waitlist.remove': ({ id }) => {
      const e = entries.find((x) => x.id === id)!;
      e.status = 'REMOVED';
      return { ok: true, value: { ...e } };
    },
    'waitlist.takeOffer': async ({ id }) => {
      const o = offers.find((x) => x.id === id)!;
      const booked = await desk.handlers['appointments.book']!({
        patientId: o.entry.patientId,
        doctorId: o.doctorId,
        date: o.date,
        startTime: o.startTime,
        // As main: a wanted type sets the length.
        ...(o.entry.appointmentTypeId ? { appointmentTypeId: o.entry.appointmentTypeId } : { endTime: o.endTime }),
      });
      if (!booked.ok) {
        o.status = 'GONE';
        return { ok: false, error: { code: 'CONFLICT', message: 'This time has gone', field: 'id' } };
      }
      o.status = 'TAKEN';
      o.entry.status = 'BOOKED';
      return booked;
    },
  };
  return {
    entries,
    handlers,
    addEntry,
    /** Time freed today for this entry with Dr. Anil Rao, 15 minutes from `startTime`. */
    offer(entry: Entry, startTime: string) {
      offers.push({
        id: desk.state.nextId++,
        entry,
        doctorId: 1,
        doctorName: 'Dr. Anil Rao',
        date: TODAY,
        startTime,
        endTime: plus15(startTime),
        status: 'OPEN',
        createdAt: now(),
      });
    },
  };
}

/** Two recalls: Asha's overdue (with Dr. Anil Rao), Ravi's due in a week; and completing a visit with a recall. */
export function recallsOf(desk: Desk) {
  const at = (days: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const recall = (id: number, patientId: number, dueDate: string, state: Recall['state'], reason: string | null, doctorId: number | null): Recall => {
    const p = desk.state.patients.find((x) => x.id === patientId)!;
    const doctorName = desk.state.doctors.find((d) => d.id === doctorId)?.name ?? null;
    return { id, patientId, patientName: p.name, patientPhone: p.phone, doctorId, doctorName, dueDate, reason, state, createdAt: now() };
  };
  const list: Recall[] = [recall(1, 1, at(-3), 'OVERDUE', null, 1), recall(2, 2, at(7), 'DUE', 'Review the dressing', null)];
  const handlers: FakeHandlers = {
    'recalls.create': ({ patientId, doctorId, inDays, dueDate, reason }) => {
      const r = recall(list.length + 1, patientId, dueDate ?? at(inDays!), 'DUE', reason ?? null, doctorId ?? null);
      list.push(r);
      return { ok: true, value: { ...r } };
    },
    // As main: a completion with "see again in N days" makes its recall in the same step.
    'appointments.complete': async (req) => {
      const done = await desk.handlers['appointments.complete']!(req);
      if (done.ok && req.recall)
        list.push(recall(list.length + 1, done.value.patientId, at(req.recall.inDays), 'DUE', req.recall.reason ?? null, done.value.doctorId));
      return done;
    },
    'recalls.list': ({ state }) => ({ ok: true, value: list.filter((r) => r.state === state).map((r) => ({ ...r })) }),
    'recalls.dismiss': ({ id }) => {
      const r = list.find((x) => x.id === id)!;
      r.state = 'DISMISSED';
      return { ok: true, value: { ...r } };
    },
  };
  return { list, handlers };
}
