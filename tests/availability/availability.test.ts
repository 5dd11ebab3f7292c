import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AvailabilityWindow } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { statementsSent } from '../support/statement-names';
import { MON_FRI } from '../support/weekly-patterns';

type Change =
  | { status: 'saved'; window: AvailabilityWindow | null; cancelledAppointments: number }
  | { status: 'blocked'; appointments: { id: number; patientName: string }[] };

describe.each(MODES)('availability (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let doctorId: number;
  let patientId: number;

  beforeAll(async () => {
    h = await startHarness(mode);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Week', email: 'week@clinic.test' }).returning('id');
    [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Booked Patient', email: 'booked@example.com' }).returning('id');
  });
  afterAll(() => h.dispose());

  const book = (date: string, start: string, end: string) =>
    h
      .knex('appointment_entities')
      .insert({ doctor_id: doctorId, patient_id: patientId, appointment_date: date, start_time: start, end_time: end })
      .returning('id');

  it('previews the slots a pattern will create without writing anything', async () => {
    const preview = expectOk<{ windows: unknown[]; totalSlots: number }>(
      await h.call('availability.previewTemplate', { rules: MON_FRI, from: '2026-12-07', to: '2026-12-13' }, admin),
    );
    expect(preview.windows).toHaveLength(10);
    expect(preview.totalSlots).toBe(5 * (16 + 12));
    expect(await h.knex('doctor_availabilities').count({ n: '*' }).first()).toEqual({ n: 0 });
  });

  it('refuses overlapping periods on one weekday, saying which', async () => {
    const r = await h.call(
      'availability.saveTemplate',
      {
        doctorId,
        rules: [
          { weekday: 2, startTime: '09:00', endTime: '13:00', slotMinutes: 15 },
          { weekday: 2, startTime: '12:00', endTime: '14:00', slotMinutes: 15 },
        ],
        validFrom: '2026-12-01',
      },
      admin,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'rules', message: 'Tuesday 09:00–13:00 overlaps 12:00–14:00' } });
  });

  it.each([
    [{ weekday: 8, startTime: '09:00', endTime: '10:00' }, 'rules.0.weekday'],
    [{ weekday: 1, startTime: '24:00', endTime: '10:00' }, 'rules.0.startTime'],
    [{ weekday: 1, startTime: '10:00', endTime: '09:00' }, 'rules.0.endTime'],
    [{ weekday: 1, startTime: '09:00', endTime: '10:00', slotMinutes: 3 }, 'rules.0.slotMinutes'],
  ])('refuses the rule %j at %s', async (rule, field) => {
    expect(await h.callRaw('availability.saveTemplate', { doctorId, rules: [rule], validFrom: '2026-12-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field },
    });
  });

  it('expands a week of a 15-minute pattern, and expanding it again adds nothing', async () => {
    expectOk(await h.call('availability.saveTemplate', { doctorId, rules: MON_FRI, validFrom: '2026-12-01' }, admin));
    const first = expectOk<{ created: number; alreadyThere: number }>(
      await h.call('availability.expand', { doctorId, from: '2026-11-30', to: '2026-12-13' }, admin),
    );
    // 2026-11-30 is before the pattern starts: only 1–13 December count (9 weekdays).
    expect(first).toEqual({ created: 18, alreadyThere: 0 });
    const again = expectOk<{ created: number; alreadyThere: number }>(
      await h.call('availability.expand', { doctorId, from: '2026-12-01', to: '2026-12-13' }, admin),
    );
    expect(again).toEqual({ created: 0, alreadyThere: 18 });
    expect(await h.knex('doctor_availabilities').where({ doctor_id: doctorId }).count({ n: '*' }).first()).toEqual({ n: 18 });
    expect(await h.call('availability.expand', { doctorId, from: '2026-01-01', to: '2027-06-01' }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'to' },
    });
  });

  it('refuses leave over booked patients with their list, and cancels them only when told to, with the reason', async () => {
    const [{ id: bookedId }] = await book('2026-12-08', '10:00', '10:15');
    const blocked = expectOk<Change>(await h.call('availability.addException', { doctorId, date: '2026-12-08', kind: 'LEAVE' }, admin));
    expect(blocked).toEqual({
      status: 'blocked',
      appointments: [{ id: bookedId, date: '2026-12-08', startTime: '10:00:00', endTime: '10:15:00', patientName: 'Booked Patient' }],
    });
    expect(await h.knex('doctor_availabilities').where({ doctor_id: doctorId, kind: 'LEAVE' }).count({ n: '*' }).first()).toEqual({ n: 0 });

    // Leave in the afternoon does not touch the morning booking.
    const afternoon = expectOk<Change>(
      await h.call('availability.addException', { doctorId, date: '2026-12-08', kind: 'LEAVE', startTime: '16:00', endTime: '19:00' }, admin),
    );
    expect(afternoon).toMatchObject({ status: 'saved', cancelledAppointments: 0 });

    const done = expectOk<Change>(
      await h.call('availability.addException', { doctorId, date: '2026-12-08', kind: 'LEAVE', cancelBooked: { reason: 'Doctor unwell' } }, admin),
    );
    expect(done).toMatchObject({
      status: 'saved',
      cancelledAppointments: 1,
      window: { kind: 'LEAVE', available: false, startTime: '00:00:00', endTime: '24:00:00' },
    });
    expect(await h.knex('appointment_entities').where({ id: bookedId }).first('status', 'cancel_reason')).toEqual({
      status: 'CANCELLED',
      cancel_reason: 'Doctor unwell',
    });
    expect(await h.knex('appointment_history').where({ appointment_id: bookedId }).first('kind', 'to_status', 'reason')).toEqual({
      kind: 'STATUS',
      to_status: 'CANCELLED',
      reason: 'Doctor unwell',
    });
  });

  it('removing a working window with bookings is refused unless another window still covers them', async () => {
    const [{ id: bookedId }] = await book('2026-12-09', '17:00', '17:15');
    const evening = await h.knex('doctor_availabilities').where({ doctor_id: doctorId, date: '2026-12-09', start_time: '16:00' }).first('id');
    const blocked = expectOk<Change>(await h.call('availability.removeWindow', { id: evening.id }, admin));
    expect(blocked).toMatchObject({ status: 'blocked', appointments: [{ id: bookedId }] });

    // Extra hours over the same time keep the booking covered: now the window can go.
    expectOk(await h.call('availability.addException', { doctorId, date: '2026-12-09', kind: 'EXTRA', startTime: '16:30', endTime: '18:00' }, admin));
    expect(expectOk<Change>(await h.call('availability.removeWindow', { id: evening.id }, admin))).toMatchObject({ status: 'saved', cancelledAppointments: 0 });
    expect((await h.knex('appointment_entities').where({ id: bookedId }).first('status')).status).toBe('SCHEDULED');
  });

  it('lets a doctor manage only their own schedule', async () => {
    const own = await h.signInAs('DOCTOR');
    const ownDoctorId = (await h.knex('users').where({ id: own.userId }).first('doctor_id')).doctor_id;
    expect(await h.call('availability.addException', { doctorId: ownDoctorId, date: '2026-12-10', kind: 'LEAVE' }, own.sessionKey)).toMatchObject({ ok: true });
    expect(await h.call('availability.addException', { doctorId, date: '2026-12-10', kind: 'LEAVE' }, own.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('lists windows for the schedule and announces changes', async () => {
    const windows = expectOk<AvailabilityWindow[]>(await h.call('availability.range', { doctorIds: [doctorId], from: '2026-12-08', to: '2026-12-08' }, admin));
    expect(windows.map((w) => `${w.kind} ${w.startTime}-${w.endTime}`)).toEqual([
      'LEAVE 00:00:00-24:00:00',
      'TEMPLATE 09:00:00-13:00:00',
      'LEAVE 16:00:00-19:00:00',
      'TEMPLATE 16:00:00-19:00:00',
    ]);
    await new Promise((r) => setTimeout(r, 700));
    expect(h.events.some((e) => e.event === 'availability.changed')).toBe(true);
  });

  it('reads one doctor’s windows or several doctors’ with one text, kept prepared on the app’s own connections', async () => {
    const [{ id: other }] = await h.knex('doctor_entities').insert({ name: 'Dr. Other', email: 'other@clinic.test' }).returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: other, date: '2026-12-08', start_time: '10:00', end_time: '11:00', slot_minutes: 15 });
    const range = async (doctorIds: number[]) =>
      expectOk<AvailabilityWindow[]>(await h.call('availability.range', { doctorIds, from: '2026-12-08', to: '2026-12-08' }, admin)).map((w) => w.doctorId);
    const sent = await statementsSent(h.knex, async () => {
      expect(await range([other])).toEqual([other]);
      expect(new Set(await range([doctorId, other]))).toEqual(new Set([doctorId, other]));
    });
    const reads = sent.filter((q) => q.sql.includes('from "doctor_availabilities"'));
    expect(reads).toHaveLength(2);
    expect(reads[0]!.sql).toBe(reads[1]!.sql);
    expect(reads.map((q) => q.name)).toEqual(Array(2).fill('availability.windowsInRange'));
  });
});
