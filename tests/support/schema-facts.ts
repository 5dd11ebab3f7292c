import type { Knex } from 'knex';

export const SEED_TABLES = [
  'users',
  'doctor_entities',
  'patient_entities',
  'appointment_entities',
  'doctor_availabilities',
  'payments',
  'video_call_sessions',
  'video_call_events',
  'twilio_webhook_events',
] as const;

type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export function knexQuery(knex: Knex): Query {
  return async (sql, params) => (await knex.raw(sql, params as Knex.RawBinding[])).rows;
}

/**
 * The seed tables' schema as a set of one-line facts: each column (type, length, precision,
 * nullability, default), each constraint (kind and full definition) and each index
 * (full definition). Two schemas are equal when their fact sets are.
 */
export async function schemaFacts(query: Query, tables: readonly string[] = SEED_TABLES): Promise<Set<string>> {
  const facts = new Set<string>();
  const columns = await query(
    `SELECT table_name, column_name, data_type, character_maximum_length, numeric_precision,
            numeric_scale, datetime_precision, is_nullable, column_default
       FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = ANY(?)`,
    [tables],
  );
  for (const c of columns) {
    facts.add(
      `column ${c.table_name}.${c.column_name}: ${c.data_type}` +
        ` len=${c.character_maximum_length ?? '-'} prec=${c.numeric_precision ?? '-'},${c.numeric_scale ?? '-'}` +
        ` dtprec=${c.datetime_precision ?? '-'} nullable=${c.is_nullable} default=${c.column_default ?? '-'}`,
    );
  }
  const constraints = await query(
    `SELECT cl.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS def
       FROM pg_constraint con
       JOIN pg_class cl ON cl.oid = con.conrelid
       JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE ns.nspname = 'public' AND cl.relname = ANY(?)`,
    [tables],
  );
  for (const c of constraints) {
    facts.add(`constraint ${c.table_name}.${c.conname} (${c.contype}): ${c.def}`);
  }
  const indexes = await query(
    `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(?)`,
    [tables],
  );
  for (const i of indexes) {
    facts.add(`index ${i.tablename}.${i.indexname}: ${i.indexdef}`);
  }
  return facts;
}

export function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((f) => !b.has(f)).sort();
}
