import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto, Res } from '../../preload/contract';
import { shiftDate, toTime } from '../../main/availability/wall-clock';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { raceTest } from '../support/race-test';
import { expectOk, startHarness, type Harness } from '../support/harness';

type Queue = Res<'appointments.queue'>;

describe.each(MODES)('the waiting room (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string; userId: number };
  let doctorA: { sessionKey: string; userId: number };
  let drA: number;
  let drB: number;
  let drC: number;
  let patients: number[];
  let today: string;
  let nextPatient = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${new Date().toISOString().slice(0, 10)}T06:00:00Z`);
    today = clinicNow((await h.services.settings.get()).timeZone, h.clock.now).date;
    [{ id: drA }, { id: drB }, { id: drC }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@clinic.test' },
        { name: 'Dr. Meera Iyer', email: 'meera.iyer@clinic.test' },
      ])
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 80 }, (_, i) => ({ name: `Waiting Patient ${i}`, email: `w${i}@example.com` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    desk = await h.signInAs('RECEPTIONIST');
    doctorA = await h.signInAs('DOCTOR', { doctorId: drA });
  });
  afterAll(() => h.dispose());

  /** Checked-in patients of a doctor today with tokens 1..n (or the stamps given), each in their own quarter hour. */
  async function checkedIn(doctorId: number, n: number, date = today, extra: (i: number) => Record<string, unknown> = () => ({})): Promise<number[]> {
    // Every row its own patient and quarter hour of the day, so none overlaps another.
    const rows = Array.from({ length: n }, (_, i) => ({
      patient_id: patients[nextPatient],
      doctor_id: doctorId,
      appointment_date: date,
      start_time: toTime(nextPatient * 15),
      end_time: toTime(++nextPatient * 15),
      checked_in_at: new Date(),
      token_no: i + 1,
      ...extra(i),
    }));
    return (await h.knex('appointment_entities').insert(rows).returning('id')).map((r: { id: number }) => r.id);
  }
  const callNext = (doctorId: number, key = desk.sessionKey) => h.callRaw('appointments.callNext', { doctorId }, key);
  const calledToken = async (doctorId: number, key = desk.sessionKey) => expectOk<AppointmentDto>(await callNext(doctorId, key)).tokenNo;
  const stage = (id: number, action: 'start' | 'skip' | 'sendBack', key = desk.sessionKey) => h.callRaw('appointments.stage', { id, action }, key);
  const complete = (id: number) => h.callRaw('appointments.complete', { id }, desk.sessionKey);
  const queueOf = async (doctorId: number) => expectOk<Queue>(await h.callRaw('appointments.queue', { doctorId }, desk.sessionKey))[0]!;

  it('calls priority tokens first, then by token; a skipped token comes back after the others, a sent-back one keeps its place', async () => {
    const [t1, t2, t3, t4, t5] = await checkedIn(drA, 5);
    expectOk(await h.callRaw('appointments.setPriority', { id: t4, priority: 'ELDERLY', reason: 'Aged 84, cannot sit long' }, desk.sessionKey));
    expectOk(await h.callRaw('appointments.setPriority', { id: t5, priority: 'EMERGENCY', reason: 'Chest pain' }, desk.sessionKey));
    let q = await queueOf(drA);
    expect(q.waiting.map((w) => [w.appointment.tokenNo, w.stage, w.priority])).toEqual([
      [5, 'ARRIVED', 'EMERGENCY'],
      [4, 'ARRIVED', 'ELDERLY'],
      [1, 'ARRIVED', null],
      [2, 'ARRIVED', null],
      [3, 'ARRIVED', null],
    ]);

    // The doctor's own click; a second click before the patient comes in calls nobody else.
    expect(await calledToken(drA, doctorA.sessionKey)).toBe(5);
    expect(await callNext(drA, doctorA.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Token 5 has been called/) },
    });
    expectOk(await stage(t5!, 'start', doctorA.sessionKey));
    q = await queueOf(drA);
    expect(q.waiting.map((w) => [w.appointment.tokenNo, w.stage])).toEqual([
      [5, 'WITH_DOCTOR'],
      [4, 'ARRIVED'],
      [1, 'ARRIVED'],
      [2, 'ARRIVED'],
      [3, 'ARRIVED'],
    ]);
    expect(q.waiting.map((w) => w.estimatedWaitMinutes)).toEqual([0, 15, 30, 45, 60]);
    expectOk(await complete(t5!));

    // Token 4 is not there: skipped, it is recalled after everybody else.
    expect(await calledToken(drA)).toBe(4);
    expectOk(await stage(t4!, 'skip'));
    expect((await queueOf(drA)).waiting.map((w) => [w.appointment.tokenNo, w.skipped])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(await calledToken(drA)).toBe(1);
    expectOk(await stage(t1!, 'start'));
    expectOk(await complete(t1!));

    // Token 2 is sent out for a test and back to waiting: still first in line.
    expect(await calledToken(drA)).toBe(2);
    expectOk(await stage(t2!, 'start'));
    expectOk(await stage(t2!, 'sendBack'));
    expect(await calledToken(drA)).toBe(2);
    expectOk(await stage(t2!, 'start'));
    expectOk(await complete(t2!));
    expect(await calledToken(drA)).toBe(3);
    expectOk(await stage(t3!, 'start'));
    expectOk(await complete(t3!));
    expect(await calledToken(drA)).toBe(4);
    expectOk(await stage(t4!, 'start'));
    expectOk(await complete(t4!));
    expect(await callNext(drA)).toEqual({ ok: false, error: { code: 'CONFLICT', field: 'doctorId', message: 'Nobody is waiting for this doctor' } });

    const stamps = await h
      .knex('appointment_entities')
      .whereIn('id', [t1!, t2!, t3!, t4!, t5!])
      .select('called_at', 'consult_started_at', 'completed_at', 'status');
    expect(stamps.every((s) => s.called_at && s.consult_started_at && s.completed_at && s.status === 'COMPLETED')).toBe(true);
    const kinds = await h
      .knex('appointment_history')
      .where({ appointment_id: t4 })
      .orderBy('id')
      .select('kind')
      .then((rows) => rows.map((r: { kind: string }) => r.kind));
    expect(kinds).toEqual(['PRIORITY', 'STAGE', 'STAGE', 'STAGE', 'STAGE', 'STATUS']);
  });

  it('audits a priority with its reason, refuses one without a reason or for a patient already seen, and changes nothing then', async () => {
    const [a, b] = await checkedIn(drB, 2);
    expectOk(await h.callRaw('appointments.setPriority', { id: a, priority: 'PREGNANT', reason: 'Third trimester' }, desk.sessionKey));
    const audit = await h.knex('audit_log').where({ action: 'appointments.setPriority', entity_id: a }).select('user_id', 'outcome', 'detail');
    expect(audit).toEqual([{ user_id: desk.userId, outcome: 'OK', detail: { priority: 'PREGNANT', reason: 'Third trimester' } }]);

    expect(await h.callRaw('appointments.setPriority', { id: b, priority: 'CHILD', reason: '' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'reason' },
    });
    expect(await h.callRaw('appointments.setPriority', { id: b, priority: 'VIP', reason: 'Knows the owner' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'priority' },
    });
    expect(await h.knex('appointment_entities').where({ id: b }).first('priority', 'priority_reason')).toEqual({ priority: null, priority_reason: null });

    expect(await calledToken(drB)).toBe(1);
    expectOk(await stage(a!, 'start'));
    expect(await h.callRaw('appointments.setPriority', { id: a, priority: null, reason: 'Entered by mistake' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await h.knex('appointment_entities').where({ id: a }).first('priority')).toEqual({ priority: 'PREGNANT' });
    // A stage change out of turn is refused: token 2 was never called.
    expect(await stage(b!, 'start')).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/^Token 2 cannot be marked as with the doctor now/) },
    });
    expect(await stage(b!, 'sendBack')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expectOk(await complete(a!));
    expectOk(await complete(b!));
  });

  it('lets a doctor call and move only their own patients', async () => {
    const [c] = await checkedIn(drB, 1, today, () => ({ token_no: 10 }));
    expect(await callNext(drB, doctorA.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await h.callRaw('appointments.setPriority', { id: c, priority: 'CHILD', reason: 'Aged 3' }, doctorA.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await h.knex('appointment_entities').where({ id: c }).first('called_at', 'priority')).toEqual({ called_at: null, priority: null });
    expect(await calledToken(drB)).toBe(10);
    expect(await stage(c!, 'skip', doctorA.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expectOk(await stage(c!, 'start'));
    expectOk(await complete(c!));
  });

  raceTest(mode)('30 clicks of "Call next" at once call exactly one patient, then the next 30 exactly the next one', async () => {
    const doctor = (await h.knex('doctor_entities').insert({ name: 'Dr. Race', email: 'race@clinic.test' }).returning('id'))[0].id as number;
    const [first, second] = await checkedIn(doctor, 4);
    const desks = await Promise.all(Array.from({ length: 5 }, () => h.signInAs('RECEPTIONIST')));
    const click = () => Promise.all(Array.from({ length: 30 }, (_, i) => callNext(doctor, desks[i % desks.length]!.sessionKey)));

    let results = await click();
    expect(results.filter((r) => r.ok).map((r) => expectOk<AppointmentDto>(r).id)).toEqual([first]);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(29);
    expect(
      await h
        .knex('appointment_entities')
        .where({ doctor_id: doctor })
        .whereNotNull('called_at')
        .select('id')
        .then((rows) => rows.map((r: { id: number }) => r.id)),
    ).toEqual([first]);

    expectOk(await stage(first!, 'start'));
    results = await click();
    expect(results.filter((r) => r.ok).map((r) => expectOk<AppointmentDto>(r).id)).toEqual([second]);
    expect(
      (
        await h
          .knex('appointment_entities')
          .where({ doctor_id: doctor })
          .whereNotNull('called_at')
          .select('id')
          .then((rows) => rows.map((r: { id: number }) => r.id))
      ).sort(),
    ).toEqual([first, second].sort());
    // Called, with the doctor, called: three stage entries, none from a losing click.
    expect(
      await h
        .knex('appointment_history')
        .where({ kind: 'STAGE' })
        .whereIn('appointment_id', [first!, second!])
        .select('id')
        .then((rows) => rows.map((r: { id: number }) => r.id)),
    ).toHaveLength(3);
  });

  it('estimates from the stage stamps of recent days with a median: one quick visit today does not swing it', async () => {
    const at = (date: string, minute: number) => new Date(Date.parse(`${date}T03:00:00Z`) + minute * 60_000);
    // Five past visits of 8, 10, 11, 12 and 90 minutes, each called 20, 25, 30, 35, 200 minutes after check-in.
    const lengths = [8, 10, 11, 12, 90];
    const waits = [20, 25, 30, 35, 200];
    for (const [i, length] of lengths.entries()) {
      const date = shiftDate(today, -(i + 1));
      await checkedIn(drC, 1, date, () => ({
        status: 'COMPLETED',
        checked_in_at: at(date, 0),
        called_at: at(date, waits[i]!),
        consult_started_at: at(date, waits[i]! + 1),
        completed_at: at(date, waits[i]! + 1 + length),
      }));
    }
    // One visit today of a single minute, and two patients waiting.
    await checkedIn(drC, 1, today, () => ({
      status: 'COMPLETED',
      token_no: 1,
      called_at: at(today, 1),
      consult_started_at: at(today, 2),
      completed_at: at(today, 3),
      checked_in_at: at(today, 0),
    }));
    await checkedIn(drC, 2, today, (i) => ({ token_no: i + 2 }));
    const q = await queueOf(drC);
    // Six consultations: 1, 8, 10, 11, 12, 90 → median 10.5, shown as 11; waits 1, 20, 25, 30, 35, 200 → 27.5 → 28.
    expect(q.consultMinutes).toBe(11);
    expect(q.typicalWaitMinutes).toBe(28);
    expect(q.waiting.map((w) => w.estimatedWaitMinutes)).toEqual([0, 11]);
  });

  it('falls back to the slot length until enough visits were stamped', async () => {
    const doctor = (await h.knex('doctor_entities').insert({ name: 'Dr. New', email: 'new@clinic.test' }).returning('id'))[0].id as number;
    await checkedIn(doctor, 2);
    const q = await queueOf(doctor);
    expect(q.consultMinutes).toBe((await h.services.settings.get()).defaultSlotMinutes);
    expect(q.typicalWaitMinutes).toBeNull();
  });
});
