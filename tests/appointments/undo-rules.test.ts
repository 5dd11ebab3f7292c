import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

const DAY = '2099-03-02'; // far ahead: never "past"

describe.each(MODES)('undo and overrides follow the booking rules (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string; userId: number };
  let admin: { sessionKey: string; userId: number };
  let drA: number;
  let drB: number;
  let doctorA: { sessionKey: string; userId: number };
  let doctorB: { sessionKey: string; userId: number };
  let patient = 0;
  const today = () => new Date().toISOString().slice(0, 10);
  /** Moves the clinic's clock; the desk's sessions stay signed in (the idle lock is not what these tests are about). */
  const at = (time: string, date = today()) => {
    h.clock.now = Date.parse(`${date}T${time}:00Z`);
    for (const who of [desk, admin, doctorA, doctorB]) h.services.sessions.signIn(who.sessionKey, who.userId);
  };

  beforeAll(async () => {
    h = await startHarness(mode);
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    [{ id: drA }, { id: drB }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@clinic.test' },
      ])
      .returning('id');
    doctorA = await h.signInAs('DOCTOR', { doctorId: drA });
    doctorB = await h.signInAs('DOCTOR', { doctorId: drB });
  });
  afterAll(() => h.dispose());

  beforeEach(async () => {
    at('08:00');
    await h.knex('doctor_availabilities').del();
    await h.knex('doctor_entities').update({ active: true });
    for (const doctor of [drA, drB]) {
      await h.knex('doctor_availabilities').insert([
        { doctor_id: doctor, date: DAY, start_time: '09:00', end_time: '13:00', slot_minutes: 15 },
        { doctor_id: doctor, date: today(), start_time: '09:00', end_time: '18:00', slot_minutes: 15 },
      ]);
    }
  });

  async function newPatient(): Promise<number> {
    const [{ id }] = await h
      .knex('patient_entities')
      .insert({ name: `Patient ${++patient}`, email: `undo${patient}@example.com` })
      .returning('id');
    return id;
  }
  const book = async (startTime: string, opts: { date?: string; doctorId?: number; key?: string } = {}) =>
    expectOk<AppointmentDto>(
      await h.call(
        'appointments.book',
        { patientId: await newPatient(), doctorId: opts.doctorId ?? drA, date: opts.date ?? DAY, startTime },
        opts.key ?? desk.sessionKey,
      ),
    );
  const statusOf = async (id: number) => (await h.knex('appointment_entities').where({ id }).first('status')).status as string;

  it('an undone cancellation of a doctor who has since stopped is refused, and the appointment stays cancelled', async () => {
    const a = await book('09:00');
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient called' }, desk.sessionKey));
    expectOk(await h.call('doctors.setActive', { id: drA, active: false }, admin.sessionKey));
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'doctorId', message: 'Dr. Asha Rao is no longer taking appointments' },
    });
    expect(await statusOf(a.id)).toBe('CANCELLED');
  });

  it('an undone cancellation whose time has passed is refused', async () => {
    const a = await book('09:00', { date: today() });
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient called' }, desk.sessionKey));
    at('09:05');
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'That time has already passed' },
    });
    expect(await statusOf(a.id)).toBe('CANCELLED');
  });

  it('a no-show can be undone the same day, not once the day is over', async () => {
    const a = await book('09:00', { date: today() });
    at('09:20');
    expectOk(await h.call('appointments.noShow', { id: a.id }, desk.sessionKey));
    expect(expectOk<AppointmentDto>(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).status).toBe('SCHEDULED');

    expectOk(await h.call('appointments.noShow', { id: a.id }, desk.sessionKey));
    at('09:20', new Date(Date.parse(today()) + 86_400_000).toISOString().slice(0, 10));
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'id', message: expect.stringMatching(/day has passed/) },
    });
    expect(await statusOf(a.id)).toBe('NO_SHOW');
  });

  it('an undone cancellation now outside the doctor’s hours needs an override by that doctor (or an ADMIN), audited', async () => {
    const a = await book('12:00', { key: doctorA.sessionKey });
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Clinic closes early' }, doctorA.sessionKey));
    await h.knex('doctor_availabilities').where({ doctor_id: drA, date: DAY }).update({ end_time: '11:00' });
    expect(await h.call('appointments.undo', { id: a.id }, doctorA.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'startTime', message: expect.stringMatching(/outside Dr. Asha Rao's hours/) },
    });
    expect(await statusOf(a.id)).toBe('CANCELLED');
    const back = expectOk<AppointmentDto>(await h.call('appointments.undo', { id: a.id, override: { reason: 'Seeing them after hours' } }, doctorA.sessionKey));
    expect(back).toMatchObject({ status: 'SCHEDULED', overrideReason: 'Seeing them after hours' });
    expect(await h.knex('audit_log').where({ action: 'appointments.override', entity_id: a.id }).first('user_id', 'detail')).toEqual({
      user_id: doctorA.userId,
      detail: { reason: 'Seeing them after hours' },
    });
  });

  it('a receptionist cannot override by undoing: outside hours the undo is refused', async () => {
    const a = await book('12:30');
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Clinic closes early' }, desk.sessionKey));
    await h.knex('doctor_availabilities').where({ doctor_id: drA, date: DAY }).update({ end_time: '11:00' });
    expect(await h.call('appointments.undo', { id: a.id, override: { reason: 'Please' } }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'override' },
    });
    expect(await statusOf(a.id)).toBe('CANCELLED');
  });

  it('an appointment booked with an override keeps it when its cancellation is undone', async () => {
    const a = expectOk<AppointmentDto>(
      await h.call(
        'appointments.book',
        { patientId: await newPatient(), doctorId: drA, date: DAY, startTime: '14:00', override: { reason: 'Urgent review' } },
        admin.sessionKey,
      ),
    );
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Wrong day' }, desk.sessionKey));
    expect(expectOk<AppointmentDto>(await h.call('appointments.undo', { id: a.id }, desk.sessionKey))).toMatchObject({
      status: 'SCHEDULED',
      overrideReason: 'Urgent review',
    });
  });

  it('undoing a move goes back only to a time still inside the hours (or overridden)', async () => {
    const a = await book('09:00');
    expectOk(await h.call('appointments.reschedule', { id: a.id, date: DAY, startTime: '11:00' }, desk.sessionKey));
    await h.knex('doctor_availabilities').where({ doctor_id: drA, date: DAY }).update({ start_time: '10:00' });
    expect(await h.call('appointments.undo', { id: a.id }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'startTime' } });
    expect((await h.knex('appointment_entities').where({ id: a.id }).first('start_time')).start_time).toBe('11:00:00');
  });

  it('a DOCTOR overrides hours only for their own appointments; an ADMIN for any', async () => {
    const outside = async (key: string, doctorId = drA) =>
      h.call('appointments.book', { patientId: await newPatient(), doctorId, date: DAY, startTime: '15:00', override: { reason: 'Urgent review' } }, key);
    expect(await outside(doctorB.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'override', message: "Only Dr. Asha Rao or an administrator may book outside Dr. Asha Rao's hours" },
    });
    expect(expectOk<AppointmentDto>(await outside(doctorA.sessionKey)).overrideReason).toBe('Urgent review');
    expect(expectOk<AppointmentDto>(await outside(admin.sessionKey, drB)).overrideReason).toBe('Urgent review');

    const own = await book('09:30', { doctorId: drB });
    expect(
      await h.call('appointments.reschedule', { id: own.id, date: DAY, startTime: '16:00', override: { reason: 'Late clinic' } }, doctorA.sessionKey),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'override' },
    });
    expectOk(await h.call('appointments.reschedule', { id: own.id, date: DAY, startTime: '16:00', override: { reason: 'Late clinic' } }, doctorB.sessionKey));
  });
});
