import type { Knex } from 'knex';
import type { HealthReport } from '../../preload/contract';

// The seed's "Monitoring and Maintenance" queries (pg_stat_user_tables, pg_stat_user_indexes),
// plus sizes and exact row counts, which a clinic's tables are small enough to afford.

const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);

export async function tableHealth(knex: Knex): Promise<HealthReport['tables']> {
  const stats = (
    await knex.raw(`
      SELECT relname, n_live_tup, n_dead_tup, n_tup_ins, n_tup_upd, n_tup_del,
             pg_total_relation_size(relid) AS total_bytes,
             greatest(last_vacuum, last_autovacuum) AS last_vacuum,
             greatest(last_analyze, last_autoanalyze) AS last_analyze
        FROM pg_stat_user_tables
       WHERE schemaname = 'public'
       ORDER BY pg_total_relation_size(relid) DESC, relname`)
  ).rows as Record<string, unknown>[];
  const out: HealthReport['tables'] = [];
  for (const s of stats) {
    const counted = await knex(s.relname as string).count<{ n: string }[]>({ n: '*' });
    out.push({
      name: s.relname as string,
      rows: Number(counted[0]?.n ?? 0),
      deadRows: num(s.n_dead_tup),
      totalBytes: num(s.total_bytes),
      inserted: num(s.n_tup_ins),
      updated: num(s.n_tup_upd),
      deleted: num(s.n_tup_del),
      lastVacuum: iso(s.last_vacuum),
      lastAnalyze: iso(s.last_analyze),
    });
  }
  return out;
}

export async function indexHealth(knex: Knex): Promise<HealthReport['indexes']> {
  const rows = (
    await knex.raw(`
      SELECT relname, indexrelname, idx_scan, idx_tup_read, idx_tup_fetch, pg_relation_size(indexrelid) AS bytes
        FROM pg_stat_user_indexes
       WHERE schemaname = 'public'
       ORDER BY idx_scan DESC NULLS LAST, relname, indexrelname`)
  ).rows as Record<string, unknown>[];
  return rows.map((r) => ({
    table: r.relname as string,
    name: r.indexrelname as string,
    scans: num(r.idx_scan),
    tuplesRead: num(r.idx_tup_read),
    tuplesFetched: num(r.idx_tup_fetch),
    bytes: num(r.bytes),
  }));
}

export async function databaseBytes(knex: Knex): Promise<number> {
  return num((await knex.raw('SELECT pg_database_size(current_database()) AS n')).rows[0].n);
}
