import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto, BookedTokenDto, OpdSessionDto, Req } from '../../preload/contract';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const DAY = '2099-03-02';
const EDIT_DAY = '2099-03-09';
/** A day of one session, so its tokens are 1, 2, … */
const BOOK_DAY = '2099-03-03';

describe.each(MODES)('OPD sessions of token doctors (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let desk: string;
  let drToken: number;
  let drSlots: number;
  let patients: number[];
  let nextPatient = 0;
  let today: string;

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${new Date().toISOString().slice(0, 10)}T10:00:00Z`);
    today = clinicNow((await h.services.settings.get()).timeZone, h.clock.now).date;
    [{ id: drToken }, { id: drSlots }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Token Rao', email: 'token.rao@clinic.test', room: 'Room 1' },
        { name: 'Dr. Slot Sen', email: 'slot.sen@clinic.test' },
      ])
      .returning('id');
    await h
      .knex('doctor_availabilities')
      .insert(
        [drToken, drSlots].flatMap((doctor_id) => [DAY, today].map((date) => ({ doctor_id, date, start_time: '08:00', end_time: '18:00', slot_minutes: 15 }))),
      );
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 40 }, (_, i) => ({ name: `Token Patient ${i}`, email: `tp${i}@example.com` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
  });
  afterAll(() => h.dispose());

  const createSession = (req: Req<'opd.createSession'>, key = admin) => h.call('opd.createSession', req, key);
  const session = async (req: Partial<Req<'opd.createSession'>>) =>
    expectOk<OpdSessionDto>(await createSession({ doctorId: drToken, date: DAY, startTime: '09:00', endTime: '10:00', capacity: 4, ...req }));
  const bookToken = (sessionId: number, extra: Partial<Req<'opd.bookToken'>> = {}) =>
    h.call('opd.bookToken', { sessionId, patientId: patients[nextPatient++]!, ...extra }, desk);
  const bookedToken = async (sessionId: number, extra: Partial<Req<'opd.bookToken'>> = {}) => expectOk<BookedTokenDto>(await bookToken(sessionId, extra));

  it('a session is planned with its capacity, reserve and room; bad plans are refused and change nothing', async () => {
    const s = await session({ emergencyReserve: 1, room: 'OPD 4' });
    expect(s).toMatchObject({ doctorName: 'Dr. Token Rao', capacity: 4, emergencyReserve: 1, room: 'OPD 4', booked: 0, paceMinutes: 15 });
    expect(await createSession({ doctorId: drToken, date: DAY, startTime: '09:30', endTime: '11:00', capacity: 5 })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Dr. Token Rao already has a session overlapping 09:30–11:00 on 2099-03-02', field: 'startTime' },
    });
    expect(await createSession({ doctorId: drToken, date: DAY, startTime: '11:00', endTime: '12:00', capacity: 3, emergencyReserve: 3 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'emergencyReserve' },
    });
    expect(await createSession({ doctorId: drToken, date: DAY, startTime: '11:00', endTime: '11:10', capacity: 20 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'capacity' },
    });
    const otherDoctor = (await h.signInAs('DOCTOR')).sessionKey;
    expect(await createSession({ doctorId: drToken, date: DAY, startTime: '11:00', endTime: '12:00', capacity: 3 }, otherDoctor)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const listed = expectOk(await h.call('opd.listSessions', { doctorId: drToken, from: DAY, to: DAY }, desk));
    expect(listed.map((x) => x.id)).toEqual([s.id]);
  });

  it('booking issues the next token at the session pace; the reserve is for emergencies; never past capacity', async () => {
    const s = await session({ date: BOOK_DAY, startTime: '14:00', endTime: '15:00', emergencyReserve: 1, room: 'OPD 7' });
    const tokens = [await bookedToken(s.id), await bookedToken(s.id), await bookedToken(s.id, { reason: 'Cough' })];
    expect(tokens.map((t) => [t.token, t.estimatedTime, t.room])).toEqual([
      [1, '14:00:00', 'OPD 7'],
      [2, '14:15:00', 'OPD 7'],
      [3, '14:30:00', 'OPD 7'],
    ]);
    expect(tokens[0]!.appointment).toMatchObject({
      sessionId: s.id,
      sessionToken: 1,
      date: BOOK_DAY,
      startTime: '14:00:00',
      endTime: '14:15:00',
      room: 'OPD 7',
    });

    // The fourth and last token is the emergency reserve.
    expect(await bookToken(s.id)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'emergency' } });
    const emergency = await bookedToken(s.id, { emergency: { reason: 'Chest pain' } });
    expect([emergency.token, emergency.estimatedTime, emergency.appointment.status]).toEqual([4, '14:45:00', 'SCHEDULED']);
    expect(await h.knex('appointment_entities').where({ id: emergency.appointment.id }).first('priority', 'priority_reason')).toEqual({
      priority: 'EMERGENCY',
      priority_reason: 'Chest pain',
    });
    expect(await bookToken(s.id, { emergency: { reason: 'Fall' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: "Dr. Token Rao's session of 2099-03-03, 14:00–15:00 is full: all 4 tokens are booked" },
    });

    // A cancelled token's number is issued again (no gap), and the database refuses the N+1th
    // token however it is written.
    expectOk(await h.call('appointments.cancel', { id: tokens[1]!.appointment.id, reason: 'Travelling' }, desk));
    expect(expectOk(await h.call('opd.listSessions', { doctorId: drToken, from: BOOK_DAY, to: BOOK_DAY }, desk)).find((x) => x.id === s.id)!.booked).toBe(3);
    expect((await bookedToken(s.id, { emergency: { reason: 'Fever 104' } })).token).toBe(2);
    await expect(
      h.knex('appointment_entities').insert({
        patient_id: patients[nextPatient++],
        doctor_id: drToken,
        appointment_date: BOOK_DAY,
        start_time: '14:00',
        end_time: '14:15',
        opd_session_id: s.id,
        priority: 'EMERGENCY',
        priority_reason: 'Written by hand',
      }),
    ).rejects.toMatchObject({ code: '23514', constraint: 'chk_opd_session_booked' });
    // Undoing the cancellation would need token 2 back, which is taken now.
    expect(await h.call('appointments.undo', { id: tokens[1]!.appointment.id }, desk)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const live = await h
      .knex('appointment_entities')
      .where({ opd_session_id: s.id })
      .whereNot('status', 'CANCELLED')
      .orderBy('session_token')
      .pluck('session_token');
    expect(live).toEqual([1, 2, 3, 4]);
    // A token keeps its session and time: moving it is refused by the service and by the database.
    expect(await h.call('appointments.reschedule', { id: tokens[0]!.appointment.id, date: BOOK_DAY, startTime: '16:00' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Token 1 keeps its session: cancel it and book a token in another session' },
    });
    await expect(h.knex('appointment_entities').where({ id: tokens[0]!.appointment.id }).update({ start_time: '16:00' })).rejects.toMatchObject({
      code: '23514',
      constraint: 'chk_opd_token_fixed',
    });
  });

  it('slots stay off a session: free-slot search skips it and a slot booking inside it is refused; a slot doctor is untouched', async () => {
    await session({ startTime: '16:00', endTime: '17:00', capacity: 6 });
    const slots = expectOk(await h.call('appointments.freeSlots', { doctorId: drToken, from: DAY, days: 1, count: 50 }, desk));
    expect(slots.filter((x) => x.startTime < '17:00:00' && x.endTime > '16:00:00')).toEqual([]);
    expect(slots.map((x) => x.startTime)).toContain('17:00:00');
    expect(await h.call('appointments.book', { patientId: patients[nextPatient++]!, doctorId: drToken, date: DAY, startTime: '16:15' }, desk)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: "16:15–16:30 on 2099-03-02 is in Dr. Token Rao's OPD session (16:00–17:00): book a token in it instead" },
    });
    const other = expectOk(await h.call('appointments.freeSlots', { doctorId: drSlots, from: DAY, days: 1, count: 50 }, desk));
    expect(other.map((x) => x.startTime)).toContain('16:15:00');
  });

  it("a token doctor's day runs from booking to done: the token is the waiting room's number, the room on the board; every desk hears it", async () => {
    const s = await session({ date: today, startTime: '09:00', endTime: '12:00', capacity: 12, room: 'OPD 9' });
    const before = h.events.length;
    const [first, second] = [await bookedToken(s.id), await bookedToken(s.id)];
    expect([first.token, first.estimatedTime, second.token, second.estimatedTime]).toEqual([1, '09:00:00', 2, '09:15:00']);
    await waitFor('opd.changed for the booked tokens', () =>
      h.events.slice(before).find((e) => e.event === 'opd.changed' && (e.payload as { id: number }).id === s.id),
    );

    // A walk-in during the session gets its next token, checked in at once: the reply carries it.
    const walkIn = expectOk<AppointmentDto>(await h.call('appointments.walkIn', { patientId: patients[nextPatient++]!, doctorId: drToken }, desk));
    expect(walkIn).toMatchObject({ sessionId: s.id, sessionToken: 3, tokenNo: 3, isWalkIn: true, startTime: '09:30:00', room: 'OPD 9' });
    expect(walkIn.checkedInAt).not.toBeNull();

    // The second patient comes first; each keeps the session's token.
    const checkIn = async (id: number) => expectOk<AppointmentDto>(await h.call('appointments.checkIn', { id }, desk)).tokenNo;
    expect(await checkIn(second.appointment.id)).toBe(2);
    expect(await checkIn(first.appointment.id)).toBe(1);
    const called = expectOk(await h.call('appointments.callNext', { doctorId: drToken }, desk));
    expect([called.tokenNo, called.room]).toEqual([1, 'OPD 9']);
    const board = expectOk(await h.call('board.show', { ticket: h.services.displayTickets.issue() }));
    expect(board.doctors.find((d) => d.doctorId === drToken)).toMatchObject({ room: 'OPD 9', now: { tokenNo: 1 }, next: [{ tokenNo: 2 }, { tokenNo: 3 }] });
    expectOk(await h.call('appointments.stage', { id: called.id, action: 'start' }, desk));
    const done = expectOk(await h.call('appointments.complete', { id: called.id }, desk));
    expect(done.status).toBe('COMPLETED');
    const queue = expectOk(await h.call('appointments.queue', { doctorId: drToken }, desk));
    expect(queue[0]!.waiting.map((w) => [w.appointment.tokenNo, w.stage])).toEqual([
      [2, 'ARRIVED'],
      [3, 'ARRIVED'],
    ]);
  });

  it('a session with tokens stays; an unused one can be removed', async () => {
    const used = await session({ startTime: '17:00', endTime: '18:00', capacity: 2 });
    await bookedToken(used.id);
    expect(await h.call('opd.removeSession', { id: used.id }, admin)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const unused = await session({ startTime: '18:00', endTime: '19:00', capacity: 2 });
    expectOk(await h.call('opd.removeSession', { id: unused.id }, admin));
    expect(await h.knex('opd_sessions').where({ id: unused.id }).first()).toBeUndefined();
  });
  const newDoctor = async (name: string) => {
    const [{ id }] = await h
      .knex('doctor_entities')
      .insert({ name, email: `${name.replace(/\W/g, '').toLowerCase()}@clinic.test` })
      .returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: id, date: today, start_time: '08:00', end_time: '18:00', slot_minutes: 15 });
    return id as number;
  };

  it("one doctor's day is one series of numbers: the evening continues after the morning, slot check-ins after both; Call next serves the session under way first", async () => {
    const doctorId = await newDoctor('Dr. Two Sittings');
    const morning = await session({ doctorId, date: today, startTime: '09:00', endTime: '11:00', capacity: 4 });
    const evening = await session({ doctorId, date: today, startTime: '14:00', endTime: '15:00', capacity: 3 });
    expect([morning.firstToken, evening.firstToken]).toEqual([1, 5]);
    const e1 = await bookedToken(evening.id);
    const [m1, m2] = [await bookedToken(morning.id), await bookedToken(morning.id)];
    expect([e1.token, e1.estimatedTime, m1.token, m2.token, m2.estimatedTime]).toEqual([5, '14:00:00', 1, 2, '09:30:00']);

    // A slot patient's number comes after every session's block, never inside one.
    const slot = expectOk<AppointmentDto>(
      await h.call('appointments.book', { patientId: patients[nextPatient++]!, doctorId, date: today, startTime: '12:00' }, desk),
    );
    const checkIn = async (id: number) => expectOk<AppointmentDto>(await h.call('appointments.checkIn', { id }, desk)).tokenNo;
    expect([await checkIn(e1.appointment.id), await checkIn(slot.id), await checkIn(m2.appointment.id)]).toEqual([5, 8, 2]);
    // A session planned between them cannot take 5..7 (the evening's): its block follows every number of the day.
    const noon = await session({ doctorId, date: today, startTime: '12:30', endTime: '13:30', capacity: 2 });
    expect(noon.firstToken).toBe(9);
    // The database keeps one number per doctor's day, however it is written.
    await expect(h.knex('appointment_entities').where({ id: slot.id }).update({ token_no: 2 })).rejects.toMatchObject({
      code: '23505',
      constraint: 'uq_appointment_token',
    });

    // At 10:00 the morning is under way: its token first, then the slot patient, and the evening's
    // token (here early) only when nobody else waits.
    const called: number[] = [];
    for (let i = 0; i < 3; i++) {
      const next = expectOk<AppointmentDto>(await h.call('appointments.callNext', { doctorId }, desk));
      called.push(next.tokenNo!);
      expectOk(await h.call('appointments.stage', { id: next.id, action: 'start' }, desk));
      expectOk(await h.call('appointments.complete', { id: next.id }, desk));
    }
    expect(called).toEqual([2, 8, 5]);
  });

  it('a walk-in at a token doctor in session takes the next token; only an emergency takes the reserve; a full session refuses', async () => {
    const doctorId = await newDoctor('Dr. Walk Token');
    const s = await session({ doctorId, date: today, startTime: '09:00', endTime: '12:00', capacity: 3, emergencyReserve: 1, room: 'OPD 2' });
    const walkIn = (extra: Partial<Req<'appointments.walkIn'>> = {}) =>
      h.call('appointments.walkIn', { patientId: patients[nextPatient++]!, doctorId, ...extra }, desk);
    const first = expectOk(await walkIn({ reason: 'Fever' }));
    expect(first).toMatchObject({ sessionId: s.id, tokenNo: 1, sessionToken: 1, startTime: '09:00:00', endTime: '10:00:00', room: 'OPD 2', isWalkIn: true });
    expect(expectOk(await walkIn()).tokenNo).toBe(2);
    expect(await walkIn()).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'priority' } });
    const emergency = expectOk(await walkIn({ priority: { kind: 'EMERGENCY', reason: 'Breathless' } }));
    expect(emergency.tokenNo).toBe(3);
    expect(await h.knex('appointment_entities').where({ id: emergency.id }).first('priority', 'priority_reason', 'checked_in_at')).toMatchObject({
      priority: 'EMERGENCY',
      priority_reason: 'Breathless',
    });
    expect(await walkIn({ priority: { kind: 'EMERGENCY', reason: 'Fall' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `Dr. Walk Token's session of ${today}, 09:00–12:00 is full: all 3 tokens are booked` },
    });
    const history = await h.knex('appointment_history').where({ appointment_id: first.id }).orderBy('id').pluck('kind');
    expect(history).toEqual(['BOOKED', 'CHECKED_IN']);
    // The emergency's trail says it walked in as one, got its session token as its number, and why it goes first.
    expect(await h.knex('appointment_history').where({ appointment_id: emergency.id }).orderBy('id').select('kind', 'detail', 'reason')).toEqual([
      { kind: 'BOOKED', detail: { sessionId: s.id, doctorId, priority: 'EMERGENCY', walkIn: true }, reason: null },
      { kind: 'CHECKED_IN', detail: { tokenNo: 3 }, reason: null },
      { kind: 'PRIORITY', detail: { priority: 'EMERGENCY' }, reason: 'Breathless' },
    ]);
  });

  it("a walk-in's priority comes with its token in one commit: called as setPriority's are, shown on the board, audited with its reason; the reserve stays an emergency's", async () => {
    const doctorId = await newDoctor('Dr. Walk Priority');
    await session({ doctorId, date: today, startTime: '09:00', endTime: '12:00', capacity: 6, emergencyReserve: 1 });
    const walkIn = (extra: Partial<Req<'appointments.walkIn'>> = {}) =>
      h.call('appointments.walkIn', { patientId: patients[nextPatient++]!, doctorId, ...extra }, desk);
    const t1 = expectOk(await walkIn());
    const t2 = expectOk(await walkIn({ priority: { kind: 'ELDERLY', reason: ' Aged 82, walks with a frame ' } }));
    const t3 = expectOk(await walkIn());
    const t4 = expectOk(await walkIn({ priority: { kind: 'PREGNANT', reason: 'Eight months' } }));
    const t5 = expectOk(await walkIn());
    expect([t1, t2, t3, t4, t5].map((a) => a.tokenNo)).toEqual([1, 2, 3, 4, 5]);

    // Only the reserved token is left: an elderly, pregnant or child walk-in does not take it, and nothing is written.
    const before = await h.knex('appointment_entities').where({ doctor_id: doctorId }).count<{ count: string }[]>({ count: '*' });
    expect(await walkIn({ priority: { kind: 'CHILD', reason: 'Two years old' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'priority', message: expect.stringContaining('kept for emergencies') },
    });
    expect(await h.knex('appointment_entities').where({ doctor_id: doctorId }).count<{ count: string }[]>({ count: '*' })).toEqual(before);
    const t6 = expectOk(await walkIn({ priority: { kind: 'EMERGENCY', reason: 'Chest pain' } }));
    expect(t6.tokenNo).toBe(6);

    // Given afterwards, the same priority ranks the same way: emergencies, then priority tokens by number, then the rest.
    expectOk(await h.call('appointments.setPriority', { id: t3.id, priority: 'CHILD', reason: 'Four years old' }, desk));
    const queue = expectOk(await h.call('appointments.queue', { doctorId }, desk));
    expect(queue[0]!.waiting.map((w) => [w.appointment.tokenNo, w.priority, w.priorityReason])).toEqual([
      [6, 'EMERGENCY', 'Chest pain'],
      [2, 'ELDERLY', 'Aged 82, walks with a frame'],
      [3, 'CHILD', 'Four years old'],
      [4, 'PREGNANT', 'Eight months'],
      [1, null, null],
      [5, null, null],
    ]);
    const board = expectOk(await h.call('board.show', { ticket: h.services.displayTickets.issue() }));
    expect(board.doctors.find((d) => d.doctorId === doctorId)!.next.slice(0, 3)).toEqual([
      { tokenNo: 6, initials: null, priority: 'EMERGENCY' },
      { tokenNo: 2, initials: null, priority: 'ELDERLY' },
      { tokenNo: 3, initials: null, priority: 'CHILD' },
    ]);
    const called: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = expectOk<AppointmentDto>(await h.call('appointments.callNext', { doctorId }, desk));
      called.push(next.tokenNo!);
      expectOk(await h.call('appointments.stage', { id: next.id, action: 'start' }, desk));
      expectOk(await h.call('appointments.complete', { id: next.id }, desk));
    }
    expect(called).toEqual([6, 2, 3, 4, 1, 5]);

    // One audit row per walk-in, written with it: a priority's carries its kind and reason.
    const audited = await h
      .knex('audit_log')
      .where({ action: 'appointments.walkIn', outcome: 'OK' })
      .whereIn('entity_id', [t1.id, t2.id])
      .orderBy('entity_id')
      .select('entity_id', 'detail');
    expect(audited).toEqual([
      { entity_id: t1.id, detail: null },
      { entity_id: t2.id, detail: { priority: 'ELDERLY', reason: 'Aged 82, walks with a frame' } },
    ]);
  });

  it("a slot doctor's walk-in takes its priority too; a priority without its reason is refused and adds nobody", async () => {
    const doctorId = await newDoctor('Dr. Walk Slots');
    const walkIn = (extra: Partial<Req<'appointments.walkIn'>> = {}) =>
      h.call('appointments.walkIn', { patientId: patients[nextPatient++]!, doctorId, ...extra }, desk);
    const plain = expectOk(await walkIn());
    expect(await walkIn({ priority: { kind: 'CHILD', reason: ' ' } })).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'priority.reason' } });
    expect(await h.knex('appointment_entities').where({ doctor_id: doctorId }).pluck('id')).toEqual([plain.id]);
    const child = expectOk(await walkIn({ priority: { kind: 'CHILD', reason: 'Infant with fever' } }));
    expect(child).toMatchObject({ sessionId: null, isWalkIn: true });
    expect(child.checkedInAt).not.toBeNull();
    expect(await h.knex('appointment_entities').where({ id: child.id }).first('priority', 'priority_reason')).toEqual({
      priority: 'CHILD',
      priority_reason: 'Infant with fever',
    });
    const queue = expectOk(await h.call('appointments.queue', { doctorId }, desk));
    expect(queue[0]!.waiting.map((w) => [w.appointment.id, w.priority])).toEqual([
      [child.id, 'CHILD'],
      [plain.id, null],
    ]);
    expect(expectOk<AppointmentDto>(await h.call('appointments.callNext', { doctorId }, desk)).id).toBe(child.id);
  });

  it('a session is edited: capacity not below its booked tokens nor into the next block, times move its tokens to the new pace; audited', async () => {
    const s1 = await session({ date: EDIT_DAY, startTime: '09:00', endTime: '10:00', capacity: 4 });
    const s2 = await session({ date: EDIT_DAY, startTime: '11:00', endTime: '12:00', capacity: 3 });
    const [t1, t2] = [await bookedToken(s1.id), await bookedToken(s1.id)];
    const update = (req: Partial<Req<'opd.updateSession'>>, key = admin) =>
      h.call('opd.updateSession', { id: s1.id, startTime: '09:00', endTime: '10:00', capacity: 4, emergencyReserve: 0, ...req }, key);

    expect(await update({ capacity: 1 })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'capacity',
        message: "Token 2 is booked in Dr. Token Rao's session of 2099-03-09, 09:00–10:00: keep at least 2 tokens",
      },
    });
    expect(await update({ capacity: 6 })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'capacity' } });
    expect(await update({ endTime: '11:30' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'startTime' } });
    expect(await update({ capacity: 3 }, (await h.signInAs('DOCTOR')).sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.knex('opd_sessions').where({ id: s1.id }).first('capacity', 'start_time')).toEqual({ capacity: 4, start_time: '09:00:00' });

    const edited = expectOk(await update({ startTime: '08:00', endTime: '10:00', emergencyReserve: 1, room: 'OPD 5' }));
    expect(edited).toMatchObject({ firstToken: 1, capacity: 4, emergencyReserve: 1, room: 'OPD 5', paceMinutes: 30, booked: 2, highestToken: 2 });
    const times = await h
      .knex('appointment_entities')
      .whereIn('id', [t1.appointment.id, t2.appointment.id])
      .orderBy('session_token')
      .select('start_time', 'end_time');
    expect(times).toEqual([
      { start_time: '08:00:00', end_time: '08:30:00' },
      { start_time: '08:30:00', end_time: '09:00:00' },
    ]);
    // The later session may grow: nothing follows its block.
    expect(
      expectOk(await h.call('opd.updateSession', { id: s2.id, startTime: '11:00', endTime: '12:30', capacity: 6, emergencyReserve: 0 }, admin)),
    ).toMatchObject({
      firstToken: 5,
      capacity: 6,
      paceMinutes: 15,
    });
    const audit = await h.knex('audit_log').where({ entity: 'opd_session', entity_id: s1.id, outcome: 'OK' }).orderBy('id', 'desc').first('detail');
    expect(audit.detail).toMatchObject({
      before: { startTime: '09:00:00', capacity: 4, room: 'Room 1' },
      after: { startTime: '08:00:00', room: 'OPD 5', emergencyReserve: 1 },
    });
  });
});
