import type { Knex } from 'knex';

export type PgType = 'bigint' | 'smallint' | 'text' | 'date' | 'time' | 'timestamp' | 'timestamptz' | 'boolean' | 'numeric';
type Value = string | number | boolean | null;

/**
 * Inserts rows as one `INSERT … SELECT FROM unnest(array, array, …)`: one parameter per column
 * however many rows, so a batch of thousands is one short statement on PostgreSQL and PGlite
 * alike (COPY would need pg-copy-streams, and PGlite's socket speaks only the simple protocols).
 *
 * The loader's transaction runs with session_replication_role = replica, as pg_restore does:
 * the change-notification triggers would otherwise queue a NOTIFY per generated row, and the
 * foreign keys would re-check ids this loader has just been given back. Unique indexes,
 * exclusion constraints and checks still apply.
 *
 * Returns the new ids in the order of `rows` (one statement's rows take the sequence in order).
 */
export async function insertUnnest(
  knex: Knex,
  table: string,
  columns: Readonly<Record<string, PgType>>,
  rows: readonly object[],
  returnIds = false,
): Promise<number[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(columns);
  // pg sends a JavaScript array as a PostgreSQL array literal, nulls included.
  const arrays = names.map((name) => rows.map((r) => (r as Record<string, Value>)[name] ?? null) as Knex.Value);
  const casts = names.map((name) => `?::${columns[name]}[]`).join(', ');
  const sql = `INSERT INTO ?? (${names.map(() => '??').join(', ')}) SELECT * FROM unnest(${casts})${returnIds ? ' RETURNING id' : ''}`;
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL session_replication_role = replica');
    const result: { rows: { id: string | number }[] } = await trx.raw(sql, [table, ...names, ...arrays]);
    if (!returnIds) return [];
    const ids = result.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
    if (ids.length !== rows.length) throw new Error(`${table}: inserted ${rows.length} rows, got ${ids.length} ids`);
    return ids;
  });
}
