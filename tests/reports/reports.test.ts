import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Req } from '../../preload/contract';
import { insertUser } from '../../main/users/repo';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, testPasswordHash, type Harness } from '../support/harness';
import { buildSmallClinic, RANGE, ZONE, type SmallClinic } from './clinic';

/** The lead-time buckets in their order, with these counts: same day, 1–2, 3–7, 8–30, over 30 days. */
const leadBuckets = (...counts: [number, number, number, number, number]) =>
  ['same day', '1–2 days', '3–7 days', '8–30 days', 'over 30 days'].map((label, i) => ({ label, count: counts[i] }));

// Every expected figure below is worked out by hand from the clinic in clinic.ts.

describe.each(MODES)('reports (%s)', (mode: Mode) => {
  let h: Harness;
  let c: SmallClinic;
  let ashaUser: { sessionKey: string; userId: number };

  beforeAll(async () => {
    h = await startHarness(mode);
    c = await buildSmallClinic(h);
    ashaUser = await h.signInAs('DOCTOR', { doctorId: c.asha });
  });
  afterAll(() => h.dispose());

  const run = async <C extends ChannelName>(channel: C, payload: Req<C>, key = c.admin.sessionKey) => expectOk(await h.call(channel, payload, key));

  it('a report runs with PostgreSQL’s own parallel workers, which the desks’ sessions start without, and leaves the session as it was', async () => {
    const settings: Record<string, unknown>[] = [];
    const heard = (response: { rows?: Record<string, unknown>[] }) => settings.push(...(response.rows ?? []).filter((r) => 'parallel_workers' in r));
    h.knex.on('query-response', heard);
    try {
      await run('reports.statusOverTime', { filters: RANGE, period: 'week' });
    } finally {
      h.knex.off('query-response', heard);
    }
    const builtIn = (await h.knex.raw(`SELECT boot_val FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'`)).rows[0].boot_val;
    expect(settings).toEqual([{ jit: 'off', work_mem: '64MB', parallel_workers: builtIn }]);
    const session = (await h.knex.raw(`SELECT current_setting('max_parallel_workers_per_gather') AS workers`)).rows[0].workers;
    // PGlite starts without any as well.
    expect(session).toBe('0');
  });

  it('day sheet: each doctor’s day in time order, cancelled left out, age on that day, and what was paid', async () => {
    const sheet = await run('reports.daySheet', { date: '2026-03-02' });
    expect(sheet).toMatchObject({ date: '2026-03-02', timeZone: ZONE, clinicName: 'Sunrise Clinic', currency: 'INR' });
    expect(sheet.doctors).toEqual([
      {
        doctorId: c.asha,
        doctorName: 'Dr. Asha Rao',
        specialization: 'Cardiology',
        rows: [
          {
            appointmentId: c.appointments.a1,
            startTime: '09:00',
            endTime: '09:15',
            tokenNo: 1,
            patientId: c.patients.ravi,
            patientName: 'Ravi Kumar',
            age: 35,
            reason: 'Chest pain',
            phone: '+919812345678',
            status: 'COMPLETED',
            paid: '600.00',
            payment: 'PAID',
          },
          // Born 10 March 2000: still 25 on 2 March 2026.
          {
            appointmentId: c.appointments.a2,
            startTime: '09:15',
            endTime: '09:30',
            tokenNo: null,
            patientId: c.patients.meena,
            patientName: 'Meena Iyer',
            age: 25,
            reason: null,
            phone: '+919800000002',
            status: 'NO_SHOW',
            paid: '0.00',
            payment: 'UNPAID',
          },
        ],
      },
    ]);
    const wednesday = await run('reports.daySheet', { date: '2026-03-04' });
    expect(wednesday.doctors.map((d) => d.doctorName)).toEqual(['Dr. Vikram Sen']);
    expect(wednesday.doctors[0]!.rows.map((r) => [r.patientName, r.age, r.paid, r.payment])).toEqual([
      ['Joseph Thomas', null, '100.00', 'PART'],
      ['Ravi Kumar', 35, '200.00', 'PART'],
    ]);
    // The day sheet names patients: audited as a read.
    const audited = await h.knex('audit_log').where({ action: 'reports.daySheet', user_id: c.admin.userId, outcome: 'OK' }).count<{ n: string }[]>({ n: '*' });
    expect(Number(audited[0]!.n)).toBe(2);
  });

  it('appointments by status per day and per week', async () => {
    const daily = await run('reports.statusOverTime', { filters: RANGE, period: 'day' });
    expect(daily.rows).toEqual([
      { start: '2026-03-02', scheduled: 0, completed: 1, cancelled: 1, noShow: 1, total: 3 },
      { start: '2026-03-03', scheduled: 0, completed: 1, cancelled: 0, noShow: 0, total: 1 },
      { start: '2026-03-04', scheduled: 1, completed: 1, cancelled: 0, noShow: 0, total: 2 },
    ]);
    const weekly = await run('reports.statusOverTime', { filters: RANGE, period: 'week' });
    expect(weekly.rows).toEqual([{ start: '2026-03-02', scheduled: 1, completed: 3, cancelled: 1, noShow: 1, total: 6 }]);
    // Filters: a specialization, and the user who booked.
    const derm = await run('reports.statusOverTime', { filters: { ...RANGE, specialization: 'Dermatology' }, period: 'week' });
    expect(derm.rows).toEqual([{ start: '2026-03-02', scheduled: 1, completed: 2, cancelled: 0, noShow: 0, total: 3 }]);
    const byDesk2 = await run('reports.statusOverTime', { filters: { ...RANGE, userId: c.desk2.userId }, period: 'week' });
    expect(byDesk2.rows).toEqual([{ start: '2026-03-02', scheduled: 0, completed: 1, cancelled: 1, noShow: 0, total: 2 }]);
  });

  it('no-shows and cancellations per doctor and per weekday × hour, and lead time in the clinic’s zone', async () => {
    const r = await run('reports.attendance', RANGE);
    expect(r.byDoctor).toEqual([
      { doctorId: c.asha, doctorName: 'Dr. Asha Rao', total: 3, noShows: 1, cancellations: 1 },
      { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', total: 3, noShows: 0, cancellations: 0 },
    ]);
    expect(r.heatMap).toEqual([
      { weekday: 1, hour: 9, total: 2, noShows: 1, cancellations: 0 },
      { weekday: 1, hour: 10, total: 1, noShows: 0, cancellations: 1 },
      { weekday: 2, hour: 11, total: 1, noShows: 0, cancellations: 0 },
      { weekday: 3, hour: 9, total: 2, noShows: 0, cancellations: 0 },
    ]);
    // Lead days 5, 0 (a day in UTC), 10, 0, 43; the walk-in is left out.
    expect(r.leadTime).toEqual({
      appointments: 5,
      averageDays: '11.6',
      medianDays: 5,
      buckets: leadBuckets(2, 0, 1, 1, 1),
    });
  });

  it('utilisation: working windows (overlaps once, leave taken off) against booked and seen minutes', async () => {
    const r = await run('reports.utilisation', RANGE);
    expect(r.rows).toEqual([
      { doctorId: c.asha, doctorName: 'Dr. Asha Rao', availableMinutes: 480, bookedMinutes: 30, seenMinutes: 15 },
      { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', availableMinutes: 240, bookedMinutes: 50, seenMinutes: 35 },
    ]);
  });

  it('revenue per doctor, method and user on the clinic’s days, refunds netted, pending left out', async () => {
    const r = await run('reports.revenue', RANGE);
    const money = (received: string, refunded: string, net: string, payments: number, refunds: number) => ({
      currency: 'INR',
      received,
      refunded,
      net,
      payments,
      refunds,
    });
    expect(r.totals).toEqual([money('1600.00', '100.00', '1500.00', 4, 1)]);
    expect(r.byDoctor).toEqual([
      { doctorId: c.asha, doctorName: 'Dr. Asha Rao', ...money('1100.00', '0.00', '1100.00', 2, 0) },
      { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', ...money('500.00', '100.00', '400.00', 2, 1) },
    ]);
    expect(r.byMethod).toEqual([
      { method: 'CASH', ...money('1100.00', '0.00', '1100.00', 2, 0) },
      { method: 'CARD', ...money('200.00', '0.00', '200.00', 1, 0) },
      { method: 'UPI', ...money('300.00', '100.00', '200.00', 1, 1) },
    ]);
    const byUser = [...r.byUser].sort((a, b) => (a.userId ?? Infinity) - (b.userId ?? Infinity));
    expect(byUser).toEqual([
      { userId: c.admin.userId, userName: expect.any(String), ...money('0.00', '100.00', '-100.00', 0, 1) },
      { userId: c.desk.userId, userName: expect.any(String), ...money('800.00', '0.00', '800.00', 2, 0) },
      { userId: c.desk2.userId, userName: expect.any(String), ...money('300.00', '0.00', '300.00', 1, 0) },
      { userId: null, userName: null, ...money('500.00', '0.00', '500.00', 1, 0) },
    ]);
    const desk = await run('reports.revenue', { ...RANGE, userId: c.desk.userId });
    expect(desk.totals).toEqual([money('800.00', '0.00', '800.00', 2, 0)]);
    // The day after the range in the clinic (still the range's last day in UTC) holds the 100 advance.
    const ninth = await run('reports.revenue', { from: '2026-03-09', to: '2026-03-09' });
    expect(ninth.totals).toEqual([money('100.00', '0.00', '100.00', 1, 0)]);
  });

  it('dues and advances, aged to the clinic’s today', async () => {
    const r = await run('reports.dues', RANGE);
    expect(r.asOf).toBe('2026-04-05');
    expect(r.currency).toBe('INR');
    expect(r.dues).toEqual([
      { bucket: '0–30 days', appointments: 0, amount: '0.00' },
      { bucket: '31–60 days', appointments: 2, amount: '200.00' },
      { bucket: '61–90 days', appointments: 0, amount: '0.00' },
      { bucket: 'over 90 days', appointments: 0, amount: '0.00' },
    ]);
    expect(r.advances).toEqual([
      { bucket: '0–30 days', appointments: 1, amount: '100.00' },
      { bucket: '31–60 days', appointments: 1, amount: '100.00' },
      { bucket: '61–90 days', appointments: 0, amount: '0.00' },
      { bucket: 'over 90 days', appointments: 0, amount: '0.00' },
    ]);
    expect(r.byDoctor).toEqual([
      { doctorId: c.asha, doctorName: 'Dr. Asha Rao', dues: '0.00', advances: '100.00' },
      { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', dues: '200.00', advances: '100.00' },
    ]);
  });

  // Up to a quarter the money is looked up row by row, over it read in one pass: the same figures.
  it('dues and revenue over more than a quarter: the same figures, read the other way', async () => {
    // From the range's first day to the end of June: no appointment after 4 March, so the dues are the range's.
    const long = { from: RANGE.from, to: '2026-06-30' };
    const [short, wide] = [await run('reports.dues', RANGE), await run('reports.dues', long)];
    expect(wide).toEqual(short);
    expect(wide.byDoctor).toHaveLength(2);
    // The range's money and the 100 advance paid on 9 March in the clinic.
    const revenue = await run('reports.revenue', long);
    expect(revenue.totals).toEqual([{ currency: 'INR', received: '1700.00', refunded: '100.00', net: '1600.00', payments: 5, refunds: 1 }]);
    // That advance is Vikram's (a5), in cash, taken at the desk.
    expect(revenue.byDoctor.map((d) => [d.doctorName, d.received, d.net])).toEqual([
      ['Dr. Asha Rao', '1100.00', '1100.00'],
      ['Dr. Vikram Sen', '600.00', '500.00'],
    ]);
  });

  it('new and returning patients per period (an earlier visit makes a patient returning; cancelled ones do not count)', async () => {
    const weekly = await run('reports.patientMix', { filters: RANGE, period: 'week' });
    expect(weekly.rows).toEqual([{ start: '2026-03-02', newPatients: 2, returningPatients: 1 }]);
    const daily = await run('reports.patientMix', { filters: RANGE, period: 'day' });
    expect(daily.rows).toEqual([
      { start: '2026-03-02', newPatients: 1, returningPatients: 1 },
      { start: '2026-03-03', newPatients: 0, returningPatients: 1 },
      { start: '2026-03-04', newPatients: 1, returningPatients: 1 },
    ]);
  });

  describe('by appointment type (new visits a0 a2 a3 a5, follow-ups a1 a4, the walk-in a6 untyped)', () => {
    const newVisits = () => ({ ...RANGE, appointmentTypeIds: [c.types.newVisit] });
    const followUps = () => ({ ...RANGE, appointmentTypeIds: [c.types.followUp] });

    it('day sheet: only the day’s appointments of the type', async () => {
      const followUp = await run('reports.daySheet', { date: '2026-03-02', appointmentTypeIds: [c.types.followUp] });
      expect(followUp.doctors.map((d) => [d.doctorName, d.rows.map((r) => r.appointmentId)])).toEqual([['Dr. Asha Rao', [c.appointments.a1]]]);
      // a3 is a new visit too, but cancelled: never on a day sheet.
      const newVisit = await run('reports.daySheet', { date: '2026-03-02', appointmentTypeIds: [c.types.newVisit] });
      expect(newVisit.doctors.map((d) => [d.doctorName, d.rows.map((r) => r.appointmentId)])).toEqual([['Dr. Asha Rao', [c.appointments.a2]]]);
      // The walk-in (a6) has no type: with both types, Wednesday's sheet keeps only a5.
      const both = await run('reports.daySheet', { date: '2026-03-04', appointmentTypeIds: [c.types.newVisit, c.types.followUp] });
      expect(both.doctors.flatMap((d) => d.rows.map((r) => r.appointmentId))).toEqual([c.appointments.a5]);
    });

    it('status over time and no-shows: new visits a2 (no-show), a3 (cancelled), a5 (scheduled)', async () => {
      const weekly = await run('reports.statusOverTime', { filters: newVisits(), period: 'week' });
      expect(weekly.rows).toEqual([{ start: '2026-03-02', scheduled: 1, completed: 0, cancelled: 1, noShow: 1, total: 3 }]);
      const daily = await run('reports.statusOverTime', { filters: followUps(), period: 'day' });
      expect(daily.rows).toEqual([
        { start: '2026-03-02', scheduled: 0, completed: 1, cancelled: 0, noShow: 0, total: 1 },
        { start: '2026-03-03', scheduled: 0, completed: 1, cancelled: 0, noShow: 0, total: 1 },
      ]);
      const r = await run('reports.attendance', newVisits());
      expect(r.byDoctor).toEqual([
        { doctorId: c.asha, doctorName: 'Dr. Asha Rao', total: 2, noShows: 1, cancellations: 1 },
        { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', total: 1, noShows: 0, cancellations: 0 },
      ]);
      expect(r.heatMap).toEqual([
        { weekday: 1, hour: 9, total: 1, noShows: 1, cancellations: 0 },
        { weekday: 1, hour: 10, total: 1, noShows: 0, cancellations: 1 },
        { weekday: 3, hour: 9, total: 1, noShows: 0, cancellations: 0 },
      ]);
      // Lead days 0 (a2), 10 (a3), 43 (a5): average 53 / 3.
      expect(r.leadTime).toEqual({
        appointments: 3,
        averageDays: '17.7',
        medianDays: 10,
        buckets: leadBuckets(1, 0, 0, 1, 1),
      });
      // Both types: everything but the untyped walk-in.
      const both = await run('reports.attendance', { ...RANGE, appointmentTypeIds: [c.types.newVisit, c.types.followUp] });
      expect(both.byDoctor.map((d) => [d.doctorName, d.total])).toEqual([
        ['Dr. Asha Rao', 3],
        ['Dr. Vikram Sen', 2],
      ]);
    });

    it('utilisation: the type narrows booked and seen time, never the doctor’s hours', async () => {
      const r = await run('reports.utilisation', followUps());
      // a1 (15 min, seen) for Asha; a4 (20 min, seen) for Vikram.
      expect(r.rows).toEqual([
        { doctorId: c.asha, doctorName: 'Dr. Asha Rao', availableMinutes: 480, bookedMinutes: 15, seenMinutes: 15 },
        { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', availableMinutes: 240, bookedMinutes: 20, seenMinutes: 20 },
      ]);
    });

    it('revenue: the payments for appointments of the type, on the days the money changed hands', async () => {
      // Follow-ups: pay1 600 cash (a1), pay2 300 UPI and its 100 refund (a4).
      const r = await run('reports.revenue', followUps());
      const money = (received: string, refunded: string, net: string, payments: number, refunds: number) => ({
        currency: 'INR',
        received,
        refunded,
        net,
        payments,
        refunds,
      });
      expect(r.totals).toEqual([money('900.00', '100.00', '800.00', 2, 1)]);
      expect(r.byDoctor).toEqual([
        { doctorId: c.asha, doctorName: 'Dr. Asha Rao', ...money('600.00', '0.00', '600.00', 1, 0) },
        { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', ...money('300.00', '100.00', '200.00', 1, 1) },
      ]);
      expect(r.byMethod).toEqual([
        { method: 'CASH', ...money('600.00', '0.00', '600.00', 1, 0) },
        { method: 'UPI', ...money('300.00', '100.00', '200.00', 1, 1) },
      ]);
      // New visits: only the legacy 500 for a0 (an appointment before the range, paid inside it); a5's 100 came on the 9th.
      const fresh = await run('reports.revenue', newVisits());
      expect(fresh.totals).toEqual([money('500.00', '0.00', '500.00', 1, 0)]);
    });

    it('new and returning: the type picks the visits, any earlier visit of any type makes a patient returning', async () => {
      // New visits: Meena (a2, her first) and Joseph (a5); Tara's a3 was cancelled.
      expect((await run('reports.patientMix', { filters: newVisits(), period: 'week' })).rows).toEqual([
        { start: '2026-03-02', newPatients: 2, returningPatients: 0 },
      ]);
      // Follow-ups: Ravi (a0 before) and Meena (a2, a no-show of any type, the day before a4).
      expect((await run('reports.patientMix', { filters: followUps(), period: 'week' })).rows).toEqual([
        { start: '2026-03-02', newPatients: 0, returningPatients: 2 },
      ]);
    });

    it('dues: follow-ups a1 (100 above its fee) and a4 (100 short of its fee)', async () => {
      const r = await run('reports.dues', followUps());
      expect(r.byDoctor).toEqual([
        { doctorId: c.asha, doctorName: 'Dr. Asha Rao', dues: '0.00', advances: '100.00' },
        { doctorId: c.vikram, doctorName: 'Dr. Vikram Sen', dues: '100.00', advances: '0.00' },
      ]);
    });

    it('a DOCTOR’s own figures narrow by type too', async () => {
      const own = await run('reports.attendance', followUps(), ashaUser.sessionKey);
      expect(own.byDoctor).toEqual([{ doctorId: c.asha, doctorName: 'Dr. Asha Rao', total: 1, noShows: 0, cancellations: 0 }]);
    });

    it('refuses a type that does not exist, and an empty list, with a clear message', async () => {
      const missing = Number((await h.knex('appointment_types').max<{ m: number }[]>({ m: 'id' }))[0]!.m) + 1000;
      const lastAudit = Number((await h.knex('audit_log').max<{ m: number }[]>({ m: 'id' }))[0]!.m);
      // The refusals are audited; nothing else may change.
      const withoutAudit = async () => (await databaseSnapshot(h.knex)).split('\n').filter((line) => !line.startsWith('audit_log:'));
      const before = await withoutAudit();
      for (const [channel, payload] of [
        ['reports.revenue', { ...RANGE, appointmentTypeIds: [c.types.followUp, missing] }],
        ['reports.daySheet', { date: '2026-03-02', appointmentTypeIds: [missing] }],
        ['reports.patientMix', { filters: { ...RANGE, appointmentTypeIds: [missing] }, period: 'week' }],
        ['reports.export', { kind: 'attendance', format: 'csv', filters: { ...RANGE, appointmentTypeIds: [missing] } }],
      ] as const) {
        expect(await h.callRaw(channel, payload, c.admin.sessionKey)).toMatchObject({
          ok: false,
          error: { code: 'NOT_FOUND', field: 'appointmentTypeIds', message: `There is no appointment type #${missing}` },
        });
      }
      expect(await h.callRaw('reports.utilisation', { ...RANGE, appointmentTypeIds: [] }, c.admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', message: 'Choose at least one appointment type, or leave the filter out' },
      });
      expect(await withoutAudit()).toEqual(before);
      const audited = await h.knex('audit_log').where('id', '>', lastAudit).orderBy('id').select('action', 'outcome', 'detail');
      const refused = { outcome: 'REFUSED', detail: { code: 'NOT_FOUND', field: 'appointmentTypeIds' } };
      expect(audited).toEqual(['reports.revenue', 'reports.daySheet', 'reports.patientMix', 'reports.export'].map((action) => ({ action, ...refused })));
    });
  });

  describe('who sees what', () => {
    // Written out by hand: every report channel, ADMIN and DOCTOR only.
    const reportCalls: [ChannelName, unknown][] = [
      ['reports.daySheet', { date: '2026-03-02' }],
      ['reports.statusOverTime', { filters: RANGE, period: 'day' }],
      ['reports.attendance', RANGE],
      ['reports.utilisation', RANGE],
      ['reports.revenue', RANGE],
      ['reports.dues', RANGE],
      ['reports.patientMix', { filters: RANGE, period: 'day' }],
      ['reports.export', { kind: 'revenue', format: 'csv', filters: RANGE }],
      ['reports.calendar', { ...RANGE, doctorId: 1 }],
    ];

    it.each(reportCalls)('%s refuses a RECEPTIONIST and writes nothing but the denial', async (channel, payload) => {
      const before = await h.knex('audit_log').whereNot({ outcome: 'DENIED' }).count<{ n: number }[]>({ n: '*' });
      expect(await h.callRaw(channel, payload, c.desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(await h.knex('audit_log').whereNot({ outcome: 'DENIED' }).count<{ n: number }[]>({ n: '*' })).toEqual(before);
    });

    it('a DOCTOR gets their own figures without asking, and is refused another doctor’s', async () => {
      const own = await run('reports.attendance', RANGE, ashaUser.sessionKey);
      expect(own.byDoctor).toEqual([{ doctorId: c.asha, doctorName: 'Dr. Asha Rao', total: 3, noShows: 1, cancellations: 1 }]);
      const revenue = await run('reports.revenue', RANGE, ashaUser.sessionKey);
      expect(revenue.totals).toEqual([{ currency: 'INR', received: '1100.00', refunded: '0.00', net: '1100.00', payments: 2, refunds: 0 }]);
      const sheet = await run('reports.daySheet', { date: '2026-03-04' }, ashaUser.sessionKey);
      expect(sheet.doctors).toEqual([]);
      for (const [channel, payload] of [
        ['reports.attendance', { ...RANGE, doctorId: c.vikram }],
        ['reports.daySheet', { date: '2026-03-04', doctorId: c.vikram }],
        ['reports.export', { kind: 'appointments', format: 'csv', filters: { ...RANGE, doctorId: c.vikram } }],
        ['reports.calendar', { ...RANGE, doctorId: c.vikram }],
      ] as const) {
        expect(await h.callRaw(channel, payload, ashaUser.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', field: 'doctorId' } });
      }
    });

    it('a DOCTOR account not linked to a doctor sees nothing', async () => {
      const user = await insertUser(h.knex, {
        email: 'unlinked@reports.test',
        passwordHash: await testPasswordHash(),
        role: 'DOCTOR',
        displayName: 'Unlinked',
        doctorId: null,
      });
      h.services.sessions.signIn('unlinked-doctor', user.id);
      expect(await h.callRaw('reports.revenue', RANGE, 'unlinked-doctor')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('refuses bad filters with a clear message and changes nothing', async () => {
      const before = await databaseSnapshot(h.knex);
      expect(await h.callRaw('reports.revenue', { from: '2026-03-08', to: '2026-03-02' }, c.admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'to', message: 'The end date must not be before the start date' },
      });
      expect(await h.callRaw('reports.revenue', { from: '2020-01-01', to: '2026-03-02' }, c.admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'to', message: 'Choose at most three years' },
      });
      expect(await h.callRaw('reports.statusOverTime', { filters: RANGE, period: 'hour' }, c.admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID' },
      });
      expect(await databaseSnapshot(h.knex)).toBe(before);
    });
  });
});
