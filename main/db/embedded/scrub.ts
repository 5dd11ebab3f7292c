import type { Knex } from 'knex';

/**
 * Leaves no copy of a table's replaced row versions in the embedded data folder (a dump of the
 * folder is its pages and WAL as they are): the table is rewritten without them, then the WAL
 * that recorded them is switched out and removed. Recycling is off meanwhile, because a recycled
 * segment is only renamed and keeps its old bytes. On PGlite 0.5.14 one switch and checkpoint,
 * then the next checkpoint (a backup's), removed the segment; the second round here is that next
 * checkpoint, so the folder is clean without waiting for one.
 */
export async function scrubReplacedRows(knex: Knex, table: string): Promise<void> {
  await knex.raw('VACUUM FULL ??', [table]);
  await knex.raw('SET wal_recycle = off');
  try {
    for (let round = 0; round < 2; round++) {
      await knex.raw('SELECT pg_switch_wal()');
      await knex.raw('CHECKPOINT');
    }
  } finally {
    await knex.raw('RESET wal_recycle');
  }
}
