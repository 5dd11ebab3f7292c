import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeStaleTables, startMaintenance, vacuumStaleTables } from '../../main/db/embedded/maintenance';
import { waitFor } from '../support/wait';
import { openDatabase, type Database } from '../../main/db/open';

describe('the planner and the upkeep in embedded mode (PGlite has no autovacuum)', () => {
  let db: Database;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-analyze-'));
    db = await openDatabase({ mode: 'embedded', dataDir });
  });

  afterAll(async () => {
    await db?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const estimatedRows = async (table: string) => Number((await db.knex('pg_class').where({ relname: table }).first('reltuples')).reltuples);

  it('prices an index read as an in-memory database should', async () => {
    expect((await db.knex.raw('SHOW random_page_cost')).rows[0].random_page_cost).toBe('1.1');
  });

  it('keeps a buffer cache sized for a desk, not a server (Postgres’s default is 128MB)', async () => {
    expect((await db.knex.raw('SHOW shared_buffers')).rows[0].shared_buffers).toBe('32MB');
  });

  it('has statistics although PGlite has no autovacuum: a table is analysed once enough of it changed, quiet tables are left alone', async () => {
    await db.knex.batchInsert(
      'patient_entities',
      Array.from({ length: 2000 }, (_, i) => ({ name: `Stats Patient ${i}` })),
      500,
    );
    await db.knex.raw('SELECT pg_stat_force_next_flush()');
    expect(await estimatedRows('patient_entities')).toBeLessThan(2000);

    // Stopped (the database closing): nothing more is analysed, and the table is still due.
    expect(await analyzeStaleTables(db.knex, () => true)).toEqual([]);
    expect(await estimatedRows('patient_entities')).toBeLessThan(2000);
    expect(await analyzeStaleTables(db.knex)).toContain('patient_entities');
    expect(await estimatedRows('patient_entities')).toBe(2000);

    await db.knex('patient_entities').insert({ name: 'One More' });
    await db.knex.raw('SELECT pg_stat_force_next_flush()');
    expect(await analyzeStaleTables(db.knex)).not.toContain('patient_entities');
  });

  const counters = async (table: string) => {
    await db.knex.raw('SELECT pg_stat_force_next_flush()');
    await db.knex.raw('SELECT pg_stat_clear_snapshot()');
    const s = await db.knex('pg_stat_user_tables').where({ relname: table }).first('n_dead_tup', 'n_ins_since_vacuum');
    const c = await db.knex('pg_class').where({ relname: table }).first('relpages', 'relallvisible');
    return { dead: Number(s.n_dead_tup), inserted: Number(s.n_ins_since_vacuum), pages: Number(c.relpages), allVisible: Number(c.relallvisible) };
  };

  it('vacuums a table once enough rows were added (its pages then read as all-visible, for index-only reads), and not again while it is quiet', async () => {
    await db.knex.batchInsert(
      'patient_entities',
      Array.from({ length: 1500 }, (_, i) => ({ name: `Vacuum Patient ${i}` })),
      500,
    );
    const before = await counters('patient_entities');
    expect(before.inserted).toBeGreaterThanOrEqual(1500);
    expect(before.allVisible).toBe(0);

    expect(await vacuumStaleTables(db.knex, () => true)).toEqual([]);
    expect((await counters('patient_entities')).inserted).toBe(before.inserted);

    expect(await vacuumStaleTables(db.knex)).toContain('patient_entities');
    const after = await counters('patient_entities');
    expect(after.inserted).toBe(0);
    expect(after.pages).toBeGreaterThan(0);
    expect(after.allVisible).toBe(after.pages);
    expect(await vacuumStaleTables(db.knex)).not.toContain('patient_entities');
  });

  it('vacuums away the dead rows updates leave once they pass 50 + 20 % of the table, and leaves fewer for later', async () => {
    const live = Number((await db.knex('patient_entities').count({ n: '*' }).first())!.n);
    const few = Math.floor(0.2 * live) - 100;
    const enough = Math.floor(0.2 * live) + 100;
    const ids: number[] = (await db.knex('patient_entities').orderBy('id').limit(enough).pluck('id')).map(Number);

    await db.knex('patient_entities').whereIn('id', ids.slice(0, few)).update({ address: 'Moved' });
    expect((await counters('patient_entities')).dead).toBeGreaterThanOrEqual(few);
    expect(await vacuumStaleTables(db.knex)).not.toContain('patient_entities');

    await db.knex('patient_entities').whereIn('id', ids.slice(few)).update({ address: 'Moved' });
    expect((await counters('patient_entities')).dead).toBeGreaterThanOrEqual(enough);
    expect(await vacuumStaleTables(db.knex)).toContain('patient_entities');
    expect((await counters('patient_entities')).dead).toBe(0);
    expect(await db.knex('patient_entities').where({ address: 'Moved' }).count({ n: '*' }).first()).toEqual({ n: enough });
  });

  it('vacuums at its five-minute ticks, never in the run at start, which analyses only', async () => {
    await db.knex.batchInsert(
      'patient_entities',
      Array.from({ length: 1000 }, (_, i) => ({ name: `Tick Patient ${i}` })),
      500,
    );
    await vacuumStaleTables(db.knex);
    await analyzeStaleTables(db.knex);
    const live = Number((await db.knex('patient_entities').count({ n: '*' }).first())!.n);
    const ids: number[] = (
      await db
        .knex('patient_entities')
        .orderBy('id')
        .limit(Math.floor(0.3 * live))
        .pluck('id')
    ).map(Number);
    await db.knex('patient_entities').whereIn('id', ids).update({ address: 'Moved again' });
    expect((await counters('patient_entities')).dead).toBeGreaterThanOrEqual(ids.length);
    const modified = async () => {
      await db.knex.raw('SELECT pg_stat_clear_snapshot()');
      return Number((await db.knex('pg_stat_user_tables').where({ relname: 'patient_entities' }).first('n_mod_since_analyze')).n_mod_since_analyze);
    };
    expect(await modified()).toBeGreaterThanOrEqual(ids.length);

    // Only the interval is the test's: the statements, and the waits for them, are real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const failures: unknown[] = [];
    let stop: (() => Promise<void>) | undefined;
    try {
      stop = startMaintenance(db.knex, (_message, err) => failures.push(err));
      // The run at start analyses after it would have vacuumed: once analysed, the dead rows are still there.
      await waitFor('the run at start to analyse the table', async () => ((await modified()) === 0 ? true : undefined));
      expect((await counters('patient_entities')).dead).toBeGreaterThanOrEqual(ids.length);

      vi.advanceTimersByTime(5 * 60_000);
      await waitFor('the tick to vacuum the table', async () => ((await counters('patient_entities')).dead === 0 ? true : undefined));
    } finally {
      await stop?.();
      vi.useRealTimers();
    }
    expect(failures).toEqual([]);
  });
});
