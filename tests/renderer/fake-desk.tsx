import type {
  AppointmentDto,
  AppointmentTypeDto,
  AvailabilityWindow,
  DoctorDto,
  Holiday,
  OpdSessionDto,
  PatientDetail,
  PaymentDto,
  Priority,
  Req,
  Res,
  Role,
  SettingsDto,
} from '../../preload/contract';
import { Sentence, say } from '../../main/shared/say';
import { AppError } from '../../main/shared/app-error';
import { normalisePhone } from '../../main/patients/phone';
import { overDueMessage } from '../../main/payments/messages';
import { SqlState } from '../../main/db/pg-errors';
import { tokenRefusal } from '../../main/opd/refusals';
import { INDIA_2027 } from '../../main/holidays/india-2027';
import { sessionFor, type fakeClinic, type FakeHandlers } from './fake-clinic';

/**
 * A small in-memory clinic behind the fake window.clinic, for the front-desk screens: enough of
 * main's behaviour (overlaps refused, tokens, fees and receipts, duplicates) to drive the UI
 * through its paths. Requests and replies still pass the contract's zod schemas (fake-clinic),
 * so the screens are held to what main really accepts and answers.
 */
export const TODAY = new Date().toISOString().slice(0, 10);
const now = () => new Date().toISOString();

const doctor = (id: number, name: string, specialization: string, fee: string): DoctorDto => ({
  id,
  name,
  email: `d${id}@sunrise.test`,
  phone: null,
  specialization,
  experience: 10,
  consultationFee: fee,
  rating: null,
  bio: null,
  address: null,
  active: true,
  createdAt: now(),
});

const patient = (id: number, name: string, dateOfBirth: string, phone: string): PatientDetail => ({
  id,
  name,
  phone,
  email: null,
  dateOfBirth,
  gender: null,
  address: null,
  medicalHistory: null,
  createdAt: now(),
  updatedAt: null,
});

/** A SCHEDULED appointment as main returns it: not checked in, nothing cancelled or overridden. */
export const scheduledAppointment = (
  a: Pick<AppointmentDto, 'id' | 'patientId' | 'patientName' | 'patientPhone' | 'doctorId' | 'doctorName' | 'date' | 'startTime' | 'endTime' | 'reason'>,
): AppointmentDto => ({
  ...a,
  status: 'SCHEDULED',
  checkedInAt: null,
  completedAt: null,
  tokenNo: null,
  isWalkIn: false,
  cancelReason: null,
  overrideReason: null,
});

