import type { Knex } from 'knex';

const CHECK_EVERY_MS = 5 * 60_000;

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
 * PGlite is a single backend without autovacuum, so nothing would ever collect statistics:
 * the planner would assume tables of one row and choose nested loops over a day's
 * appointments (10–28 ms where a hash join takes 6–8). This does autovacuum's analyse part,
 * now and every few minutes; each run is a cheap look at the counters unless a table changed.
 */
export function startAutoAnalyze(knex: Knex, log: (message: string, err: unknown) => void): () => Promise<void> {
  let latest = Promise.resolve();
  let stopped = false;
  const run = () => {
    latest = analyzeStaleTables(knex, () => stopped).then(
      () => undefined,
      (err: unknown) => log('statistics update failed', err),
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
