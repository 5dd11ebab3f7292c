import fs from 'node:fs';
import path from 'node:path';
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { CHECKPOINT_AFTER_BYTES, checkpointIfLogGrew } from '../../main/db/embedded/maintenance';
import { pgDataDir } from '../../main/db/embedded/engine';
import { RUNTIME_ROLE, openDatabase } from '../../main/db/open';
import { scratchEmbeddedDir } from '../support/databases';

/** How many write-ahead log segments (file names of 24 hex digits) a data folder holds. */
function walSegments(dataDir: string): number {
  return fs.readdirSync(path.join(pgDataDir({ dataDir }), 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length;
}

/** Log written since the last checkpoint began (what a start after a power cut would replay), in bytes. */
async function logSinceCheckpoint(knex: Knex): Promise<number> {
  return Number((await knex.raw('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn) AS since FROM pg_control_checkpoint()')).rows[0].since);
}

/** Rows short enough to stay out of TOAST's compression: the log holds each byte written. */
async function fill(knex: Knex, rows: number): Promise<void> {
  for (let from = 1; from <= rows; from += 20_000)
    await knex.raw(`INSERT INTO filler SELECT g, repeat('x', 1500) FROM generate_series(?::int, ?::int) g`, [from, Math.min(from + 19_999, rows)]);
}

describe('the embedded data folder after a large write (an import, a restore, a bench load)', () => {
  it('keeps no pile of used log segments once closed: they would sit in the folder, and in every backup of it, for good', async () => {
    const folder = scratchEmbeddedDir();
    try {
      const db = await openDatabase(folder.config, { schema: 'none' });
      let written: number;
      try {
        await db.knex.raw('CREATE TABLE filler (id int, pad text)');
        const before = (await db.knex.raw('SELECT pg_current_wal_lsn() AS lsn')).rows[0].lsn;
        await fill(db.knex, 80_000);
        await db.knex.raw('DROP TABLE filler');
        written = Number((await db.knex.raw('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), ?) AS bytes', [before])).rows[0].bytes);
      } finally {
        await db.close();
      }
      const segmentSize = 16 * 1024 * 1024;
      // The write filled many segments: without the setting, a checkpoint renames the used ones into spares.
      expect(written).toBeGreaterThan(6 * segmentSize);
      expect(walSegments(folder.config.dataDir)).toBeLessThanOrEqual(2);
    } finally {
      await folder.dispose();
    }
  });

  it('is checkpointed while the app runs, once a segment of log was written, and not before: PGlite has no checkpointer', async () => {
    const folder = scratchEmbeddedDir();
    try {
      const db = await openDatabase(folder.config);
      try {
        // A table of its own, made as the schema's owner; then back on the runtime role, as the app's upkeep runs.
        await db.knex.raw('SET ROLE clinic_owner');
        await db.knex.raw('CREATE TABLE filler (id int, pad text)');
        await db.knex.raw('GRANT INSERT ON filler TO ??', [RUNTIME_ROLE]);
        await db.knex.raw('SET ROLE ??', [RUNTIME_ROLE]);
        await db.knex.raw('CHECKPOINT'); // what the migrations wrote is not this case's
        await fill(db.knex, 4_000);
        expect(await logSinceCheckpoint(db.knex)).toBeLessThan(CHECKPOINT_AFTER_BYTES);
        expect(await checkpointIfLogGrew(db.knex)).toBe(false);

        await fill(db.knex, 60_000);
        const since = await logSinceCheckpoint(db.knex);
        expect(since).toBeGreaterThan(4 * CHECKPOINT_AFTER_BYTES);
        expect(await checkpointIfLogGrew(db.knex)).toBe(true);
        // Nothing left to replay after a power cut, and the used segments gone from the folder already.
        expect(await logSinceCheckpoint(db.knex)).toBeLessThan(since / 100);
        expect(walSegments(folder.config.dataDir)).toBeLessThanOrEqual(2);
        expect(await checkpointIfLogGrew(db.knex)).toBe(false);
      } finally {
        await db.close();
      }
    } finally {
      await folder.dispose();
    }
  });

  it('says so when the checkpoint of a close is refused, gives the folder back, and the next start replays the log', async () => {
    const folder = scratchEmbeddedDir();
    try {
      const db = await openDatabase(folder.config, { schema: 'none' });
      await db.knex.raw('CREATE TABLE kept (id int)');
      await db.knex.raw('INSERT INTO kept VALUES (1), (2)');
      // PGlite is one session: the worker's checkpoint at close runs as the role its last caller set.
      await db.knex.raw('CREATE ROLE no_checkpoint; GRANT ALL ON kept TO no_checkpoint; SET ROLE no_checkpoint');
      await expect(db.close()).rejects.toThrow(/^The embedded database could not close: .*CHECKPOINT/);

      const again = await openDatabase(folder.config, { schema: 'none' });
      try {
        expect((await again.knex.raw('SELECT count(*)::int AS n FROM kept')).rows[0].n).toBe(2);
      } finally {
        await again.close();
      }
    } finally {
      await folder.dispose();
    }
  });
});
