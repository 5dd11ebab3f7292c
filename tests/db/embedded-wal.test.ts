import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, pgDataDir } from '../../main/db/open';
import { scratchEmbeddedDir } from '../support/databases';

/** How many write-ahead log segments (file names of 24 hex digits) a data folder holds. */
function walSegments(dataDir: string): number {
  return fs.readdirSync(path.join(pgDataDir({ mode: 'embedded', dataDir }), 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name)).length;
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
        // Rows short enough to stay out of TOAST's compression: the log holds each byte written.
        for (let batch = 0; batch < 4; batch++)
          await db.knex.raw(`INSERT INTO filler SELECT g, repeat('x', 1500) FROM generate_series(?::int, ?::int) g`, [
            batch * 20_000 + 1,
            (batch + 1) * 20_000,
          ]);
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
});
