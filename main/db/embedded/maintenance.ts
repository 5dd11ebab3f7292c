import type { Knex } from 'knex';

const CHECK_EVERY_MS = 5 * 60_000;

/** One write-ahead log segment's worth: a checkpoint after less would cost more than the replay it saves. */
export const CHECKPOINT_AFTER_BYTES = 16 * 1024 * 1024;

/**
 * The tables whose planner statistics are out of date by autovacuum's own default rule (more
 * than 50 rows + 10 % of the table changed since the last ANALYZE), analysed one by one.
 */
export async function analyzeStaleTables(knex: Knex, stopped: () => boolean = () => false): Promise<string[]> {
  const stale: string[] = await knex('pg_stat_user_tables')
    .where('schemaname', knex.raw('current_schema()'))
    .whereRaw('n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)')
    .orderBy('relname')
    .pluck('relname');
  const analysed: string[] = [];
  for (const table of stale) {
    if (stopped()) break;
    await knex.raw('ANALYZE ??', [table]);
    analysed.push(table);
  }
  return analysed;
}

/**
 * A checkpoint once the log written since the last one reaches CHECKPOINT_AFTER_BYTES; true when one ran.
 * PGlite has no checkpointer process: without this, the day's log would pile up in the folder
 * (and in every backup of it) until the app quits, and a power cut would make the next start
 * replay all of it.
 */
export async function checkpointIfLogGrew(knex: Knex): Promise<boolean> {
  const { rows } = await knex.raw(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn) AS since FROM pg_control_checkpoint()`);
  if (Number(rows[0].since) < CHECKPOINT_AFTER_BYTES) return false;
  await knex.raw('CHECKPOINT');
  return true;
}

/**
 * The embedded database's upkeep that a server's background processes would do, now and every
 * few minutes: autovacuum's analyse part (PGlite never collects statistics itself, and the
 * planner would assume tables of one row and choose nested loops over a day's appointments)
 * and the checkpointer's. Each run is a cheap look at the counters unless something changed.
 */
export function startMaintenance(knex: Knex, log: (message: string, err: unknown) => void): () => Promise<void> {
  let latest = Promise.resolve();
  let stopped = false;
  const run = () => {
    latest = analyzeStaleTables(knex, () => stopped)
      .then(() => (stopped ? undefined : checkpointIfLogGrew(knex)))
      .then(
        () => undefined,
        (err: unknown) => log('database upkeep failed', err),
      );
  };
  run();
  const timer = setInterval(run, CHECK_EVERY_MS);
  timer.unref();
  // Stopping lets the table being analysed finish (the pool closed under it would abort it, and
  // log that) and skips the rest: a freshly restored folder has every table to analyse.
  return () => {
    stopped = true;
    clearInterval(timer);
    return latest;
  };
}
