import type { Knex } from 'knex';

// Large enough that a few thousand rows take a handful of round trips, small enough to stay
// far below PostgreSQL's 65,535 bind parameters per statement with any of the demo's tables.
const BATCH_SIZE = 500;

export type Row = Record<string, string | number | boolean | null>;

export async function insertInBatches(trx: Knex.Transaction, table: string, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    await trx(table).insert(rows.slice(i, i + BATCH_SIZE));
  }
}

/** Ids in the order of `rows`: PostgreSQL returns a multi-row VALUES insert in its own order. */
export async function insertReturningIds(trx: Knex.Transaction, table: string, rows: readonly Row[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) {
    const chunk = rows.slice(i, i + BATCH_SIZE);
    const returned: { id: number }[] = await trx(table).insert(chunk).returning('id');
    if (returned.length !== chunk.length) throw new Error(`${table}: inserted ${chunk.length} rows, got ${returned.length} ids`);
    for (const r of returned) ids.push(r.id);
  }
  return ids;
}

/** The id of the row generated at `position`. */
export function idAt(ids: readonly number[], position: number, what: string): number {
  const id = ids[position];
  if (id === undefined) throw new Error(`No ${what} was inserted at position ${position}`);
  return id;
}
