import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, AppointmentDto, AppointmentTypeDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { raceTest } from '../support/race-test';

// The clinic's clock (UTC) reads Sunday 2099-03-01 08:00; Monday is the first bookable weekday.
const TODAY = '2099-03-01';
const MON = '2099-03-02';
const TUE = '2099-03-03';
const WED = '2099-03-04';
const LATER = '2099-03-20';

describe.each(MODES)('appointment types (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string };
  let admin: { sessionKey: string };
  let drA: number;
  let drB: number;
  let drC: number;
  let patients: number[];
  const types: Record<string, AppointmentTypeDto> = {};
  let nextPatient = 0;
  const patient = () => patients[nextPatient++]!;

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    [{ id: drA }, { id: drB }, { id: drC }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@types.test', specialization: 'Dermatology', consultation_fee: '500.00' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@types.test', specialization: 'Dermatology', consultation_fee: '500.00' },
        { name: 'Dr. Race', email: 'race@types.test', specialization: 'Race' },
      ])
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 60 }, (_, i) => ({ name: `Patient ${i}`, email: `p${i}@types.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    await h
      .knex('doctor_availabilities')
      .insert(
        [drA, drB, drC].flatMap((doctor_id) =>
          [TODAY, MON, TUE, WED, LATER].map((date) => ({ doctor_id, date, start_time: '09:00', end_time: '13:00', slot_minutes: 15 })),
        ),
      );
  });
  afterAll(() => h.dispose());

  const call = <C extends ChannelName>(channel: C, payload: Record<string, unknown>, key = desk.sessionKey) => h.callRaw(channel, payload, key);
  const book = (payload: Record<string, unknown>) => call('appointments.book', { patientId: patient(), ...payload });
  const row = (id: number) => h.knex('appointment_entities').where({ id }).first('appointment_type_id', 'fee', 'buffer_before_minutes', 'buffer_after_minutes');

  it('an administrator defines types with per-doctor fees and lengths; names are unique whatever their case', async () => {
    const create = (payload: Record<string, unknown>) => call('appointmentTypes.create', payload, admin.sessionKey);
    types.newVisit = expectOk(
      await create({
        name: 'New visit',
        durationMinutes: 20,
        fee: '800',
        colour: '#336699',
        bufferAfterMinutes: 5,
        doctors: [{ doctorId: drA, isDefault: true }, { doctorId: drB, fee: '650.50', durationMinutes: 30 }, { doctorId: drC }],
      }),
    );
    types.followUp = expectOk(await create({ name: 'Follow-up', durationMinutes: 10, fee: '400', visitKind: 'FOLLOW_UP', doctors: [{ doctorId: drA }] }));
    types.dressing = expectOk(await create({ name: 'Dressing', durationMinutes: 15, fee: '250.75', bufferBeforeMinutes: 10, doctors: [{ doctorId: drA }] }));
    types.procedure = expectOk(
      await create({ name: 'Procedure', durationMinutes: 30, fee: '2500', minNoticeMinutes: 1440, maxDaysAhead: 7, doctors: [{ doctorId: drA }] }),
    );
    types.race = expectOk(await create({ name: 'Race visit', durationMinutes: 15, fee: '100', bufferAfterMinutes: 10, doctors: [{ doctorId: drC }] }));

    expect(types.newVisit).toMatchObject({
      fee: '800.00',
      durationMinutes: 20,
      colour: '#336699',
      mode: 'IN_PERSON',
      visitKind: 'NEW',
      bufferAfterMinutes: 5,
      active: true,
    });
    expect(types.newVisit!.doctors).toEqual([
      { doctorId: drA, fee: null, durationMinutes: null, isDefault: true },
      { doctorId: drB, fee: '650.50', durationMinutes: 30, isDefault: false },
      { doctorId: drC, fee: null, durationMinutes: null, isDefault: false },
    ]);
    // Dr. Sen's list: only what he offers, at his own fee and length.
    const sens = expectOk<AppointmentTypeDto[]>(await call('appointmentTypes.list', { doctorId: drB }));
    expect(sens.map((t) => [t.name, t.fee, t.durationMinutes])).toEqual([['New visit', '650.50', 30]]);

    expect(await create({ name: 'NEW VISIT', durationMinutes: 15, fee: '1' })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Another appointment type already has this name', field: 'name' },
    });
    expect(await create({ name: 'Fractional', durationMinutes: 15, fee: '800.125' })).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'fee' } });
    expect(await create({ name: 'Twice', durationMinutes: 15, fee: '1', doctors: [{ doctorId: drA }, { doctorId: drA }] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'doctors' },
    });
    expect(await create({ name: 'Nobody’s', durationMinutes: 15, fee: '1', doctors: [{ doctorId: 999_999 }] })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'doctors' },
    });
    expect(await h.knex('appointment_types').whereIn('name', ['NEW VISIT', 'Fractional', 'Twice', 'Nobody’s']).count<{ n: number }[]>({ n: '*' })).toEqual([
      { n: 0 },
    ]);
  });

  it('books by type: length, fee and buffers follow it, per doctor; the doctor must offer it', async () => {
    const a = expectOk<AppointmentDto>(await book({ doctorId: drA, date: MON, startTime: '09:00', appointmentTypeId: types.newVisit!.id }));
    expect(a).toMatchObject({
      startTime: '09:00:00',
      endTime: '09:20:00',
      appointmentTypeId: types.newVisit!.id,
      appointmentTypeName: 'New visit',
      colour: '#336699',
      fee: '800.00',
    });
    expect(await row(a.id)).toEqual({ appointment_type_id: types.newVisit!.id, fee: '800.00', buffer_before_minutes: 0, buffer_after_minutes: 5 });
    const b = expectOk<AppointmentDto>(await book({ doctorId: drB, date: MON, startTime: '09:00', appointmentTypeId: types.newVisit!.id }));
    expect(b).toMatchObject({ endTime: '09:30:00', fee: '650.50' });
    // The desk is asked for the fee it was booked at, not the doctor's general one (500).
    expect(await call('payments.forAppointment', { appointmentId: b.id })).toMatchObject({ ok: true, value: { totals: { fee: '650.50', due: '650.50' } } });

    expect(await book({ doctorId: drB, date: MON, startTime: '11:00', appointmentTypeId: types.followUp!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dr. Vikram Sen does not offer Follow-up', field: 'appointmentTypeId' },
    });
    expect(await book({ doctorId: drA, date: MON, startTime: '11:00', endTime: '11:30', appointmentTypeId: types.followUp!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'endTime' },
    });
    expect(await book({ doctorId: drA, date: MON, startTime: '11:00', appointmentTypeId: 999_999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', field: 'appointmentTypeId' },
    });
  });

  it('starts from the doctor’s default type; an explicit end time books without one', async () => {
    const byDefault = expectOk<AppointmentDto>(await book({ doctorId: drA, date: MON, startTime: '12:00' }));
    expect(byDefault).toMatchObject({ endTime: '12:20:00', appointmentTypeName: 'New visit', fee: '800.00' });
    const untyped = expectOk<AppointmentDto>(await book({ doctorId: drA, date: MON, startTime: '12:30', endTime: '12:40' }));
    expect(untyped).toMatchObject({ endTime: '12:40:00', appointmentTypeId: null, fee: null });
    // Dr. Sen has no default: his slot length, as before types.
    expect(expectOk<AppointmentDto>(await book({ doctorId: drB, date: MON, startTime: '12:00' }))).toMatchObject({
      endTime: '12:15:00',
      appointmentTypeId: null,
    });
  });

  it('keeps the buffers clear: a booking in another’s buffer is refused and says so', async () => {
    // New visit 09:00–09:20 with Dr. Rao keeps 09:20–09:25 clear.
    expect(await book({ doctorId: drA, date: MON, startTime: '09:20', endTime: '09:35' })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        field: 'startTime',
        message: `Dr. Asha Rao already has an appointment 09:00–09:20 on ${MON} (Patient 0), too close with the buffer time kept around appointments`,
      },
    });
    // A dressing needs 10 minutes before it: 09:30 would eat into the New visit's buffer.
    expect(await book({ doctorId: drA, date: MON, startTime: '09:30', appointmentTypeId: types.dressing!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await book({ doctorId: drA, date: MON, startTime: '09:35', appointmentTypeId: types.dressing!.id })).toMatchObject({
      ok: true,
      value: { endTime: '09:50:00', fee: '250.75' },
    });
    expect(await book({ doctorId: drA, date: MON, startTime: '09:25', endTime: '09:35' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('free-slot search respects each doctor’s length for the type and every buffer', async () => {
    const [p1, p2] = [patient(), patient()];
    await h.knex('appointment_entities').insert([
      { patient_id: p1, doctor_id: drA, appointment_date: TUE, start_time: '09:00', end_time: '09:20', buffer_after_minutes: 5 },
      { patient_id: p2, doctor_id: drA, appointment_date: TUE, start_time: '10:00', end_time: '10:15' },
    ]);
    const free = async (payload: Record<string, unknown>) =>
      expectOk<{ doctorId: number; startTime: string; endTime: string; date: string }[]>(
        await call('appointments.freeSlots', { from: TUE, days: 1, count: 3, ...payload }),
      );
    // 20 minutes and 5 after: 09:15 meets the buffer, 09:45 runs into 10:00.
    expect((await free({ doctorId: drA, appointmentTypeId: types.newVisit!.id })).map((s) => `${s.startTime}-${s.endTime}`)).toEqual([
      '09:30:00-09:50:00',
      '10:15:00-10:35:00',
      '10:30:00-10:50:00',
    ]);
    // 15 minutes with 10 before: 09:30 would start inside 09:20–09:25's buffer, 10:15 right after 10:00–10:15.
    expect((await free({ doctorId: drA, appointmentTypeId: types.dressing!.id })).map((s) => s.startTime)).toEqual(['09:45:00', '10:30:00', '10:45:00']);
    // A specialization's search keeps to the doctors offering the type, each at their length.
    const both = await free({ specialization: 'Dermatology', appointmentTypeId: types.newVisit!.id, count: 50 });
    expect(new Set(both.filter((s) => s.doctorId === drB).map((s) => s.endTime.slice(3, 5)))).toEqual(new Set(['30', '45', '00', '15']));
    expect(both.find((s) => s.doctorId === drB && s.startTime === '09:00:00')?.endTime).toBe('09:30:00');
    expect(
      await free({ specialization: 'Dermatology', appointmentTypeId: types.followUp!.id, count: 50 }).then((s) => new Set(s.map((x) => x.doctorId))),
    ).toEqual(new Set([drA]));
    expect(await call('appointments.freeSlots', { doctorId: drB, appointmentTypeId: types.followUp!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'appointmentTypeId' },
    });
  });

  it('enforces minimum notice and how far ahead a type can be booked, in search too', async () => {
    expect(await book({ doctorId: drA, date: TODAY, startTime: '12:00', appointmentTypeId: types.procedure!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Procedure must be booked at least 1 day ahead', field: 'startTime' },
    });
    // The desk is sent the template and its values, the length a sentence of its own, to say them in its language.
    expect(await book({ doctorId: drA, date: TODAY, startTime: '12:00', appointmentTypeId: types.procedure!.id })).toMatchObject({
      error: { phrase: { text: '{0} must be booked at least {1} ahead', values: ['Procedure', { text: '{0} day', values: ['1'] }] } },
    });
    expect(await book({ doctorId: drA, date: LATER, startTime: '12:00', appointmentTypeId: types.procedure!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Procedure can be booked at most 7 days ahead', field: 'date' },
    });
    const slots = expectOk<{ date: string; startTime: string }[]>(
      await call('appointments.freeSlots', { doctorId: drA, appointmentTypeId: types.procedure!.id, days: 30, count: 50 }),
    );
    expect(slots[0]).toMatchObject({ date: MON });
    expect(slots.every((s) => s.date > TODAY && s.date <= '2099-03-08')).toBe(true);
    expect(await book({ doctorId: drA, date: WED, startTime: '12:00', appointmentTypeId: types.procedure!.id })).toMatchObject({
      ok: true,
      value: { endTime: '12:30:00' },
    });
  });

  it('moves a typed appointment only to a doctor who offers it; a new type brings its length and fee', async () => {
    const a = expectOk<AppointmentDto>(await book({ doctorId: drA, date: WED, startTime: '09:00', appointmentTypeId: types.followUp!.id }));
    expect(await call('appointments.reschedule', { id: a.id, doctorId: drB, date: WED, startTime: '09:00' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dr. Vikram Sen does not offer Follow-up' },
    });
    const retyped = expectOk<AppointmentDto>(
      await call('appointments.reschedule', { id: a.id, doctorId: drB, date: WED, startTime: '10:00', appointmentTypeId: types.newVisit!.id }),
    );
    expect(retyped).toMatchObject({ doctorId: drB, startTime: '10:00:00', endTime: '10:30:00', appointmentTypeName: 'New visit', fee: '650.50' });
    expect(await row(a.id)).toMatchObject({ buffer_after_minutes: 5 });
    // Kept type, same doctor: keeps its length.
    expect(expectOk<AppointmentDto>(await call('appointments.reschedule', { id: a.id, date: WED, startTime: '11:00' }))).toMatchObject({
      endTime: '11:30:00',
      fee: '650.50',
    });
  });

  it('a walk-in of a type gets its length and fee (notice is for bookings ahead)', async () => {
    const w = expectOk<AppointmentDto>(await call('appointments.walkIn', { patientId: patient(), doctorId: drA, appointmentTypeId: types.followUp!.id }));
    expect(w).toMatchObject({ date: TODAY, isWalkIn: true, appointmentTypeName: 'Follow-up', fee: '400.00' });
    expect(Number(w.endTime.slice(3, 5)) - Number(w.startTime.slice(3, 5))).toBe(10);
  });

  it('a deactivated type stays on its appointments but cannot be booked', async () => {
    const t = expectOk<AppointmentTypeDto>(await call('appointmentTypes.deactivate', { id: types.dressing!.id }, admin.sessionKey));
    expect(t.active).toBe(false);
    expect(await book({ doctorId: drA, date: WED, startTime: '12:40', appointmentTypeId: types.dressing!.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dressing is no longer offered' },
    });
    const names = expectOk<AppointmentTypeDto[]>(await call('appointmentTypes.list', {})).map((x) => x.name);
    expect(names).not.toContain('Dressing');
    expect(await h.knex('appointment_entities').where({ appointment_type_id: types.dressing!.id }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
  });

  it('a walk-in of a type its doctor does not offer, a retired type or no such type is refused at the type, and nothing is written', async () => {
    const before = await h.knex('appointment_entities').count<{ n: number }[]>({ n: '*' });
    const walkIn = (doctorId: number, appointmentTypeId: number) => call('appointments.walkIn', { patientId: patient(), doctorId, appointmentTypeId });
    expect(await walkIn(drB, types.followUp!.id)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dr. Vikram Sen does not offer Follow-up', field: 'appointmentTypeId' },
    });
    // Retired by the test before.
    expect(await walkIn(drA, types.dressing!.id)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'Dressing is no longer offered', field: 'appointmentTypeId' },
    });
    expect(await walkIn(drA, 999_999)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No such appointment type', field: 'appointmentTypeId' } });
    expect(await h.knex('appointment_entities').count<{ n: number }[]>({ n: '*' })).toEqual(before);
  });

  raceTest(mode)('20 desks booking with buffers, for one doctor: no two bookings or their buffers ever overlap', async () => {
    // Raw times never overlap (11:00, 11:15, 11:30, 11:45, 15 minutes each); with 10 minutes
    // after each, neighbours clash, so at most two can win.
    const starts = ['11:00', '11:15', '11:30', '11:45'];
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => book({ doctorId: drC, date: MON, startTime: starts[i % 4], appointmentTypeId: types.race!.id })),
    );
    const won = results.filter((r) => r.ok).length;
    expect(won).toBeGreaterThanOrEqual(1);
    expect(won).toBeLessThanOrEqual(2);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(20 - won);
    const overlaps = await h.knex.raw(
      `SELECT count(*)::int AS n FROM appointment_entities a JOIN appointment_entities b ON a.id < b.id AND a.doctor_id = b.doctor_id
        WHERE a.doctor_id = ? AND a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
          AND tsrange(a.appointment_date + a.start_time - a.buffer_before_minutes * interval '1 minute', a.appointment_date + a.end_time + a.buffer_after_minutes * interval '1 minute')
           && tsrange(b.appointment_date + b.start_time - b.buffer_before_minutes * interval '1 minute', b.appointment_date + b.end_time + b.buffer_after_minutes * interval '1 minute')`,
      [drC],
    );
    expect(overlaps.rows[0].n).toBe(0);
  });
});
