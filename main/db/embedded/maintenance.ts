import type { Knex } from 'knex';

const CHECK_EVERY_MS = 5 * 60_000;

/** One write-ahead log segment's worth: a checkpoint after less would cost more than the replay it saves. */
export const CHECKPOINT_AFTER_BYTES = 16 * 1024 * 1024;

/** Tables of the clinic's schema that `rule` (over pg_stat_user_tables' counters) finds due, by name. */
async function tablesWhere(knex: Knex, rule: string): Promise<string[]> {
  return knex('pg_stat_user_tables').where('schemaname', knex.raw('current_schema()')).whereRaw(rule).orderBy('relname').pluck('relname');
}

/** Runs `statement` on each table in turn until `stopped`; the tables it ran on. */
async function eachTable(knex: Knex, tables: readonly string[], statement: string, stopped: () => boolean): Promise<string[]> {
  const done: string[] = [];
  for (const table of tables) {
    if (stopped()) break;
    await knex.raw(`${statement} ??`, [table]);
    done.push(table);
  }
  return done;
}

/**
 * The tables whose planner statistics are out of date by autovacuum's own default rule (more
 * than 50 rows + 10 % of the table changed since the last ANALYZE), analysed one by one.
 */
export async function analyzeStaleTables(knex: Knex, stopped: () => boolean = () => false): Promise<string[]> {
  return eachTable(knex, await tablesWhere(knex, 'n_mod_since_analyze > 50 + 0.1 * greatest(n_live_tup, 0)'), 'ANALYZE', stopped);
}

/**
 * The tables autovacuum would vacuum, by its default rules, vacuumed one by one: dead rows (left
 * by every update and delete) past 50 + 20 % of the table, whose space is then used again
 * instead of the folder and its backups growing for good; or rows added since the last vacuum
 * past 1,000 + 20 %, so their pages are marked all-visible and index-only reads (a day's
 * patients' names) do not visit the table for them.
 */
export async function vacuumStaleTables(knex: Knex, stopped: () => boolean = () => false): Promise<string[]> {
  const due = await tablesWhere(knex, 'n_dead_tup > 50 + 0.2 * greatest(n_live_tup, 0) OR n_ins_since_vacuum > 1000 + 0.2 * greatest(n_live_tup, 0)');
  return eachTable(knex, due, 'VACUUM', stopped);
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
 * The embedded database's upkeep that a server's background processes would do, every few
 * minutes: autovacuum's two parts (PGlite never collects statistics itself, and the planner
 * would assume tables of one row and choose nested loops over a day's appointments; nor does it
 * vacuum) and the checkpointer's. Each run is a cheap look at the counters unless something
 * changed. The run at start analyses and checkpoints only: a folder never vacuumed (one from
 * before this upkeep) would keep the first screens waiting while its tables are, since the one
 * connection runs one statement at a time; the first vacuum comes at the first tick.
 */
export function startMaintenance(knex: Knex, log: (message: string, err: unknown) => void): () => Promise<void> {
  let latest = Promise.resolve();
  let stopped = false;
  const isStopped = () => stopped;
  const run = (vacuum: boolean) => {
    latest = (vacuum ? vacuumStaleTables(knex, isStopped) : Promise.resolve([]))
      .then(() => analyzeStaleTables(knex, isStopped))
      .then(() => (stopped ? undefined : checkpointIfLogGrew(knex)))
      .then(
        () => undefined,
        (err: unknown) => log('database upkeep failed', err),
      );
  };
  run(false);
  const timer = setInterval(() => run(true), CHECK_EVERY_MS);
  timer.unref();
  // Stopping lets the table being vacuumed or analysed finish (the pool closed under it would
  // abort it, and log that) and skips the rest: a freshly restored folder has every table to
  // analyse.
  return () => {
    stopped = true;
    clearInterval(timer);
    return latest;
  };
}
