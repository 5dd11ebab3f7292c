import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Res } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';
import { MON_FRI } from '../support/weekly-patterns';

describe.each(MODES)('clinic holidays (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let doctorId: number;
  let patientId: number;

  beforeAll(async () => {
    h = await startHarness(mode);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Holiday', email: 'holiday@clinic.test' }).returning('id');
    [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Booked Patient', email: 'booked@example.com' }).returning('id');
    expectOk(await h.call('availability.saveTemplate', { doctorId, rules: MON_FRI, validFrom: '2027-01-01' }, admin));
  });
  afterAll(() => h.dispose());

  const add = async (date: string, name: string, cancelBooked?: { reason: string }) =>
    expectOk<Res<'holidays.add'>>(await h.call('holidays.add', { date, name, ...(cancelBooked ? { cancelBooked } : {}) }, admin));
  const windowsOn = (date: string) => h.knex('doctor_availabilities').where({ date }).orderBy('start_time').select('kind', 'start_time');
  const book = (date: string, startTime: string) => h.call('appointments.book', { patientId, doctorId, date, startTime }, admin);

  it('expanding a weekly pattern creates no windows on a holiday', async () => {
    expect((await add('2027-03-02', 'Founders Day')).status).toBe('saved');
    const made = expectOk(await h.call('availability.expand', { doctorId, from: '2027-03-01', to: '2027-03-07' }, admin));
    // Five weekdays of two periods, less the holiday Tuesday's two.
    expect(made).toEqual({ created: 8, alreadyThere: 0 });
    expect(await windowsOn('2027-03-02')).toEqual([]);
    expect(await windowsOn('2027-03-03')).toHaveLength(2);
  });

  it('a holiday over a day with windows and no bookings takes its working time off, leave stays', async () => {
    expectOk(await h.call('availability.expand', { doctorId, from: '2027-04-05', to: '2027-04-09' }, admin));
    expectOk(await h.call('availability.addException', { doctorId, date: '2027-04-06', kind: 'LEAVE', startTime: '16:00', endTime: '17:00' }, admin));
    const saved = await add('2027-04-06', 'Clinic Day');
    expect(saved).toMatchObject({ status: 'saved', holiday: { date: '2027-04-06', name: 'Clinic Day' }, removedWindows: 2, cancelledAppointments: 0 });
    expect(await windowsOn('2027-04-06')).toEqual([{ kind: 'LEAVE', start_time: '16:00:00' }]);
    expect(await windowsOn('2027-04-07')).toHaveLength(2);
  });

  it('a holiday over booked patients is refused with their list and changes nothing; cancelling them makes it', async () => {
    const booked = expectOk(await book('2027-04-08', '10:00'));
    const before = await databaseSnapshot(h.knex, ['audit_log']);
    const refused = await add('2027-04-08', 'Sudden Closure');
    expect(refused).toEqual({
      status: 'blocked',
      appointments: [{ id: booked.id, date: '2027-04-08', startTime: '10:00:00', endTime: '10:15:00', patientName: 'Booked Patient' }],
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);

    const saved = await add('2027-04-08', 'Sudden Closure', { reason: 'The clinic is closed that day' });
    expect(saved).toMatchObject({ status: 'saved', cancelledAppointments: 1, removedWindows: 2 });
    expect(await h.knex('appointment_entities').where({ id: booked.id }).first('status', 'cancel_reason')).toEqual({
      status: 'CANCELLED',
      cancel_reason: 'The clinic is closed that day',
    });
  });

  it('booking on a holiday is refused by its name, even with an override', async () => {
    for (const override of [undefined, { reason: 'Emergency' }]) {
      expect(
        await h.call('appointments.book', { patientId, doctorId, date: '2027-03-02', startTime: '10:00', endTime: '10:15', override }, admin),
      ).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', field: 'date', message: 'The clinic is closed on Founders Day (2027-03-02)' },
      });
    }
    const moving = expectOk(await book('2027-03-03', '11:00'));
    expect(await h.call('appointments.reschedule', { id: moving.id, date: '2027-03-02', startTime: '11:00' }, admin)).toMatchObject({
      ok: false,
      error: { message: 'The clinic is closed on Founders Day (2027-03-02)' },
    });
  });

  it('a series names the holiday it falls on, and books around it', async () => {
    const series = { patientId, doctorId, startDate: '2027-03-01', startTime: '10:00', recurrence: { frequency: 'DAILY', count: 3 } } as const;
    const { occurrences } = expectOk(await h.call('appointments.previewSeries', series, admin));
    expect(occurrences.map((o) => [o.date, o.problem])).toEqual([
      ['2027-03-01', null],
      [
        '2027-03-02',
        {
          kind: 'CLOSED',
          message: 'The clinic is closed on Founders Day (2027-03-02)',
          // The desk says it in its own language: the template and the holiday's name and date.
          phrase: { text: 'The clinic is closed on {0} ({1})', values: ['Founders Day', '2027-03-02'] },
        },
      ],
      ['2027-03-03', null],
    ]);
  });

  it('extra hours on a holiday are refused', async () => {
    expect(
      await h.call('availability.addException', { doctorId, date: '2027-03-02', kind: 'EXTRA', startTime: '09:00', endTime: '10:00' }, admin),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The clinic is closed on Founders Day (2027-03-02)' } });
    expect(await windowsOn('2027-03-02')).toEqual([]);
  });

  it('a holiday takes off the day’s OPD sessions no token was booked in, and no session or token goes on a holiday', async () => {
    const plan = { doctorId, startTime: '09:00', endTime: '10:00', capacity: 4 };
    const empty = expectOk(await h.call('opd.createSession', { ...plan, date: '2027-05-10' }, admin));
    const used = expectOk(await h.call('opd.createSession', { ...plan, date: '2027-05-11' }, admin));
    expectOk(await h.call('opd.bookToken', { sessionId: used.id, patientId }, admin));
    await add('2027-05-10', 'Session Day');
    expect(await h.knex('opd_sessions').where({ id: empty.id })).toEqual([]);
    expect(await h.call('opd.createSession', { ...plan, date: '2027-05-10' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The clinic is closed on Session Day (2027-05-10)' },
    });

    expect(await add('2027-05-11', 'Token Day', { reason: 'The clinic is closed that day' })).toMatchObject({ status: 'saved', cancelledAppointments: 1 });
    expect(await h.knex('opd_sessions').where({ id: used.id }).first('id')).toEqual({ id: used.id });
    expect(await h.call('opd.bookToken', { sessionId: used.id, patientId }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'The clinic is closed on Token Day (2027-05-11)' },
    });
  });

  it('a day patients have already been seen on cannot become a holiday', async () => {
    await h.knex('appointment_entities').insert({
      doctor_id: doctorId,
      patient_id: patientId,
      appointment_date: '2027-07-01',
      start_time: '09:00',
      end_time: '09:15',
      status: 'COMPLETED',
    });
    expect(await h.call('holidays.add', { date: '2027-07-01', name: 'Too Late', cancelBooked: { reason: 'Closed after all' } }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'date', message: 'One patient has already come in on 2027-07-01; the clinic cannot be closed that day' },
    });
    expect(await h.knex('clinic_holidays').where({ date: '2027-07-01' })).toEqual([]);
  });

  it('a date that already is a holiday is refused, and names are checked', async () => {
    expect(await h.call('holidays.add', { date: '2027-03-02', name: 'Again' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'date', message: '2027-03-02 is already a holiday (Founders Day)' },
    });
    expect(await h.callRaw('holidays.add', { date: '2027-05-05', name: '   ' }, admin)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'name' } });
    expect(await h.knex('clinic_holidays').where({ date: '2027-05-05' })).toEqual([]);
  });

  it('imports India 2027 once however often it is imported, passing over a booked day, and the list stays editable', async () => {
    expectOk(await h.call('availability.expand', { doctorId, from: '2027-03-22', to: '2027-03-26' }, admin));
    expectOk(await book('2027-03-26', '09:30'));
    const first = expectOk(await h.call('holidays.import', { list: 'IN-2027' }, admin));
    expect(first.added.map((d) => d.date)).toEqual(['2027-01-26', '2027-08-15', '2027-10-02', '2027-12-25']);
    expect(first).toMatchObject({ alreadyThere: 0, booked: [{ date: '2027-03-26', name: 'Good Friday', appointments: 1 }] });

    const republic = first.added[0]!;
    expect(expectOk(await h.call('holidays.rename', { id: republic.id, name: 'Gantantra Diwas' }, admin))).toEqual({ ...republic, name: 'Gantantra Diwas' });
    const again = expectOk(await h.call('holidays.import', { list: 'IN-2027' }, admin));
    expect(again).toMatchObject({ added: [], alreadyThere: 4 });
    const year = expectOk(await h.call('holidays.list', { from: '2027-01-01', to: '2027-12-31' }, admin));
    expect(year.filter((d) => d.date === '2027-01-26')).toEqual([{ ...republic, name: 'Gantantra Diwas' }]);
    expect(year.filter((d) => d.date === '2027-03-26')).toEqual([]);
  });

  it('removes a holiday; the day opens again when the pattern is expanded over it', async () => {
    const [holiday] = expectOk(await h.call('holidays.list', { from: '2027-04-06', to: '2027-04-06' }, admin));
    expect(await h.call('holidays.remove', { id: holiday!.id }, admin)).toEqual({ ok: true, value: null });
    expect(await h.call('holidays.remove', { id: holiday!.id }, admin)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expectOk(await h.call('availability.expand', { doctorId, from: '2027-04-06', to: '2027-04-06' }, admin));
    expect(await windowsOn('2027-04-06')).toHaveLength(3);
  });
});
