import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Res } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

// The clinic's clock (UTC) reads 2099-03-01 08:00.
const TODAY = '2099-03-01';

describe.each(MODES)('follow-up recalls (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string };
  let doctor: number;
  let patients: number[];

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
    desk = await h.signInAs('RECEPTIONIST');
    [{ id: doctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Recall', email: 'recall@recall.test' }).returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 3 }, (_, i) => ({ name: `Patient ${i}`, email: `p${i}@recall.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
  });
  afterAll(() => h.dispose());

  const call = <C extends ChannelName>(channel: C, payload: Record<string, unknown>) => h.callRaw(channel, payload, desk.sessionKey);
  const list = async (state: string) => expectOk<Res<'recalls.list'>>(await call('recalls.list', { state })).map((r) => r.patientName);

  it('lists recalls as due, overdue, or booked once the patient has a later appointment', async () => {
    const due = expectOk<Res<'recalls.create'>>(await call('recalls.create', { patientId: patients[0], doctorId: doctor, inDays: 14, reason: 'Review' }));
    expect(due).toMatchObject({ dueDate: '2099-03-15', state: 'DUE', doctorName: 'Dr. Recall' });
    expect(await call('recalls.create', { patientId: patients[1], dueDate: TODAY })).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'dueDate' } });
    expect(await call('recalls.create', { patientId: 999_999, inDays: 3 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', field: 'patientId' } });
    // Made earlier and not booked: overdue.
    await h.knex('recalls').insert({ patient_id: patients[1], due_date: '2099-02-20', created_at: '2099-02-01T10:00:00Z' });
    expect(await list('DUE')).toEqual(['Patient 0']);
    expect(await list('OVERDUE')).toEqual(['Patient 1']);
    await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[0], doctor_id: doctor, appointment_date: '2099-03-14', start_time: '10:00', end_time: '10:15' });
    expect(await list('DUE')).toEqual([]);
    expect(await list('BOOKED')).toEqual(['Patient 0']);
    const dismissed = expectOk<Res<'recalls.dismiss'>>(
      await call('recalls.dismiss', { id: (await h.knex('recalls').where({ patient_id: patients[1] }).first('id')).id }),
    );
    expect(dismissed.state).toBe('DISMISSED');
    expect(await list('OVERDUE')).toEqual([]);
  });

  it('completing a visit with "see again in 2 weeks" makes the recall in the same step; a refused completion makes none', async () => {
    const [{ id: visit }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[2], doctor_id: doctor, appointment_date: TODAY, start_time: '07:30', end_time: '07:45' })
      .returning('id');
    const recallsOfVisit = () => h.knex('recalls').where({ source_appointment_id: visit }).select('due_date', 'reason', 'doctor_id');
    expect(await call('appointments.complete', { id: visit, recall: { inDays: 0 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'recall.inDays' },
    });
    expect(await h.knex('appointment_entities').where({ id: visit }).first('status')).toEqual({ status: 'SCHEDULED' });
    expect(await call('appointments.complete', { id: visit, recall: { inDays: 14, reason: 'Stitches out' } })).toMatchObject({
      ok: true,
      value: { status: 'COMPLETED' },
    });
    expect(await recallsOfVisit()).toEqual([{ due_date: '2099-03-15', reason: 'Stitches out', doctor_id: doctor }]);
    expect(await call('appointments.complete', { id: visit, recall: { inDays: 7 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await recallsOfVisit()).toHaveLength(1);
  });

  it('undoing a completion removes the recall it made, and only that one', async () => {
    await h.knex('doctor_availabilities').insert({ doctor_id: doctor, date: TODAY, start_time: '07:00', end_time: '12:00', slot_minutes: 15 });
    const [{ id: visit }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[1], doctor_id: doctor, appointment_date: TODAY, start_time: '09:00', end_time: '09:15' })
      .returning('id');
    const own = expectOk<Res<'recalls.create'>>(await call('recalls.create', { patientId: patients[1], inDays: 30, reason: 'Yearly check' }));
    expectOk(await call('appointments.complete', { id: visit, recall: { inDays: 10, reason: 'Dressing' } }));
    const made = await h.knex('recalls').where({ source_appointment_id: visit }).first('id');
    expect(made).toBeDefined();
    expect(expectOk<Res<'appointments.undo'>>(await call('appointments.undo', { id: visit })).status).toBe('SCHEDULED');
    expect(await h.knex('recalls').whereIn('id', [own.id, made.id]).pluck('id')).toEqual([own.id]);
    const undone = await h.knex('appointment_history').where({ appointment_id: visit, kind: 'UNDONE' }).first('detail');
    expect(undone.detail).toMatchObject({ kind: 'STATUS', recallsRemoved: [made.id] });
  });
});
