import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../preload/contract';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { raceTest } from '../support/race-test';
import { startHarness, type Harness } from '../support/harness';

const DAY = '2099-04-06';
const CAPACITY = 30;
const LEFT = 5;
const DESKS = 30;

// Thirty desks (signed-in sessions) each book a token for their own patient at the same moment,
// with five tokens left in the session. In server mode the calls race over the pool's
// connections; embedded mode serves one connection, so there they queue, and the test proves
// the same count and numbering without a race.
describe.each(MODES)('30 desks racing for the last 5 tokens of a session (%s)', (mode: Mode) => {
  let h: Harness;
  let sessionId: number;
  let results: Result<unknown>[];
  let doctorId: number;
  let spare: number[];

  beforeAll(async () => {
    h = await startHarness(mode);
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Busy OPD', email: 'busy.opd@race.test' }).returning('id');
    const patients: number[] = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: CAPACITY - LEFT + 2 * DESKS }, (_, i) => ({ name: `Racer ${i}`, email: `racer${i}@race.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    [{ id: sessionId }] = await h
      .knex('opd_sessions')
      .insert({ doctor_id: doctorId, date: DAY, start_time: '09:00', end_time: '13:00', capacity: CAPACITY })
      .returning('id');
    // The first 25 tokens, written as the database issues them to any insert into the session.
    for (const patientId of patients.slice(0, CAPACITY - LEFT)) {
      await h
        .knex('appointment_entities')
        .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: DAY, start_time: '09:00', end_time: '09:01', opd_session_id: sessionId });
    }
    const desks = await Promise.all(Array.from({ length: DESKS }, () => h.signInAs('RECEPTIONIST')));
    const racers = patients.slice(CAPACITY - LEFT, CAPACITY - LEFT + DESKS);
    spare = patients.slice(CAPACITY - LEFT + DESKS);
    results = await Promise.all(desks.map((d, i) => h.call('opd.bookToken', { sessionId, patientId: racers[i]! }, d.sessionKey)));
  });
  afterAll(() => h.dispose());

  it('exactly 5 win, tokens 26..30; the other 25 are told the session is full', () => {
    const won = results.filter((r) => r.ok).map((r) => (r.ok ? (r.value as { token: number }).token : 0));
    expect(won.sort((a, b) => a - b)).toEqual([26, 27, 28, 29, 30]);
    const refused = results.filter((r) => !r.ok).map((r) => (r.ok ? '' : `${r.error.code}: ${r.error.message}`));
    expect(new Set(refused)).toEqual(new Set(["CONFLICT: Dr. Busy OPD's session of 2099-04-06, 09:00–13:00 is full: all 30 tokens are booked"]));
  });

  it('the database holds 30 live tokens, 1..30 with no gap and no repeat, at non-overlapping times, and counts 30', async () => {
    const rows: { session_token: number; start_time: string; end_time: string }[] = await h
      .knex('appointment_entities')
      .where({ opd_session_id: sessionId })
      .whereNot('status', 'CANCELLED')
      .orderBy('session_token')
      .select('session_token', 'start_time', 'end_time');
    expect(rows.map((r) => r.session_token)).toEqual(Array.from({ length: CAPACITY }, (_, i) => i + 1));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.start_time).toBe(rows[i - 1]!.end_time);
    expect([rows[0]!.start_time, rows.at(-1)!.end_time]).toEqual(['09:00:00', '13:00:00']);
    expect(await h.knex('opd_sessions').where({ id: sessionId }).first('booked')).toEqual({ booked: CAPACITY });
  });

  raceTest(mode)('the database alone holds the line: 30 bare inserts (no service, no advisory lock) into a session of 5 give its tokens 31..35', async () => {
    const [{ id: small }] = await h
      .knex('opd_sessions')
      .insert({ doctor_id: doctorId, date: DAY, start_time: '14:00', end_time: '15:00', capacity: LEFT })
      .returning('id');
    const tries = await Promise.allSettled(
      spare.map((patientId) =>
        h
          .knex('appointment_entities')
          .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: DAY, start_time: '14:00', end_time: '14:01', opd_session_id: small }),
      ),
    );
    expect(tries.filter((t) => t.status === 'fulfilled')).toHaveLength(LEFT);
    const reasons = tries.flatMap((t) => (t.status === 'rejected' ? [(t.reason as { constraint?: string }).constraint] : []));
    expect(new Set(reasons)).toEqual(new Set(['chk_opd_session_booked']));
    const tokens = await h.knex('appointment_entities').where({ opd_session_id: small }).orderBy('session_token').pluck('session_token');
    // The afternoon's numbers continue after the morning's 30.
    expect(tokens).toEqual([31, 32, 33, 34, 35]);
  });

  it('walk-ins and bookings racing for the last 5 tokens of a session under way: exactly 5 win, gapless and unique numbers of the day', async () => {
    h.clock.now = Date.parse(`${new Date().toISOString().slice(0, 10)}T10:00:00Z`);
    const { date: today } = clinicNow((await h.services.settings.get()).timeZone, h.clock.now);
    const patients: number[] = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 10 + DESKS }, (_, i) => ({ name: `Walker ${i}`, email: `walker${i}@race.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    // An early session of 5 tokens (1..5) and the one under way (6..15), 5 of its tokens booked.
    for (const [start_time, end_time] of [
      ['06:00', '07:00'],
      ['09:00', '13:00'],
    ] as const)
      await h.knex('opd_sessions').insert({ doctor_id: doctorId, date: today, start_time, end_time, capacity: start_time === '06:00' ? LEFT : 10 });
    const live = await h.knex('opd_sessions').where({ doctor_id: doctorId, date: today, start_time: '09:00' }).first('id', 'first_token');
    expect(live.first_token).toBe(LEFT + 1);
    for (const patientId of patients.slice(0, 5))
      await h
        .knex('appointment_entities')
        .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: today, start_time: '09:00', end_time: '09:01', opd_session_id: live.id });
    const desks = await Promise.all(Array.from({ length: DESKS }, () => h.signInAs('RECEPTIONIST')));
    const tries = await Promise.all(
      desks.map((d, i) =>
        i % 2
          ? h.call('appointments.walkIn', { patientId: patients[10 + i]!, doctorId }, d.sessionKey)
          : h.call('opd.bookToken', { sessionId: live.id, patientId: patients[10 + i]! }, d.sessionKey),
      ),
    );
    expect(tries.filter((r) => r.ok)).toHaveLength(LEFT);
    expect(new Set(tries.flatMap((r) => (r.ok ? [] : [r.error.code])))).toEqual(new Set(['CONFLICT']));
    const tokens = await h
      .knex('appointment_entities')
      .where({ opd_session_id: live.id })
      .whereNot('status', 'CANCELLED')
      .orderBy('session_token')
      .pluck('session_token');
    expect(tokens).toEqual(Array.from({ length: 10 }, (_, i) => LEFT + 1 + i));
    // The walk-ins who won are checked in under their token; no number of the day repeats.
    const numbers = await h.knex('appointment_entities').where({ doctor_id: doctorId, appointment_date: today }).whereNotNull('token_no').pluck('token_no');
    const walkedIn = tries.filter((r, i) => r.ok && i % 2).length;
    expect(numbers).toHaveLength(walkedIn);
    expect(new Set(numbers).size).toBe(walkedIn);
    expect(numbers.every((n: number) => n > 2 * LEFT && n <= 3 * LEFT)).toBe(true);
  });
});
