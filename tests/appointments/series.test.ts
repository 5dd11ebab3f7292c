import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, AppointmentDto, Res } from '../../preload/contract';
import { eachDate, shiftDate, weekdayOf } from '../../main/availability/wall-clock';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { raceTest } from '../support/race-test';

// The clinic's clock (UTC) reads Sunday 2099-03-01 08:00. Dr. Series works Tuesdays 09:00–13:00.
const TODAY = '2099-03-01';
const TUESDAYS: string[] = eachDate('2099-03-03', '2099-06-30').filter((d) => weekdayOf(d) === 2);
const [WEEK3, WEEK5, WEEK6, WEEK8] = [TUESDAYS[2]!, TUESDAYS[4]!, TUESDAYS[5]!, TUESDAYS[7]!];

type Preview = Res<'appointments.previewSeries'>;
type Booked = Res<'appointments.bookSeries'>;

describe.each(MODES)('recurring series (%s)', (mode: Mode) => {
  let h: Harness;
  let desk: { sessionKey: string };
  let admin: { sessionKey: string };
  let doctor: number;
  let other: number;
  let patients: number[];
  let series: Booked;

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    [{ id: doctor }, { id: other }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Series', email: 'series@series.test' },
        { name: 'Dr. Other', email: 'other@series.test' },
      ])
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert(Array.from({ length: 10 }, (_, i) => ({ name: `Patient ${i}`, email: `p${i}@series.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    // Week 8 is not a working day; week 5 is leave; week 3 has another patient at 10:00.
    await h
      .knex('doctor_availabilities')
      .insert(
        TUESDAYS.filter((d) => d !== WEEK8).flatMap((date) =>
          [doctor, other].map((doctor_id) => ({ doctor_id, date, start_time: '09:00', end_time: '13:00', slot_minutes: 15 })),
        ),
      );
    await h
      .knex('doctor_availabilities')
      .insert({ doctor_id: doctor, date: WEEK5, start_time: '00:00', end_time: '24:00', kind: 'LEAVE', is_available: false, note: 'Conference' });
    await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[1], doctor_id: doctor, appointment_date: WEEK3, start_time: '10:00', end_time: '10:15' });
  });
  afterAll(() => h.dispose());

  const call = <C extends ChannelName>(channel: C, payload: Record<string, unknown>) => h.callRaw(channel, payload, desk.sessionKey);
  const weekly12 = { patientId: 0, doctorId: 0, startDate: TUESDAYS[0], startTime: '10:00', recurrence: { frequency: 'WEEKLY', count: 12 } };
  const request = () => ({ ...weekly12, patientId: patients[0], doctorId: doctor });
  const count = async (table: string) => Number((await h.knex(table).count<{ n: number }[]>({ n: '*' }))[0]!.n);

  it('previews a 12-week series: the 3 that cannot be booked, why, and the next free time for each', async () => {
    const { occurrences } = expectOk<Preview>(await call('appointments.previewSeries', request()));
    expect(occurrences.map((o) => o.date)).toEqual(TUESDAYS.slice(0, 12));
    expect(occurrences.filter((o) => !o.problem)).toHaveLength(9);
    expect(occurrences.filter((o) => o.problem).map((o) => [o.date, o.problem!.kind, o.suggestion])).toEqual([
      // The clash: the nearest free time that day (09:45 and 10:15 are as near; the earlier first).
      [WEEK3, 'CLASH', { date: WEEK3, startTime: '09:45:00', endTime: '10:00:00' }],
      // Leave and a day off: the next working day, nearest the series' time, but not the next occurrence's own.
      [WEEK5, 'LEAVE', { date: WEEK6, startTime: '09:45:00', endTime: '10:00:00' }],
      [WEEK8, 'OUTSIDE_HOURS', { date: TUESDAYS[8], startTime: '09:45:00', endTime: '10:00:00' }],
    ]);
    expect(occurrences.find((o) => o.date === WEEK5)!.problem!.message).toBe(
      `Dr. Series is on leave all day on ${WEEK5} (Conference), so 10:00–10:15 on ${WEEK5} cannot be booked.`,
    );
    expect(occurrences.find((o) => o.date === WEEK3)!.problem!.message).toBe(`Dr. Series already has an appointment 10:00–10:15 on ${WEEK3}`);
    expect(await count('appointment_series')).toBe(0);
  });

  it('will not book while an occurrence that cannot be booked has no choice, and writes nothing', async () => {
    const before = await count('appointment_entities');
    expect(await call('appointments.bookSeries', request())).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'choices', message: expect.stringContaining(WEEK3) },
    });
    // An alternative that clashes refuses the whole series.
    expect(
      await call('appointments.bookSeries', {
        ...request(),
        choices: [
          { date: WEEK3, action: 'alternative', toDate: WEEK3, toStartTime: '10:05' },
          { date: WEEK5, action: 'skip' },
          { date: WEEK8, action: 'skip' },
        ],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', field: 'choices' } });
    expect(await count('appointment_entities')).toBe(before);
    expect(await count('appointment_series')).toBe(0);
  });

  it('books the series as one: the desk skips one occurrence and books two at other times', async () => {
    series = expectOk<Booked>(
      await call('appointments.bookSeries', {
        ...request(),
        reason: 'Physiotherapy',
        choices: [
          { date: WEEK3, action: 'alternative', toDate: WEEK3, toStartTime: '10:30' },
          { date: WEEK5, action: 'skip' },
          { date: WEEK8, action: 'alternative', toDate: TUESDAYS[8], toStartTime: '09:45' },
        ],
      }),
    );
    expect(series.skipped).toEqual([WEEK5]);
    expect(series.appointments).toHaveLength(11);
    expect(series.appointments.every((a) => a.seriesId === series.seriesId && a.status === 'SCHEDULED' && a.reason === 'Physiotherapy')).toBe(true);
    expect(series.appointments.find((a) => a.date === WEEK3)).toMatchObject({ startTime: '10:30:00', endTime: '10:45:00' });
    expect(series.appointments.filter((a) => a.date === TUESDAYS[8]).map((a) => a.startTime)).toEqual(['09:45:00', '10:00:00']);
    expect(await h.knex('appointment_series').where({ id: series.seriesId }).first('rule')).toEqual({ rule: expect.stringContaining('FREQ=WEEKLY') });
    expect(
      await h
        .knex('audit_log')
        .where({ action: 'appointments.bookSeries', entity: 'appointment_series', entity_id: series.seriesId })
        .count<{ n: number }[]>({ n: '*' }),
    ).toEqual([{ n: 1 }]);
  });

  it('moves this and the following appointments to another time, all or nothing', async () => {
    const at = (date: string) => series.appointments.find((a) => a.date === date)!;
    // Two of the series share a day: one time for all of them cannot be.
    expect(await call('appointments.moveSeries', { id: at(TUESDAYS[1]!).id, scope: 'following', startTime: '11:30' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: expect.stringContaining(`Two of these appointments are on ${TUESDAYS[8]}`) },
    });
    // Another patient holds week 11 at 11:00: the move is refused whole.
    await h
      .knex('appointment_entities')
      .insert({ patient_id: patients[2], doctor_id: doctor, appointment_date: TUESDAYS[10], start_time: '11:00', end_time: '11:15' });
    expect(await call('appointments.moveSeries', { id: at(TUESDAYS[9]!).id, scope: 'following', startTime: '11:00' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`${TUESDAYS[10]}: Dr. Series already has an appointment 11:00–11:15`) },
    });
    expect((await h.knex('appointment_entities').where({ series_id: series.seriesId, start_time: '11:00' })).length).toBe(0);

    const moved = expectOk<Res<'appointments.moveSeries'>>(
      await call('appointments.moveSeries', { id: at(TUESDAYS[9]!).id, scope: 'following', startTime: '11:30' }),
    );
    const time = (date: string) => moved.appointments.find((a) => a.date === date)!.startTime;
    expect([TUESDAYS[0], WEEK3, TUESDAYS[9], TUESDAYS[10], TUESDAYS[11]].map((d) => time(d!))).toEqual([
      '10:00:00',
      '10:30:00',
      '11:30:00',
      '11:30:00',
      '11:30:00',
    ]);
    // Out of hours is refused with the day named.
    expect(await call('appointments.moveSeries', { id: at(TUESDAYS[1]!).id, scope: 'this', startTime: '13:00' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining(`The appointment of ${TUESDAYS[1]}: 13:00–13:15 on ${TUESDAYS[1]} is outside Dr. Series`) },
    });
  });

  it('cancels this and the following appointments, then this one, then all that are left', async () => {
    const byDate = (list: AppointmentDto[], date: string) => list.find((a) => a.date === date)!;
    const after = expectOk<Res<'appointments.cancelSeries'>>(
      await call('appointments.cancelSeries', { id: byDate(series.appointments, WEEK6).id, scope: 'following', reason: 'Course changed' }),
    );
    expect(after.appointments.filter((a) => a.status === 'CANCELLED').map((a) => a.date)).toEqual(
      after.appointments.filter((a) => a.date >= WEEK6).map((a) => a.date),
    );
    expect(after.appointments.filter((a) => a.date < WEEK6).every((a) => a.status === 'SCHEDULED')).toBe(true);
    expect(after.appointments.find((a) => a.status === 'CANCELLED')?.cancelReason).toBe('Course changed');

    const one = expectOk<Res<'appointments.cancelSeries'>>(
      await call('appointments.cancelSeries', { id: series.appointments[0]!.id, scope: 'this', reason: 'Unwell' }),
    );
    expect(one.appointments.filter((a) => a.status === 'SCHEDULED')).toHaveLength(3);
    const all = expectOk<Res<'appointments.cancelSeries'>>(
      await call('appointments.cancelSeries', { id: series.appointments[0]!.id, scope: 'all', reason: 'Moved away' }),
    );
    expect(all.appointments.every((a) => a.status === 'CANCELLED')).toBe(true);
    expect(await call('appointments.cancelSeries', { id: series.appointments[0]!.id, scope: 'all', reason: 'Again' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // One that is not of a series says so.
    const single = (await h.knex('appointment_entities').whereNull('series_id').first('id')).id;
    expect(await call('appointments.cancelSeries', { id: single, scope: 'this', reason: 'Nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'This appointment is not part of a series' },
    });
  });

  it('expands every N days or weeks on chosen weekdays, by count or end date, within limits', async () => {
    const dates = async (recurrence: Record<string, unknown>, startDate = TUESDAYS[0]) =>
      expectOk<Preview>(await call('appointments.previewSeries', { ...request(), patientId: patients[3], startDate, recurrence })).occurrences.map(
        (o) => o.date,
      );
    expect(await dates({ frequency: 'DAILY', interval: 2, count: 3 })).toEqual(['2099-03-03', '2099-03-05', '2099-03-07']);
    expect(await dates({ frequency: 'WEEKLY', interval: 2, weekdays: [2, 4], until: '2099-03-20' })).toEqual([
      '2099-03-03',
      '2099-03-05',
      '2099-03-17',
      '2099-03-19',
    ]);
    expect(await call('appointments.previewSeries', { ...request(), recurrence: { frequency: 'WEEKLY', count: 3, until: '2099-04-01' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
    expect(await call('appointments.previewSeries', { ...request(), recurrence: { frequency: 'DAILY', until: '2099-12-31' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'recurrence', message: expect.stringContaining('At most 52') },
    });
    expect(await call('appointments.previewSeries', { ...request(), recurrence: { frequency: 'DAILY', weekdays: [1], count: 2 } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID' },
    });
  });

  it('keeps wall-clock times in a DST zone: a series across the change stays at 10:00', async () => {
    expectOk(await h.callRaw('settings.update', { timeZone: 'America/New_York' }, admin.sessionKey));
    // 2099-03-08 is the second Sunday of March: New York moves its clocks forward that night.
    const { occurrences } = expectOk<Preview>(
      await call('appointments.previewSeries', { ...request(), patientId: patients[4], doctorId: other, recurrence: { frequency: 'WEEKLY', count: 3 } }),
    );
    expect(occurrences.map((o) => [o.date, o.startTime, o.endTime, o.problem])).toEqual(TUESDAYS.slice(0, 3).map((d) => [d, '10:00:00', '10:15:00', null]));
    expectOk(await h.callRaw('settings.update', { timeZone: 'UTC' }, admin.sessionKey));
  });

  raceTest(mode)('two desks booking clashing series for one doctor at once: one series wins whole, the other writes nothing', async () => {
    const base = { doctorId: other, startDate: shiftDate(TUESDAYS[0]!, 56), startTime: '12:00', recurrence: { frequency: 'WEEKLY', count: 4 } };
    const results = await Promise.all(
      [patients[5], patients[6], patients[7], patients[8]].map((patientId, i) =>
        call('appointments.bookSeries', { ...base, patientId, startTime: i % 2 ? '12:00' : '12:05' }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error.code === 'CONFLICT')).toHaveLength(3);
    const won = expectOk<Booked>(results.find((r) => r.ok)!);
    expect(
      await h
        .knex('appointment_entities')
        .where({ doctor_id: other })
        .where('appointment_date', '>=', base.startDate)
        .whereNot('status', 'CANCELLED')
        .count<{ n: number }[]>({ n: '*' }),
    ).toEqual([{ n: 4 }]);
    expect(await h.knex('appointment_series').where({ doctor_id: other }).pluck('id')).toEqual([won.seriesId]);
  });
});
