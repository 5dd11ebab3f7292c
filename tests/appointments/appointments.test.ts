import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { medianConsultMinutes } from '../../main/appointments/waiting-room';
import { MODES, type Mode } from '../support/databases';
import { raceTest } from '../support/race-test';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { statementsSent } from '../support/statement-names';

const DAY = '2099-03-02'; // a Monday, far enough ahead never to be "past"

describe.each(MODES)('appointments (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string; userId: number };
  let admin: { sessionKey: string; userId: number };
  let drA: number;
  let drB: number;
  let patients: number[];
  const today = () => new Date().toISOString().slice(0, 10);

  beforeAll(async () => {
    h = await startHarness(mode);
    // The clinic's clock reads 08:00 today, so "later today" exists whenever the suite runs.
    h.clock.now = Date.parse(`${today()}T08:00:00Z`);
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    [{ id: drA }, { id: drB }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test', specialization: 'Cardiology' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@clinic.test', specialization: 'Cardiology' },
      ])
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 25 }, (_, i) => ({ name: `Patient ${i}`, email: `p${i}@example.com` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    for (const doctor of [drA, drB]) {
      await h.knex('doctor_availabilities').insert([
        { doctor_id: doctor, date: DAY, start_time: '09:00', end_time: '13:00', slot_minutes: 15 },
        { doctor_id: doctor, date: today(), start_time: '00:00', end_time: '24:00', slot_minutes: 15 },
      ]);
    }
  });
  afterAll(() => h.dispose());

  const book = (payload: Record<string, unknown>, key = desk.sessionKey) => h.callRaw('appointments.book', payload, key);

  it('books one slot by default, in the doctor’s slot length, and records who booked', async () => {
    const a = expectOk<AppointmentDto>(await book({ patientId: patients[0], doctorId: drA, date: DAY, startTime: '09:00', reason: 'Chest pain' }));
    expect(a).toMatchObject({
      date: DAY,
      startTime: '09:00:00',
      endTime: '09:15:00',
      status: 'SCHEDULED',
      doctorName: 'Dr. Asha Rao',
      patientName: 'Patient 0',
    });
    expect(await h.knex('appointment_entities').where({ id: a.id }).first('booked_by')).toEqual({ booked_by: desk.userId });
    expect(await h.knex('appointment_history').where({ appointment_id: a.id }).first('kind', 'to_status', 'changed_by')).toEqual({
      kind: 'BOOKED',
      to_status: 'SCHEDULED',
      changed_by: desk.userId,
    });
  });

  it('names the clash when the doctor or the patient is already booked', async () => {
    const doctorClash = await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '09:00', endTime: '09:30' });
    expect(doctorClash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'startTime', message: `Dr. Asha Rao already has an appointment 09:00–09:15 on ${DAY} (Patient 0)` },
    });
    const patientClash = await book({ patientId: patients[0], doctorId: drB, date: DAY, startTime: '09:10', endTime: '09:25' });
    expect(patientClash).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'startTime', message: `Patient 0 already has an appointment 09:00–09:15 on ${DAY} with Dr. Asha Rao` },
    });
  });

  raceTest(mode)('20 desks booking overlapping times with one doctor: exactly one wins', async () => {
    const results = await Promise.all(
      patients
        .slice(2, 22)
        .map((patientId, i) => book({ patientId, doctorId: drA, date: DAY, startTime: `10:${String(i % 10).padStart(2, '0')}`, endTime: '10:30' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(19);
    const overlaps = await h.knex.raw(`
      SELECT count(*)::int AS n FROM appointment_entities a JOIN appointment_entities b ON a.id < b.id
       WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' AND a.appointment_date = b.appointment_date
         AND (a.doctor_id = b.doctor_id OR a.patient_id = b.patient_id)
         AND a.start_time < b.end_time AND b.start_time < a.end_time`);
    expect(overlaps.rows[0].n).toBe(0);
  });

  raceTest(mode)('one patient booked with two doctors at once from 20 desks: exactly one wins', async () => {
    const patientId = patients[22]!;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book({ patientId, doctorId: i % 2 ? drA : drB, date: DAY, startTime: '12:00', endTime: '12:15' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(19);
  });

  it('refuses a time outside the doctor’s hours, unless a doctor or admin overrides with a reason (audited)', async () => {
    const outside = await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '14:00' });
    expect(outside).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/outside Dr. Asha Rao's hours \(09:00–13:00\)/) } });
    expect(await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '14:00', override: { reason: 'Urgent review' } })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    // Another doctor may not bend Dr. Asha Rao's hours; she may (below, the same rule for an ADMIN).
    const otherDoctor = await h.signInAs('DOCTOR', { doctorId: drB });
    expect(
      await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '14:00', override: { reason: 'Urgent review' } }, otherDoctor.sessionKey),
    ).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        field: 'override',
        message: "Only Dr. Asha Rao or an administrator may book outside Dr. Asha Rao's hours",
        phrase: expect.anything(),
      },
    });
    const ownDoctor = await h.signInAs('DOCTOR', { doctorId: drA });
    const own = expectOk<AppointmentDto>(
      await book(
        { patientId: patients[2], doctorId: drA, date: DAY, startTime: '14:00', override: { reason: 'Seeing them after clinic' } },
        ownDoctor.sessionKey,
      ),
    );
    expect(own.overrideReason).toBe('Seeing them after clinic');
    expectOk(await h.call('appointments.cancel', { id: own.id, reason: 'Made for the override rule' }, ownDoctor.sessionKey));
    const ok = expectOk<AppointmentDto>(
      await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '14:00', override: { reason: 'Urgent review' } }, admin.sessionKey),
    );
    expect(ok.overrideReason).toBe('Urgent review');
    expect(await h.knex('audit_log').where({ action: 'appointments.override', entity_id: ok.id }).first('user_id', 'detail')).toEqual({
      user_id: admin.userId,
      detail: { reason: 'Urgent review' },
    });
  });

  it('says "on leave", not "outside hours", when the doctor is on leave at that time', async () => {
    const leaveDay = '2099-03-09';
    await h.knex('doctor_availabilities').insert({ doctor_id: drB, date: leaveDay, start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
    expectOk(await h.call('availability.addException', { doctorId: drB, date: leaveDay, kind: 'LEAVE', note: 'Conference' }, admin.sessionKey));
    expect(await book({ patientId: patients[1], doctorId: drB, date: leaveDay, startTime: '10:00' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'startTime',
        message: `Dr. Vikram Sen is on leave all day on ${leaveDay} (Conference), so 10:00–10:15 on ${leaveDay} cannot be booked.`,
        phrase: {
          text: '{0} is on leave all day on {1} ({2}), so {3}–{4} on {5} cannot be booked.',
          values: ['Dr. Vikram Sen', leaveDay, 'Conference', '10:00', '10:15', leaveDay],
        },
      },
    });
    const partDay = '2099-03-10';
    await h.knex('doctor_availabilities').insert({ doctor_id: drB, date: partDay, start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
    expectOk(
      await h.call('availability.addException', { doctorId: drB, date: partDay, kind: 'LEAVE', startTime: '11:00', endTime: '12:00' }, admin.sessionKey),
    );
    expect(await book({ patientId: patients[1], doctorId: drB, date: partDay, startTime: '11:30' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Dr. Vikram Sen is on leave 11:00–12:00 on 2099-03-10, so/) },
    });
    expect(await book({ patientId: patients[1], doctorId: drB, date: partDay, startTime: '14:00' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/outside Dr. Vikram Sen's hours/) },
    });
  });

  it('refuses the past, unknown patients and doctors, and inactive doctors', async () => {
    expect(await book({ patientId: patients[1], doctorId: drA, date: '2020-01-01', startTime: '09:00' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'startTime' },
    });
    expect(await book({ patientId: 99999999, doctorId: drA, date: DAY, startTime: '11:00' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'patientId' },
    });
    expect(await book({ patientId: patients[1], doctorId: 99999999, date: DAY, startTime: '11:00' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'doctorId' },
    });
    expect(await book({ patientId: patients[1], doctorId: drA, date: '2099-02-30', startTime: '11:00' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'date' },
    });
    expect(await book({ patientId: patients[1], doctorId: drA, date: DAY, startTime: '24:00' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'startTime' },
    });
  });

  it('suggests the next free slots of a specialization, skipping booked time', async () => {
    const slots = expectOk<{ doctorName: string; startTime: string; date: string }[]>(
      await h.call('appointments.freeSlots', { specialization: 'cardiology', from: DAY, days: 1, count: 4 }, desk.sessionKey),
    );
    expect(slots.map((s) => `${s.startTime} ${s.doctorName}`)).toEqual([
      '09:00:00 Dr. Vikram Sen',
      '09:15:00 Dr. Asha Rao',
      '09:15:00 Dr. Vikram Sen',
      '09:30:00 Dr. Asha Rao',
    ]);
  });

  it('moves an appointment, refuses to move it onto another, and keeps the history', async () => {
    const a = expectOk<AppointmentDto>(await book({ patientId: patients[23], doctorId: drB, date: DAY, startTime: '11:00' }));
    expectOk(await book({ patientId: patients[24], doctorId: drB, date: DAY, startTime: '12:15' }));
    const moved = expectOk<AppointmentDto>(
      await h.call('appointments.reschedule', { id: a.id, date: DAY, startTime: '11:30', endTime: '12:00' }, desk.sessionKey),
    );
    expect(moved).toMatchObject({ startTime: '11:30:00', endTime: '12:00:00' });
    expect(await h.call('appointments.reschedule', { id: a.id, date: DAY, startTime: '12:00' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Dr. Vikram Sen already has an appointment 12:(00–12:15|15–12:30)/) },
    });
    const history = expectOk<{ kind: string }[]>(await h.call('appointments.history', { id: a.id }, desk.sessionKey));
    expect(history.map((e) => e.kind)).toEqual(['BOOKED', 'RESCHEDULED']);
  });

  it('enforces the transitions: cancel needs a reason, COMPLETED never goes back to SCHEDULED', async () => {
    const a = expectOk<AppointmentDto>(await book({ patientId: patients[24], doctorId: drA, date: today(), startTime: '23:30' }));
    expect(await h.call('appointments.cancel', { id: a.id, reason: '' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'reason' },
    });
    expect(expectOk<AppointmentDto>(await h.call('appointments.complete', { id: a.id }, desk.sessionKey)).status).toBe('COMPLETED');
    expect(await h.call('appointments.cancel', { id: a.id, reason: 'Too late' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/already completed/) },
    });
    expect(await h.call('appointments.reschedule', { id: a.id, date: DAY, startTime: '12:30' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await h.call('appointments.noShow', { id: a.id }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('lets only the author undo a status change, within ten minutes', async () => {
    const a = expectOk<AppointmentDto>(await book({ patientId: patients[1], doctorId: drB, date: DAY, startTime: '12:30' }));
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient called' }, desk.sessionKey));
    expect(await h.call('appointments.undo', { id: a.id }, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Nothing of yours to undo/) },
    });
    const back = expectOk<AppointmentDto>(await h.call('appointments.undo', { id: a.id }, desk.sessionKey));
    expect(back).toMatchObject({ status: 'SCHEDULED', cancelReason: null });
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({ ok: false });

    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient called again' }, desk.sessionKey));
    await h
      .knex('appointment_history')
      .where({ appointment_id: a.id })
      .update({ changed_at: h.knex.raw("now() - interval '11 minutes'") });
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('an undo that would now double-book is refused with the clash', async () => {
    const a = expectOk<AppointmentDto>(await book({ patientId: patients[2], doctorId: drB, date: DAY, startTime: '12:45' }));
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Slot freed' }, desk.sessionKey));
    expectOk(await book({ patientId: patients[3], doctorId: drB, date: DAY, startTime: '12:45' }));
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Dr. Vikram Sen already has an appointment 12:45–13:00/) },
    });
    expect((await h.knex('appointment_entities').where({ id: a.id }).first('status')).status).toBe('CANCELLED');
  });

  it('checks in today’s patients with tokens unique per doctor and day, even when desks race', async () => {
    const ids: number[] = [];
    for (const [i, time] of ['20:00', '20:15', '20:30', '20:45'].entries()) {
      ids.push(expectOk<AppointmentDto>(await book({ patientId: patients[5 + i], doctorId: drB, date: today(), startTime: time })).id);
    }
    const checked = await Promise.all(ids.map((id) => h.call('appointments.checkIn', { id }, desk.sessionKey)));
    const tokens = checked.map((r) => expectOk<AppointmentDto>(r).tokenNo).sort();
    expect(tokens).toEqual([1, 2, 3, 4]);
    expect(
      await h.call(
        'appointments.checkIn',
        { id: expectOk<AppointmentDto>(await book({ patientId: patients[9], doctorId: drB, date: DAY, startTime: '11:00' })).id },
        desk.sessionKey,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Check-in is for today's appointments/) },
    });
  });

  it('adds a walk-in to today’s queue with the next token, and shows waiting times', async () => {
    const walkIn = expectOk<AppointmentDto>(await h.call('appointments.walkIn', { patientId: patients[10]!, doctorId: drB, reason: 'Fever' }, desk.sessionKey));
    expect(walkIn).toMatchObject({ isWalkIn: true, tokenNo: 5, date: today(), checkedInAt: expect.any(String) });
    const queue = expectOk<
      { doctorId: number; consultMinutes: number; waiting: { appointment: AppointmentDto; waitingMinutes: number; estimatedWaitMinutes: number }[] }[]
    >(await h.call('appointments.queue', { doctorId: drB }, desk.sessionKey));
    expect(queue).toHaveLength(1);
    expect(queue[0]!.consultMinutes).toBe(15);
    expect(queue[0]!.waiting.map((w) => w.appointment.tokenNo)).toEqual([1, 2, 3, 4, 5]);
    expect(queue[0]!.waiting.map((w) => w.estimatedWaitMinutes)).toEqual([0, 15, 30, 45, 60]);
  });

  it('announces bookings to every window', async () => {
    await new Promise((r) => setTimeout(r, 700));
    expect(h.events.filter((e) => e.event === 'appointments.changed').length).toBeGreaterThan(0);
  });

  it('lists a range in the order of the day, by date, start and doctor, whatever order the appointments were written in', async () => {
    const [first, second] = ['2099-04-13', '2099-04-14'];
    const visit = (doctor_id: number, appointment_date: string, start_time: string, patient: number) => ({
      doctor_id,
      patient_id: patients[patient],
      appointment_date,
      start_time,
      end_time: start_time.replace(/:(\d\d)$/, (_, m: string) => `:${Number(m) + 15}`),
    });
    const ids = (
      await h
        .knex('appointment_entities')
        .insert([
          visit(drB, second, '09:00', 22),
          visit(drA, first, '10:00', 22),
          visit(drB, first, '09:00', 23),
          visit(drA, first, '09:00', 24),
          visit(drA, second, '08:30', 23),
        ])
        .returning('id')
    ).map((r: { id: number }) => r.id);
    const listed = expectOk<AppointmentDto[]>(await h.call('appointments.list', { doctorIds: [drB, drA], from: first, to: second }, desk.sessionKey));
    expect(listed.map((a) => [a.date, a.startTime, a.doctorId])).toEqual([
      [first, '09:00:00', drA],
      [first, '09:00:00', drB],
      [first, '10:00:00', drA],
      [second, '08:30:00', drA],
      [second, '09:00:00', drB],
    ]);
    expect(listed.map((a) => a.id)).toEqual([ids[3], ids[2], ids[1], ids[4], ids[0]]);
  });

  it('the schedule reads one doctor, several, or a range the same way, kept prepared on the app’s own connections (through PgBouncer: tests/db/pgbouncer.test.ts)', async () => {
    const LISTED = '2099-04-06';
    const [mine, theirs] = await h
      .knex('appointment_entities')
      .insert([drA, drB].map((doctor_id, i) => ({ doctor_id, patient_id: patients[20 + i], appointment_date: LISTED, start_time: '12:00', end_time: '12:15' })))
      .returning('id');
    const list = async (doctorIds: number[], to = LISTED) =>
      expectOk<AppointmentDto[]>(await h.call('appointments.list', { doctorIds, from: LISTED, to }, desk.sessionKey)).map((x) => x.id);
    const sent = await statementsSent(h.knex, async () => {
      expect(await list([drA])).toEqual([mine.id]);
      expect(await list([drA, drB])).toEqual([mine.id, theirs.id]);
      expect(await list([drB], '2099-04-12')).toEqual([theirs.id]);
    });
    const reads = sent.filter((q) => q.sql.includes('"patient_entities" as "p"'));
    expect(reads).toHaveLength(3);
    expect(new Set(reads.map((q) => q.sql)).size).toBe(1);
    expect(reads.map((q) => q.name)).toEqual(Array(3).fill('appointments.list'));
    if (mode === 'embedded') {
      // PGlite's one connection: what the pool hands out next is the one that prepared it.
      const held = await h.knex.raw(`SELECT count(*)::int AS n FROM pg_prepared_statements WHERE name = 'appointments.list'`);
      expect(held.rows[0].n).toBe(1);
    }
  });

  it('a booking is two statements, both kept prepared on the app’s own connections: the doctor’s day, then the booking', async () => {
    const BOOKED = '2099-04-20';
    await h.knex('doctor_availabilities').insert({ doctor_id: drA, date: BOOKED, start_time: '09:00', end_time: '12:00', slot_minutes: 15 });
    const sent = await statementsSent(h.knex, async () => {
      for (const [i, [startTime, endTime]] of [
        ['09:00', '09:15'],
        ['09:30', '09:45'],
      ].entries()) {
        expectOk(
          await h.call(
            'appointments.book',
            { patientId: patients[22 + i]!, doctorId: drA, date: BOOKED, startTime: startTime!, endTime: endTime! },
            desk.sessionKey,
          ),
        );
      }
    });
    // Besides them only the caller's account, read once into the user cache.
    const booking = sent.filter((q) => /FROM doctor_availabilities w|pg_advisory_xact_lock/.test(q.sql));
    expect(booking.map((q) => q.name)).toEqual(['doctors.dayOf', 'appointments.book.2', 'doctors.dayOf', 'appointments.book.2']);
    expect(booking[1]!.sql).toBe(booking[3]!.sql);
    expect(sent.length - booking.length).toBeLessThanOrEqual(1);
  });
});

describe('median consultation length', () => {
  const at = (m: number) => new Date(Date.UTC(2026, 0, 1, 9, m)).toISOString();
  it('measures from the later of check-in and the previous patient’s end', () => {
    expect(
      medianConsultMinutes([
        { status: 'COMPLETED', checkedInAt: at(0), completedAt: at(10) },
        { status: 'COMPLETED', checkedInAt: at(2), completedAt: at(30) },
        { status: 'COMPLETED', checkedInAt: at(50), completedAt: at(62) },
        { status: 'SCHEDULED', checkedInAt: at(5), completedAt: null },
      ]),
    ).toBe(12);
    expect(medianConsultMinutes([])).toBeUndefined();
  });
});
