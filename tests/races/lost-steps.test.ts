import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const TODAY = '2099-06-01';

/**
 * A desk's step on an appointment that another desk changes while the step is under way: the
 * step reads the appointment as scheduled, then finds it changed when it writes, and says so in
 * words. Server mode only: the embedded database serves one connection, so two desks' writes
 * there never overlap. The other desk's change holds its row until the step is seen waiting on
 * it, so the order is the test's, not the scheduler's.
 */
describe('a step that loses its appointment to another desk meanwhile (server)', () => {
  let h: Harness;
  let desk: string;
  let doctor: number;
  let patient = 0;

  beforeAll(async () => {
    h = await startHarness('server');
    h.clock.now = Date.parse(`${TODAY}T10:00:30Z`);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Lost Race', email: 'lost.race@races.test' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: doctor, date: TODAY, start_time: '08:00', end_time: '18:00', slot_minutes: 15 });
  });
  afterAll(() => h?.dispose());

  const appointment = async () => {
    const [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: `Race Patient ${++patient}`, email: `race${patient}@races.test` })
      .returning('id');
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctor, appointment_date: TODAY, start_time: '09:00', end_time: '09:15' })
      .returning('id');
    return id as number;
  };
  const waitingOnALock = () =>
    waitFor('the step waiting on the other desk’s change', async () => {
      const { rows } = await h.knex.raw(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
      return rows[0].n > 0 ? true : undefined;
    });

  const steps = [
    ['appointments.checkIn', 'checked in'],
    ['appointments.complete', 'completed'],
    ['appointments.noShow', 'marked as no-show'],
    ['appointments.cancel', 'cancelled'],
    ['appointments.reschedule', 'moved'],
  ] as const;

  it.each(steps)('%s after another desk cancelled it meanwhile: refused in words, the other desk’s change kept', async (channel, verb) => {
    const id = await appointment();
    const other = await h.knex.transaction();
    try {
      await other('appointment_entities').where({ id }).update({ status: 'CANCELLED', cancel_reason: 'Cancelled at the other desk' });
      const extra = { 'appointments.cancel': { reason: 'Called to cancel' }, 'appointments.reschedule': { date: TODAY, startTime: '11:00' } } as Record<
        string,
        object
      >;
      const step = h.callRaw(channel, { id, ...extra[channel] }, desk);
      await waitingOnALock();
      await other.commit();
      expect(await step).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'id', message: `This appointment is already cancelled, so it cannot be ${verb}` },
      });
    } finally {
      if (!other.isCompleted()) await other.rollback();
    }
    expect(await h.knex('appointment_entities').where({ id }).first('status', 'cancel_reason', 'checked_in_at')).toEqual({
      status: 'CANCELLED',
      cancel_reason: 'Cancelled at the other desk',
      checked_in_at: null,
    });
    expect(await h.knex('appointment_history').where({ appointment_id: id })).toEqual([]);
  });

  it('a walk-in whose patient is deleted meanwhile is refused for that (it answered INTERNAL), not for want of time', async () => {
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Race Walk-in', email: 'walkin@races.test' }).returning('id');
    const other = await h.knex.transaction();
    try {
      await other('patient_entities').where({ id: patientId }).del();
      const step = h.callRaw('appointments.walkIn', { patientId, doctorId: doctor }, desk);
      await waitingOnALock();
      await other.commit();
      expect(await step).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'patientId', message: 'No patient has this number' } });
    } finally {
      if (!other.isCompleted()) await other.rollback();
    }
  });

  it('a check-in of an appointment deleted meanwhile says it no longer exists', async () => {
    const id = await appointment();
    const other = await h.knex.transaction();
    try {
      await other('appointment_entities').where({ id }).del();
      const step = h.callRaw('appointments.checkIn', { id }, desk);
      await waitingOnALock();
      await other.commit();
      expect(await step).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'id', message: 'That appointment no longer exists' } });
    } finally {
      if (!other.isCompleted()) await other.rollback();
    }
  });
});