const overlaps = (a: { startTime: string; endTime: string }, b: { startTime: string; endTime: string }) => a.startTime < b.endTime && b.startTime < a.endTime;
const plusMinutes = (time: string, minutes: number) => {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}:00`;
};
const withSeconds = (t: string) => (t.length === 5 ? `${t}:00` : t);
const invalid = (message: string, field?: string) => ({ ok: false as const, error: { code: 'INVALID' as const, message, ...(field ? { field } : {}) } });
/** A refusal as main sends it: a sentence with values also carries its template and values. */
const conflict = (words: string | Sentence, field?: string) => ({
  ok: false as const,
  error: {
    code: 'CONFLICT' as const,
    message: String(words),
    ...(field ? { field } : {}),
    ...(words instanceof Sentence && words.values.length > 0 ? { phrase: words.phrase } : {}),
  },
});
const ok = <T,>(value: T) => ({ ok: true as const, value });

/** An in-person appointment type with no buffers, notice or limit unless the test says otherwise. */
export function appointmentType(fields: Pick<AppointmentTypeDto, 'id' | 'name'> & Partial<AppointmentTypeDto>): AppointmentTypeDto {
  return {
    durationMinutes: 15,
    fee: '500.00',
    colour: '#3a7bd5',
    mode: 'IN_PERSON',
    visitKind: 'NEW',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 0,
    maxDaysAhead: null,
    prepayRequired: false,
    active: true,
    doctors: [],
    ...fields,
  };
}

/** An Indian clinic's settings (INR, Kolkata, A5 receipts, a silent display without names) unless the test says otherwise. */
export function clinicSettings(fields: Partial<SettingsDto> = {}): SettingsDto {
  return {
    clinicName: 'Sunrise Clinic',
    clinicAddress: '',
    timeZone: 'Asia/Kolkata',
    defaultSlotMinutes: 15,
    currency: 'INR',
    idleLockMinutes: 10,
    phoneCountry: null,
    effectivePhoneCountry: 'IN',
    receiptPaper: 'A5',
    boardNames: 'NONE',
    boardSpeaks: false,
    updatedAt: '2026-11-01T00:00:00.000Z',
    ...fields,
  };
}

export function fakeDesk(role: Role = 'RECEPTIONIST') {
  const state = {
    doctors: [doctor(1, 'Dr. Anil Rao', 'General Medicine', '500.00'), doctor(2, 'Dr. Sara Khan', 'Paediatrics', '700.00')],
    patients: [patient(1, 'Asha Verma', '1990-04-12', '+919811000001'), patient(2, 'Ravi Kumar', '1985-01-30', '+919811000002')],
    appointments: [] as AppointmentDto[],
    windows: [] as AvailabilityWindow[],
    payments: [] as PaymentDto[],
    /** Appointment types, each with the doctors offering it (none unless a test adds some). */
    types: [] as AppointmentTypeDto[],
    nextId: 100,
    receipts: 0,
    /** Why the latest backup failed; null while it did not. */
    backupFailure: null as string | null,
    history: [] as { appointmentId: number; kind: string; fromStatus: string | null; toStatus: string | null; at: string }[],
    /** Appointments whose patient is in the online video lobby. */
    waitingOnline: new Set<number>(),
    /** Token doctors' sessions today (see openSession). */
    sessions: [] as OpdSessionDto[],
    /** Waiting patients who go first, and why: main keeps this beside the appointment, not in it. */
    priorities: new Map<number, { priority: Priority; reason: string }>(),
    /** Appointments whose last video call ended without their patient ever joining (session NO_SHOW). */
    videoNoShows: new Set<number>(),
    /** The clinic's holidays, as main keeps them: one a date. */
    holidays: [] as Holiday[],
  };
  for (const d of state.doctors)
    state.windows.push({
      id: state.nextId++,
      doctorId: d.id,
      date: TODAY,
      startTime: '09:00:00',
      endTime: '13:00:00',
      slotMinutes: 15,
      kind: 'TEMPLATE',
      available: true,
      note: null,
    });
  type Change = { id: number; doctorId: number | null; patientId: number | null; date: string | null; oldDoctorId?: number | null; oldDate?: string | null };
  let emit: (event: 'appointments.changed' | 'payments.changed' | 'patients.changed', a: Change) => void = () => undefined;

  let lobbyEmit: (appointmentId: number) => void = () => undefined;
  const findAppointment = (id: number) => state.appointments.find((a) => a.id === id);
  const log = (a: AppointmentDto, kind: string, fromStatus: string | null) =>
    state.history.push({ appointmentId: a.id, kind, fromStatus, toStatus: a.status, at: now() });
  // As main's trigger: an update that moved the appointment also names the doctor and day it left.
  const changed = (a: AppointmentDto, before?: Pick<AppointmentDto, 'doctorId' | 'date'>) =>
    emit('appointments.changed', {
      id: a.id,
      doctorId: a.doctorId,
      patientId: a.patientId,
      date: a.date,
      oldDoctorId: before?.doctorId ?? null,
      oldDate: before?.date ?? null,
    });

  function place(
    req: { patientId: number; doctorId: number; date: string; startTime: string; endTime?: string; reason?: string },
    replacing?: number,
  ): Res<'appointments.book'> | Sentence {
    const d = state.doctors.find((x) => x.id === req.doctorId)!;
    const p = state.patients.find((x) => x.id === req.patientId)!;
    const slot = { startTime: withSeconds(req.startTime), endTime: req.endTime ? withSeconds(req.endTime) : plusMinutes(req.startTime, 15) };
    const clash = state.appointments.find(
      (a) => a.id !== replacing && a.status !== 'CANCELLED' && a.doctorId === d.id && a.date === req.date && overlaps(a, slot),
    );
    if (clash)
      return say`${d.name} already has an appointment ${clash.startTime.slice(0, 5)}–${clash.endTime.slice(0, 5)} on ${clash.date} (${clash.patientName})`;
    const busy = state.appointments.find(
      (a) => a.id !== replacing && a.status !== 'CANCELLED' && a.patientId === p.id && a.date === req.date && overlaps(a, slot),
    );
    if (busy)
      return say`${p.name} already has an appointment ${busy.startTime.slice(0, 5)}–${busy.endTime.slice(0, 5)} on ${busy.date} with ${busy.doctorName}`;
    return scheduledAppointment({
      id: replacing ?? state.nextId++,
      patientId: p.id,
      patientName: p.name,
      patientPhone: p.phone,
      doctorId: d.id,
      doctorName: d.name,
      date: req.date,
      ...slot,
      reason: req.reason ?? null,
    });
  }

  function update(id: number, change: Partial<AppointmentDto>, kind: string) {
    const a = findAppointment(id)!;
    const from = a.status;
    const before = { doctorId: a.doctorId, date: a.date };
    Object.assign(a, change);
    log(a, kind, from);
    changed(a, before);
    return ok({ ...a });
  }

  const nextToken = (doctorId: number) =>
    Math.max(0, ...state.appointments.filter((a) => a.doctorId === doctorId && a.date === TODAY).map((a) => a.tokenNo ?? 0)) + 1;
  const sumOf = (appointmentId: number, keep: (p: (typeof state.payments)[number]) => boolean) =>
    state.payments.filter((p) => p.appointmentId === appointmentId && keep(p)).reduce((sum, p) => sum + Number(p.amount), 0);
  /** As main's totals: what is due counts pending money as on its way; no fee (none, or 0), nothing known to be due. */
  function totalsOf(appointmentId: number): Res<'payments.forAppointment'>['totals'] {
    const a = findAppointment(appointmentId)!;
    const fee = state.doctors.find((d) => d.id === a.doctorId)!.consultationFee;
    const paid = sumOf(appointmentId, (p) => p.kind !== 'REFUND' && (p.status === 'PAID' || p.status === 'REFUNDED'));
    const refunded = -sumOf(appointmentId, (p) => p.kind === 'REFUND');
    const pending = sumOf(appointmentId, (p) => p.status === 'PENDING');
    const money = (n: number) => n.toFixed(2);
    const due = fee && Number(fee) > 0 ? money(Math.max(0, Number(fee) - (paid - refunded) - pending)) : null;
    return { paid: money(paid), refunded: money(refunded), balance: money(paid - refunded), pending: money(pending), fee, due };
  }

  const rank = (id: number) => {
    const priority = state.priorities.get(id)?.priority;
    return priority === 'EMERGENCY' ? 0 : priority ? 1 : 2;
  };

  /** As main: the session's next token at its pace, checked in at once; a full session, or one with only its reserve left, refuses (in main's words). */
  function walkInToken(session: OpdSessionDto, { patientId, reason, priority }: Req<'appointments.walkIn'>) {
    const refusedBy = (constraint: string) => {
      const refusal = tokenRefusal({ code: SqlState.CHECK_VIOLATION, constraint }, session, 'priority')!;
      return { ok: false as const, error: { code: refusal.code, message: refusal.message, ...(refusal.field ? { field: refusal.field } : {}) } };
    };
    if (session.booked >= session.capacity) return refusedBy('chk_opd_session_booked');
    if (priority?.kind !== 'EMERGENCY' && session.booked >= session.capacity - session.emergencyReserve) return refusedBy('chk_opd_emergency_reserve');
    const d = state.doctors.find((x) => x.id === session.doctorId)!;
    const p = state.patients.find((x) => x.id === patientId)!;
    const token = session.firstToken + session.booked;
    const startTime = plusMinutes(session.startTime, session.booked * session.paceMinutes);
    const a: AppointmentDto = {
      ...scheduledAppointment({
        id: state.nextId++,
        patientId,
        patientName: p.name,
        patientPhone: p.phone,
        doctorId: d.id,
        doctorName: d.name,
        date: session.date,
        startTime,
        endTime: plusMinutes(startTime, session.paceMinutes),
        reason: reason ?? null,
      }),
      isWalkIn: true,
      checkedInAt: now(),
      tokenNo: token,
      sessionId: session.id,
      sessionToken: token,
      room: session.room,
    };
    Object.assign(session, { booked: session.booked + 1, highestToken: token });
    if (priority) state.priorities.set(a.id, { priority: priority.kind, reason: priority.reason });
    state.appointments.push(a);
    changed(a);
    return ok({ ...a });
  }

  const nextReceipt = () => `CD-2026-${String(++state.receipts).padStart(6, '0')}`;
  /** A payment row of the appointment as main lists it; `fields` say what was taken and how. */
  const newPayment = (a: AppointmentDto, fields: Partial<PaymentDto> & Pick<PaymentDto, 'amount' | 'status' | 'method'>): PaymentDto => ({
    id: state.nextId++,
    appointmentId: a.id,
    kind: 'PAYMENT',
    refundOf: null,
    receiptNumber: null,
    refunded: '0.00',
    currency: 'INR',
    reference: null,
    note: null,
    advance: false,
    receivedBy: null,
    receivedByName: null,
    paidAt: null,
    createdAt: now(),
    patientName: a.patientName,
    doctorName: a.doctorName,
    ...fields,
  });

  const handlers: FakeHandlers = {
    'auth.status': () => ok({ needsFirstAdmin: false, session: sessionFor(role) }),
    'auth.touch': () => ok(null),
    'settings.get': () => ok(clinicSettings({ clinicAddress: '12 MG Road, Pune', timeZone: 'UTC', updatedAt: now() })),
    'doctors.list': () => ok(state.doctors),
    'users.list': () => ok([]),
    'health.get': () =>
      ok({ databaseMode: 'embedded' as const, databaseBytes: 8_000_000, tables: [], indexes: [], lastBackup: null, lastSuccessfulBackup: null }),
    'backup.status': () =>
      ok({
        schedule: { enabled: false, timeOfDay: '21:00', folder: '', keepLast: 14, updatedAt: null },
        lastRun: state.backupFailure
          ? {
              id: 1,
              trigger: 'SCHEDULED' as const,
              startedAt: '2026-11-25T21:30:00.000Z',
              finishedAt: '2026-11-25T21:30:02.000Z',
              ok: false,
              file: null,
              bytes: null,
              message: state.backupFailure,
            }
          : null,
        lastSuccess: null,
      }),
    'holidays.list': ({ from, to }) => ok(state.holidays.filter((h) => h.date >= from && h.date <= to).sort((a, b) => a.date.localeCompare(b.date))),
    'holidays.add': ({ date, name, cancelBooked }) => {
      const existing = state.holidays.find((h) => h.date === date);
      if (existing) return { ok: false, error: { code: 'CONFLICT', message: `${date} is already a holiday (${existing.name})`, field: 'date' } };
      const booked = state.appointments.filter((a) => a.date === date && a.status === 'SCHEDULED');
      if (booked.length && !cancelBooked)
        return ok({
          status: 'blocked' as const,
          appointments: booked.map(({ id, startTime, endTime, patientName }) => ({ id, date, startTime, endTime, patientName })),
        });
      for (const a of booked) Object.assign(a, { status: 'CANCELLED', cancelReason: cancelBooked!.reason });
      const removed = state.windows.filter((w) => w.date === date && w.available);
      state.windows = state.windows.filter((w) => !removed.includes(w));
      const holiday = { id: state.nextId++, date, name: name.trim() };
      state.holidays.push(holiday);
      return ok({ status: 'saved' as const, holiday, cancelledAppointments: booked.length, removedWindows: removed.length });
    },
    'holidays.rename': ({ id, name }) => {
      const holiday = state.holidays.find((h) => h.id === id);
      if (!holiday) return { ok: false, error: { code: 'NOT_FOUND', message: 'That holiday no longer exists', field: 'id' } };
      holiday.name = name.trim();
      return ok({ ...holiday });
    },
    'holidays.remove': ({ id }) => {
      if (!state.holidays.some((h) => h.id === id)) return { ok: false, error: { code: 'NOT_FOUND', message: 'That holiday no longer exists', field: 'id' } };
      state.holidays = state.holidays.filter((h) => h.id !== id);
      return ok(null);
    },
    'holidays.import': () => {
      const fresh = INDIA_2027.filter((d) => !state.holidays.some((h) => h.date === d.date));
      const booked = fresh.filter((d) => state.appointments.some((a) => a.date === d.date && a.status !== 'CANCELLED'));
      const added = fresh.filter((d) => !booked.includes(d)).map((d) => ({ id: state.nextId++, ...d }));
      state.holidays.push(...added);
      return ok({
        added,
        alreadyThere: INDIA_2027.length - fresh.length,
        booked: booked.map((d) => ({ ...d, appointments: state.appointments.filter((a) => a.date === d.date && a.status !== 'CANCELLED').length })),
      });
    },
    'availability.range': ({ doctorIds, from, to }) => ok(state.windows.filter((w) => doctorIds.includes(w.doctorId) && w.date >= from && w.date <= to)),
    'appointmentTypes.list': ({ doctorId, includeInactive }) =>
      ok(state.types.filter((t) => (includeInactive || t.active) && (doctorId === undefined || t.doctors.some((d) => d.doctorId === doctorId)))),
    'appointments.list': ({ doctorIds, from, to }) =>
      ok(state.appointments.filter((a) => doctorIds.includes(a.doctorId) && a.date >= from && a.date <= to).map((a) => ({ ...a }))),
    // Every doctor books by slots unless a test opens a session for them.
    'opd.listSessions': ({ doctorId, from, to }) =>
      ok(state.sessions.filter((s) => (doctorId === undefined || s.doctorId === doctorId) && s.date >= from && s.date <= to).map((s) => ({ ...s }))),
    'appointments.freeSlots': ({ doctorId, from }) => {
      const d = state.doctors.find((x) => x.id === doctorId)!;
      const date = from ?? TODAY;
      const taken = (t: string) =>
        state.appointments.some(
          (a) => a.doctorId === d.id && a.date === date && a.status !== 'CANCELLED' && overlaps(a, { startTime: t, endTime: plusMinutes(t, 15) }),
        );
      const times = ['09:00:00', '09:15:00', '09:30:00', '09:45:00'].filter((t) => !taken(t));
      return ok(times.map((t) => ({ doctorId: d.id, doctorName: d.name, date, startTime: t, endTime: plusMinutes(t, 15) })));
    },
    'appointments.book': (req) => {
      const placed = place(req);
      if (placed instanceof Sentence) return conflict(placed, 'startTime');
      state.appointments.push(placed);
      log(placed, 'BOOKED', null);
      changed(placed);
      return ok({ ...placed });
    },
    'appointments.reschedule': (req) => {
      const a = findAppointment(req.id)!;
      const placed = place(
        { patientId: a.patientId, doctorId: req.doctorId ?? a.doctorId, date: req.date, startTime: req.startTime, endTime: req.endTime },
        a.id,
      );
      if (placed instanceof Sentence) return conflict(placed, 'startTime');
      return update(a.id, { ...placed, reason: a.reason }, 'RESCHEDULED');
    },
    'appointments.cancel': ({ id, reason }) => update(id, { status: 'CANCELLED', cancelReason: reason }, 'CANCELLED'),
    'appointments.checkIn': ({ id }) => {
      const a = findAppointment(id)!;
      if (a.date !== TODAY) return conflict(`Check-in is for today's appointments; this one is on ${a.date}`, 'id');
      if (a.checkedInAt) return ok({ ...a });
      return update(id, { checkedInAt: now(), tokenNo: nextToken(a.doctorId) }, 'CHECKED_IN');
    },
    'appointments.complete': ({ id }) => update(id, { status: 'COMPLETED', completedAt: now() }, 'COMPLETED'),
    'appointments.noShow': ({ id }) => {
      const a = findAppointment(id)!;
      const time = new Date().toISOString().slice(11, 19);
      if (a.date > TODAY || (a.date === TODAY && a.startTime > time))
        return conflict('A patient can be marked as not coming only once the appointment time has come', 'id');
      return update(id, { status: 'NO_SHOW' }, 'NO_SHOW');
    },
    'appointments.history': ({ id }) =>
      ok(
        state.history
          .filter((h) => h.appointmentId === id)
          .map((h, i) => ({
            id: i + 1,
            kind: h.kind,
            fromStatus: h.fromStatus,
            toStatus: h.toStatus,
            reason: null,
            detail: null,
            changedBy: 1,
            changedByName: 'Priya Desk',
            changedAt: h.at,
            undoneAt: null,
          })),
      ),
    // As main: the newest step still standing (a check-in, completed, did not come) is taken back, once.
    'appointments.undo': ({ id }) => {
      const last = state.history.filter((h) => h.appointmentId === id).at(-1);
      if (!last || !['CHECKED_IN', 'COMPLETED', 'NO_SHOW'].includes(last.kind))
        return conflict('Nothing of yours to undo on this appointment from the last 10 minutes', 'id');
      return update(id, last.kind === 'CHECKED_IN' ? { checkedInAt: null, tokenNo: null } : { status: 'SCHEDULED', completedAt: null }, 'UNDONE');
    },
    'messaging.forAppointment': () => ok({ messages: [], replies: [] }),
    'messaging.inboxCount': () => ok({ open: 0 }),
    'messaging.patientPrefs': ({ patientId }) =>
      ok({ patientId, channel: null, language: null, kindsOff: [], consents: [], defaultChannel: 'SMS', defaultLanguage: 'en' }),
    // As main: a token doctor in session gives the session's next token. Otherwise a type the
    // doctor offers sets the length and fee; one they do not is refused. A priority goes with either.
    'appointments.walkIn': (req) => {
      const { patientId, doctorId, appointmentTypeId, reason, priority } = req;
      const session = state.sessions.find((s) => s.doctorId === doctorId);
      if (session) return walkInToken(session, req);
      const type = state.types.find((t) => t.id === appointmentTypeId);
      const own = type?.doctors.find((d) => d.doctorId === doctorId);
      if (appointmentTypeId && (!type || !type.active || !own))
        return { ok: false, error: { code: 'INVALID', message: 'Not offered', field: 'appointmentTypeId' } };
      const length = own?.durationMinutes ?? type?.durationMinutes;
      const placed = place({ patientId, doctorId, date: TODAY, startTime: '12:45', endTime: length ? plusMinutes('12:45', length) : undefined, reason });
      if (placed instanceof Sentence) return conflict(placed, 'doctorId');
      const typed = type ? { appointmentTypeId: type.id, appointmentTypeName: type.name, fee: own?.fee ?? type.fee } : {};
      const a = { ...placed, ...typed, isWalkIn: true, checkedInAt: now(), tokenNo: nextToken(doctorId) };
      if (priority) state.priorities.set(a.id, { priority: priority.kind, reason: priority.reason });
      state.appointments.push(a);
      changed(a);
      return ok({ ...a });
    },
    'video.waitingOnline': (req) => {
      const asked = req.appointmentIds ?? state.appointments.filter((a) => a.date === req.date).map((a) => a.id);
      return ok({
        appointmentIds: asked.filter((id) => state.waitingOnline.has(id)),
        noShowIds: asked.filter((id) => state.videoNoShows.has(id)),
      });
    },
    'appointments.queue': () =>
      ok(
        state.doctors.map((d) => ({
          doctorId: d.id,
          doctorName: d.name,
          consultMinutes: 15,
          typicalWaitMinutes: null,
          waiting: state.appointments
            .filter((a) => a.doctorId === d.id && a.date === TODAY && a.status === 'SCHEDULED' && a.checkedInAt)
            // As main's call order: emergencies, then other priority tokens, then by token.
            .sort((a, b) => rank(a.id) - rank(b.id) || (a.tokenNo ?? 0) - (b.tokenNo ?? 0))
            .map((a, i) => ({
              appointment: { ...a },
              stage: 'ARRIVED' as const,
              priority: state.priorities.get(a.id)?.priority ?? null,
              priorityReason: state.priorities.get(a.id)?.reason ?? null,
              skipped: false,
              calledAt: null,
              waitingMinutes: 5,
              estimatedWaitMinutes: i * 15,
            })),
        })),
      ),
    'patients.search': ({ query, limit }) =>
      ok(state.patients.filter((p) => p.name.toLowerCase().includes(query.toLowerCase()) || p.phone?.includes(query)).slice(0, limit ?? 20)),
    'patients.get': ({ id }) => {
      const p = state.patients.find((x) => x.id === id);
      if (!p) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such patient' } };
      const visible = role === 'RECEPTIONIST' ? (({ medicalHistory: _hidden, ...rest }) => rest)(p) : p;
      const theirs = state.appointments
        .filter((a) => a.patientId === id)
        .map((a) => ({
          id: a.id,
          date: a.date,
          startTime: a.startTime,
          endTime: a.endTime,
          status: a.status,
          doctorId: a.doctorId,
          doctorName: a.doctorName,
          reason: a.reason,
        }));
      return ok({ patient: visible, upcoming: theirs, past: [], payments: [] });
    },
    'patients.create': (req) => {
      if (!req.name.trim()) return invalid('Enter the patient’s name', 'name');
      let phone: string | null;
      try {
        // Main's own parser, with the clinic's country (India for the fake's UTC clinic).
        phone = normalisePhone(req.phone, 'IN');
      } catch (e) {
        if (e instanceof AppError) return invalid(e.message, e.field);
        throw e;
      }
      // As main: the same phone alone, or a name alike (the same words, in any order) with the same birth date.
      const words = (name: string) => name.toLowerCase().split(/\s+/).filter(Boolean).sort().join(' ');
      const twins = state.patients.filter(
        (p) => (phone && p.phone === phone) || (req.dateOfBirth && p.dateOfBirth === req.dateOfBirth && words(p.name) === words(req.name)),
      );
      if (twins.length && !req.confirmNotDuplicate) return ok({ status: 'possible_duplicates' as const, candidates: twins });
      const p: PatientDetail = {
        ...patient(state.nextId++, req.name.trim(), req.dateOfBirth ?? '', phone ?? ''),
        dateOfBirth: req.dateOfBirth ?? null,
        phone,
        address: req.address ?? null,
      };
      state.patients.push(p);
      emit('patients.changed', { id: p.id, doctorId: null, patientId: p.id, date: null });
      return ok({ status: 'created' as const, patient: p });
    },
    'patients.update': (req) => {
      const p = state.patients.find((x) => x.id === req.id)!;
      if (req.name !== undefined && !req.name.trim()) return invalid('Enter the patient’s name', 'name');
      Object.assign(p, Object.fromEntries(Object.entries(req).filter(([k]) => k !== 'id')), { updatedAt: now() });
      emit('patients.changed', { id: p.id, doctorId: null, patientId: p.id, date: null });
      return ok(p);
    },
    'payments.forAppointment': ({ appointmentId }) =>
      ok({
        appointmentId,
        payments: state.payments.filter((p) => p.appointmentId === appointmentId),
        totals: totalsOf(appointmentId),
        // The fake desk collects through its fake gateway.
        gatewayUnavailable: null,
      }),
    // The demo desk has no UPI ID set: main's own answer for that.
    'payments.upiLink': () => conflict("The clinic's UPI ID is not set: an administrator enters it in the payment settings"),
    'payments.record': ({ appointmentId, method, reference, amount, pending, advanceReason }) => {
      const a = findAppointment(appointmentId)!;
      const fee = state.doctors.find((d) => d.id === a.doctorId)!.consultationFee!;
      const taken = amount ?? fee;
      // As main: more than is due is refused unless it is an advance with its reason.
      const { due } = totalsOf(appointmentId);
      const over = due !== null && Number(taken) > Number(due);
      if (over && !advanceReason) return conflict(overDueMessage(due, 'INR'), 'amount');
      const p = newPayment(a, {
        receiptNumber: pending ? null : nextReceipt(),
        amount: Number(taken).toFixed(2),
        status: pending ? 'PENDING' : 'PAID',
        method,
        reference: reference ?? null,
        note: over ? advanceReason! : null,
        advance: over,
        receivedBy: pending ? null : 1,
        receivedByName: pending ? null : 'Priya Desk',
        paidAt: pending ? null : now(),
      });
      state.payments.push(p);
      emit('payments.changed', { id: p.id, doctorId: a.doctorId, patientId: a.patientId, date: a.date });
      return ok(p);
    },
    // As main: a PENDING payment for exactly what is due, waiting on Razorpay's QR, link or order.
    'payments.collect': ({ appointmentId, via }) => {
      const a = findAppointment(appointmentId)!;
      const { due } = totalsOf(appointmentId);
      if (due === null || Number(due) === 0)
        return conflict('Nothing is due for this visit (it is paid, or a payment is pending confirmation)', 'appointmentId');
      const gatewayId = `${{ QR: 'qr', LINK: 'plink', ORDER: 'order' }[via]}_${state.nextId}`;
      const url = via === 'ORDER' ? null : `https://rzp.io/i/${gatewayId}`;
      const p = newPayment(a, { amount: due, status: 'PENDING', method: via === 'QR' ? 'UPI' : null, gatewayVia: via, gatewayUrl: url });
      state.payments.push(p);
      emit('payments.changed', { id: p.id, doctorId: a.doctorId, patientId: a.patientId, date: a.date });
      return ok({ payment: p, gatewayId, url });
    },
    // Razorpay's image of the QR, as main hands it over: a data: URL naming the payment.
    'payments.gatewayQr': ({ paymentId }) => ok({ paymentId, image: `data:image/png;base64,${btoa(`qr-of-payment-${paymentId}`)}` }),
    'payments.confirm': ({ id }) => {
      const p = state.payments.find((x) => x.id === id)!;
      if (p.status !== 'PENDING') return conflict(`This payment is already paid; only a pending one can be confirmed`, 'id');
      if (p.gatewayVia) return conflict('This payment waits on the payment gateway; it turns paid by itself when the gateway reports it', 'id');
      Object.assign(p, {
        status: 'PAID',
        receiptNumber: nextReceipt(),
        receivedBy: 1,
        receivedByName: 'Priya Desk',
        paidAt: now(),
      });
      return ok({ ...p });
    },
    'payments.refund': ({ paymentId, amount, reason }) => {
      const paid = state.payments.find((x) => x.id === paymentId)!;
      const remaining = (Number(paid.amount) - Number(paid.refunded)).toFixed(2);
      if (Number(amount) > Number(remaining)) return conflict(say`At most ${paid.currency} ${remaining} of this payment can still be refunded`, 'amount');
      paid.refunded = (Number(paid.refunded) + Number(amount)).toFixed(2);
      const refund: PaymentDto = {
        ...paid,
        id: state.nextId++,
        kind: 'REFUND',
        refundOf: paid.id,
        receiptNumber: nextReceipt(),
        amount: `-${Number(amount).toFixed(2)}`,
        refunded: '0.00',
        status: 'REFUNDED',
        note: reason,
      };
      state.payments.push(refund);
      return ok(refund);
    },
    'payments.receipt': ({ id }) => {
      const p = state.payments.find((x) => x.id === id)!;
      const a = findAppointment(p.appointmentId)!;
      return ok({
        id: p.id,
        kind: p.kind,
        receiptNumber: p.receiptNumber!,
        refundOfReceiptNumber: null,
        status: p.status,
        clinicName: 'Sunrise Clinic',
        clinicAddress: '12 MG Road, Pune',
        patient: { id: a.patientId, name: a.patientName, phone: a.patientPhone },
        doctor: { id: a.doctorId, name: a.doctorName, specialization: null },
        appointment: { id: a.id, date: a.date, startTime: a.startTime, endTime: a.endTime },
        amount: p.amount,
        refunded: p.refunded,
        currency: p.currency,
        method: p.method,
        reference: p.reference,
        note: null,
        receivedBy: { id: 1, name: 'Priya Desk' },
        paidAt: p.paidAt!,
        paidAtClinicTime: `${TODAY} 10:20`,
        timeZone: 'UTC',
        paper: 'A5',
      });
    },
    'payments.ofDay': ({ date }) => {
      const ofDay = (id: number) => findAppointment(id)?.date === date;
      return ok({
        appointments: state.appointments
          .filter((a) => a.date === date && a.status !== 'CANCELLED')
          .map((a) => {
            const { balance, pending, due } = totalsOf(a.id);
            return { appointmentId: a.id, balance, pending, due };
          }),
        pending: state.payments.filter((p) => p.status === 'PENDING' && ofDay(p.appointmentId)),
      });
    },
    'payments.dayEnd': ({ date }) => {
      const entries = state.payments.filter((p) => p.paidAt?.startsWith(date));
      const total = entries.reduce((s, p) => s + Number(p.amount), 0).toFixed(2);
      const sums = { currency: 'INR', received: total, refunded: '0.00', net: total, payments: entries.length, refunds: 0 };
      return ok({
        date,
        timeZone: 'UTC',
        totals: [sums],
        byMethod: [{ method: 'CASH', ...sums }],
        byUser: [{ userId: 1, userName: 'Priya Desk', ...sums }],
        entries,
      });
    },
  };

  return {
    state,
    handlers,
    /** An appointment today (or on `date`) for a patient with a doctor. */
    add(patientId: number, doctorId: number, startTime: string, extra: Partial<AppointmentDto> = {}) {
      const placed = place({ patientId, doctorId, date: extra.date ?? TODAY, startTime });
      if (placed instanceof Sentence) throw new Error(String(placed));
      const a = { ...placed, ...extra };
      state.appointments.push(a);
      return a;
    },
    /**
     * A token session of the doctor today, 09:00–13:00; the fake has no clock of its own, so a
     * walk-in at this doctor is always in session.
     */
    openSession(doctorId: number, plan: Partial<Pick<OpdSessionDto, 'capacity' | 'emergencyReserve' | 'room'>> = {}) {
      const capacity = plan.capacity ?? 16;
      const s: OpdSessionDto = {
        id: state.nextId++,
        doctorId,
        doctorName: state.doctors.find((d) => d.id === doctorId)!.name,
        date: TODAY,
        startTime: '09:00:00',
        endTime: '13:00:00',
        capacity,
        emergencyReserve: plan.emergencyReserve ?? 0,
        room: plan.room ?? null,
        booked: 0,
        firstToken: 1,
        highestToken: null,
        paceMinutes: 240 / capacity,
      };
      state.sessions.push(s);
      return s;
    },
    /** Razorpay's webhook as main applies it: the gateway payment PAID with the next receipt, and every desk told. */
    gatewayPaid(paymentId: number) {
      const p = state.payments.find((x) => x.id === paymentId)!;
      const a = findAppointment(p.appointmentId)!;
      Object.assign(p, { status: 'PAID', receiptNumber: nextReceipt(), paidAt: now(), reference: `pay_${paymentId}` });
      emit('payments.changed', { id: p.id, doctorId: a.doctorId, patientId: a.patientId, date: a.date });
    },
    /** The gateway lets this appointment's patient into the online lobby, as its NOTIFY tells every desk. */
    enterLobby(appointmentId: number) {
      state.waitingOnline.add(appointmentId);
      lobbyEmit(appointmentId);
    },
    /** The appointment's video room ended and its patient never joined: main's session is NO_SHOW, and its NOTIFY tells every desk. */
    videoCallEndedUnjoined(appointmentId: number) {
      state.videoNoShows.add(appointmentId);
      lobbyEmit(appointmentId);
    },
    connect(fake: ReturnType<typeof fakeClinic>) {
      lobbyEmit = (appointmentId) =>
        fake.emit('video.lobbyChanged', { op: 'UPDATE', id: 1, doctorId: null, patientId: null, appointmentId, date: null, oldDoctorId: null, oldDate: null });
      emit = (event, c) =>
        fake.emit(event, {
          op: 'UPDATE',
          id: c.id,
          doctorId: c.doctorId,
          patientId: c.patientId,
          appointmentId: null,
          date: c.date,
          oldDoctorId: c.oldDoctorId ?? null,
          oldDate: c.oldDate ?? null,
        });
    },
  };
}
