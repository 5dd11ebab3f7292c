import { describe, expect, it } from 'vitest';
import { Desk } from '../../bench/measure/desk';
import { measureDesks, stepHeld, type DesksStep } from '../../bench/measure/desks';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';
import { createClinicDatabase, startThrowawayCluster } from '../support/throwaway-cluster';

/**
 * A migrated clinic of two doctors and 40 patients on `config`, one booking PC, and `desks` desk
 * apps in a child process measured against it: their step, and how many bookings the day holds.
 */
async function stepOn(config: ServerDatabaseConfig, database: string, desks: number): Promise<{ step: DesksStep; booked: number }> {
  const db = await openDatabase(config, { schema: 'migrate' });
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
    const booker = await Desk.open(config, 1);
    try {
      const step = await measureDesks({ config, admin: db.knex, database, booker, doctorIds, date, bookings: 3, paceMs: 0, seed: 7 }, desks);
      const booked = await db.knex('appointment_entities').where({ appointment_date: date }).count<{ count: string }[]>('* as count');
      return { step, booked: Number(booked[0]!.count) };
    } finally {
      await booker.close();
    }
  } finally {
    await db.close();
  }
}

// The many-desks figure on a few desks: each is an app of its own (pool, LISTEN, router) in a
// child process, hears every booking the booking PC makes, and shows it after re-reading its day.
// PostgreSQL only, as the figure is.
describe('the many-desks bench (server)', () => {
  it('times every booking to every desk hearing it and showing it, and counts their server connections', async () => {
    const s = await scratchServerDatabase();
    try {
      const { step, booked } = await stepOn(s.config, s.name, 3);
      expect(step).toMatchObject({ desks: 3, opened: 3, deaf: 0, missed: 0, problems: [] });
      // Three desks of one site, three timed bookings: each desk hears and shows each one.
      expect(step.heard?.ops).toBe(9);
      expect(step.shown?.ops).toBe(9);
      expect(step.shown!.p50).toBeGreaterThanOrEqual(step.heard!.p50);
      // Each desk holds at least its LISTEN connection while the bookings are made.
      expect(step.serverConnections).toBeGreaterThanOrEqual(3);
      expect(stepHeld(step)).toBe(true);
      expect(booked).toBe(8); // the warm-up's five and the three timed
    } finally {
      await s.dispose();
    }
  }, 240_000);

  it('says what broke when PostgreSQL has too few connections for the desks', async () => {
    const cluster = await startThrowawayCluster({ settings: { max_connections: '10' } });
    try {
      const { step } = await stepOn(await createClinicDatabase(cluster), 'clinic', 6);
      expect(stepHeld(step)).toBe(false);
      expect(step.opened).toBeLessThan(6);
      expect(step.problems.join('\n')).toMatch(/too many clients/);
    } finally {
      await cluster.dispose();
    }
  }, 300_000);
});
