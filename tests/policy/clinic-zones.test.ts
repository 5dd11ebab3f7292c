import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayEndSummaryDto } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

/**
 * The clinic's day is its own zone's, never UTC's or the PC's: scheduled backups, the day-end
 * total and the free slots are checked in a zone fourteen hours from UTC and in one with summer
 * time, at instants whose UTC date differs from the clinic's. A rule computed in UTC gets them wrong.
 */
const ZONES = [
  {
    zone: 'Pacific/Kiritimati', // UTC+14 all year
    // 21:30 on 1 March there is 07:30Z on 1 March.
    backup: { before: '2099-03-01T07:29:00Z', after: '2099-03-01T07:31:00Z', slot: '2099-03-01 21:30' },
    // 00:30 on 1 March there is 10:30Z on 28 February; 23:59 on 1 March is 09:59Z on 1 March.
    dayEnd: { date: '2099-03-01', inside: ['2099-02-28T10:30:00Z', '2099-03-01T09:59:00Z'], outside: ['2099-02-28T09:59:00Z', '2099-03-01T10:01:00Z'] },
    // 20:00Z on 1 March is 10:00 on 2 March there.
    slots: { now: '2099-03-01T20:00:00Z', date: '2099-03-02', first: '10:00:00' },
  },
  {
    zone: 'America/New_York', // UTC-5 in winter, UTC-4 in summer
    // 21:30 EDT on 30 June is 01:30Z on 1 July.
    backup: { before: '2099-07-01T01:29:00Z', after: '2099-07-01T01:31:00Z', slot: '2099-06-30 21:30' },
    // 30 June EDT runs from 04:00Z on 30 June to 04:00Z on 1 July.
    dayEnd: { date: '2099-06-30', inside: ['2099-06-30T04:00:00Z', '2099-07-01T03:59:00Z'], outside: ['2099-06-30T03:59:00Z', '2099-07-01T04:00:00Z'] },
    // 02:40Z on 1 July is 22:40 on 30 June there.
    slots: { now: '2099-07-01T02:40:00Z', date: '2099-06-30', first: '22:45:00' },
  },
  {
    zone: 'America/New_York',
    // In winter the same 21:30 is 02:30Z the next day: an offset fixed at summer time fails here.
    backup: { before: '2099-01-16T02:29:00Z', after: '2099-01-16T02:31:00Z', slot: '2099-01-15 21:30' },
    dayEnd: { date: '2099-01-15', inside: ['2099-01-15T05:00:00Z', '2099-01-16T04:59:00Z'], outside: ['2099-01-15T04:59:00Z', '2099-01-16T05:00:00Z'] },
    slots: { now: '2099-01-16T03:40:00Z', date: '2099-01-15', first: '22:45:00' },
  },
] as const;

describe.each(MODES)('the clinic day in the clinic zone (%s)', (mode: Mode) => {
  let h: Harness;
  let root: string;
  let seq = 0;

  beforeAll(async () => {
    h = await startHarness(mode);
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-zones-'));
  });
  afterAll(async () => {
    await h.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  async function doctorWithHours(date: string, start: string, end: string): Promise<number> {
    const [{ id }] = await h
      .knex('doctor_entities')
      .insert({ name: `Dr. Zone ${++seq}`, email: `zone${seq}.${process.pid}@clinic.test` })
      .returning('id');
    await h.knex('doctor_availabilities').insert({ doctor_id: id, date, start_time: start, end_time: end });
    return id;
  }

  async function paymentAt(paidAt: string, amount: string): Promise<number> {
    const n = ++seq;
    const doctorId = await doctorWithHours('2099-12-31', '09:00', '10:00');
    const [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: 'Zone Patient', email: `zp${n}.${process.pid}@clinic.test` })
      .returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-12-31', start_time: '09:00', end_time: '09:15' })
      .returning('id');
    const [{ id }] = await h
      .knex('payments')
      .insert({ appointment_id: appointmentId, amount, status: 'PAID', payment_method: 'CASH', order_id: `ZONE-${n}.${process.pid}`, paid_at: paidAt })
      .returning('id');
    return id;
  }

  describe.each(ZONES.map((z, i) => [`${z.zone} ${i === 2 ? '(winter)' : ''}`.trim(), z] as const))('%s', (_label, z) => {
    let admin: string;
    let adminId: number;
    // Moving the clock by hours would idle-lock the session: the ADMIN signs in again at each time.
    const at = (iso: string) => {
      h.clock.now = Date.parse(iso);
      h.services.sessions.signIn(admin, adminId);
    };

    beforeAll(async () => {
      ({ sessionKey: admin, userId: adminId } = await h.signInAs('ADMIN'));
      h.clock.now = Date.now();
      h.services.sessions.signIn(admin, adminId);
      expectOk(await h.call('settings.update', { timeZone: z.zone }, admin));
    });

    it("takes the scheduled backup at the clinic time, in the clinic date's slot", async () => {
      const folder = fs.mkdtempSync(path.join(root, 'backups-'));
      expectOk(await h.call('backup.saveSchedule', { enabled: true, timeOfDay: '21:30', folder, keepLast: 3 }, admin));
      await h.knex('backup_runs').del();
      at(z.backup.before);
      expect(await h.services.backups.runIfDue('front-desk-1')).toBeUndefined();
      at(z.backup.after);
      expect(await h.services.backups.runIfDue('front-desk-1')).toMatchObject({ ok: true, trigger: 'SCHEDULED' });
      expect(await h.knex('backup_runs').pluck('scheduled_slot')).toEqual([z.backup.slot]);
      expect(await h.services.backups.runIfDue('front-desk-1')).toBeUndefined();
    });

    it("counts in the day-end exactly the payments received between the clinic's midnights", async () => {
      await h.knex('payments').del();
      const inside = await Promise.all(z.dayEnd.inside.map((t) => paymentAt(t, '100.00')));
      await Promise.all(z.dayEnd.outside.map((t) => paymentAt(t, '7.00')));
      at(z.backup.after);
      const summary = expectOk<DayEndSummaryDto>(await h.call('payments.dayEnd', { date: z.dayEnd.date }, admin));
      expect(summary.timeZone).toBe(z.zone);
      expect(summary.entries.map((e) => e.id).sort((a, b) => a - b)).toEqual(inside.sort((a, b) => a - b));
      expect(summary.totals).toEqual([expect.objectContaining({ received: '200.00', payments: 2 })]);
    });

    it("offers no free slot earlier than the clinic's present time, and the next one first", async () => {
      const doctorId = await doctorWithHours(z.slots.date, '08:00', '24:00');
      at(z.slots.now);
      const slots = expectOk<{ date: string; startTime: string }[]>(await h.call('appointments.freeSlots', { doctorId, days: 2, count: 3 }, admin));
      expect(slots[0]).toMatchObject({ date: z.slots.date, startTime: z.slots.first });
      expect(slots.every((s) => s.date === z.slots.date && s.startTime >= z.slots.first)).toBe(true);
    });
  });
});
