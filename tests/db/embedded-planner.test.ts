import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeStaleTables } from '../../main/db/embedded/maintenance';
import { openDatabase, type Database } from '../../main/db/open';

describe('the planner in embedded mode', () => {
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
});
