import { describe, expect, it } from 'vitest';
import { Desk } from '../../bench/measure/desk';
import { measureDesks, stepHeld } from '../../bench/measure/desks';
import { openDatabase } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';

// The many-desks figure on three desks: each is an app of its own (pool, LISTEN, router) in a
// child process, hears every booking the fourth PC makes, and shows it after re-reading its day.
// PostgreSQL only, as the figure is.
describe('the many-desks bench (server)', () => {
  it('times every booking to every desk hearing it and showing it, and counts their server connections', async () => {
    const s = await scratchServerDatabase();
    const db = await openDatabase(s.config, { schema: 'migrate' });
    try {
      const doctorIds = (
        await db
          .knex('doctor_entities')
          .insert([
            { name: 'Dr. One', email: 'one@bench.test' },
            { name: 'Dr. Two', email: 'two@bench.test' },
          ])
          .returning('id')
      ).map((r: { id: string }) => Number(r.id));
      await db.knex.raw(`INSERT INTO patient_entities (name, email) SELECT 'Patient ' || g, 'p' || g || '@bench.test' FROM generate_series(1, 40) g`);
      const date = (await db.knex.raw(`SELECT (current_date + 7)::text AS d`)).rows[0].d as string;
      const booker = await Desk.open(s.config, 1);
      const admin = db.knex;
      try {
        const step = await measureDesks({ config: s.config, admin, database: s.name, booker, doctorIds, date, bookings: 3, paceMs: 0, seed: 7 }, 3);
        expect(step).toMatchObject({ desks: 3, opened: 3, deaf: 0, missed: 0, problems: [] });
        // Three desks of one site, three timed bookings: each desk hears and shows each one.
        expect(step.heard?.ops).toBe(9);
        expect(step.shown?.ops).toBe(9);
        expect(step.shown!.p50).toBeGreaterThanOrEqual(step.heard!.p50);
        // Each desk holds at least its LISTEN connection while the bookings are made.
        expect(step.serverConnections).toBeGreaterThanOrEqual(3);
        expect(stepHeld(step)).toBe(true);
        const booked = await db.knex('appointment_entities').where({ appointment_date: date }).count<{ count: string }[]>('* as count');
        expect(Number(booked[0]!.count)).toBe(8); // the warm-up's five and the three timed
      } finally {
        await booker.close();
      }
    } finally {
      await db.close();
      await s.dispose();
    }
  }, 240_000);
});
