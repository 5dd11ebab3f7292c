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
  const indexes = await query(`SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(?)`, [tables]);
  for (const i of indexes) {
    facts.add(`index ${i.tablename}.${i.indexname}: ${i.indexdef}`);
  }
  return facts;
}

export function difference(a: Set<string>, b: Set<string>): string[] {
  return [...a].filter((f) => !b.has(f)).sort();
}

/**
 * The whole public schema as one-line facts: every table's columns, constraints and indexes
 * (as above), and the triggers, functions, sequences, views and extensions. What a migration's
 * down() must take away, and what a restore must bring back besides the rows.
 */
export async function allSchemaFacts(query: Query): Promise<Set<string>> {
  const tables = (await query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`, [])).map((t) => String(t.tablename));
  const facts = await schemaFacts(query, tables);
  for (const t of tables) facts.add(`table ${t}`);
  const triggers = await query(
    `SELECT cl.relname, t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) AS def
       FROM pg_trigger t
       JOIN pg_class cl ON cl.oid = t.tgrelid
       JOIN pg_namespace ns ON ns.oid = cl.relnamespace
      WHERE ns.nspname = 'public' AND NOT t.tgisinternal`,
    [],
  );
  for (const t of triggers) facts.add(`trigger ${t.relname}.${t.tgname} (${t.tgenabled}): ${t.def}`);
  const functions = await query(
    `SELECT p.proname, pg_get_function_identity_arguments(p.oid) AS args, md5(pg_get_functiondef(p.oid)) AS body
       FROM pg_proc p
       JOIN pg_namespace ns ON ns.oid = p.pronamespace
      WHERE ns.nspname = 'public' AND p.prokind IN ('f', 'p')
        -- An extension's own functions come and go with it: its fact below stands for them.
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    [],
  );
  for (const f of functions) facts.add(`function ${f.proname}(${f.args}) body ${f.body}`);
  const sequences = await query(
    `SELECT sequencename, data_type, increment_by::text, min_value::text, max_value::text FROM pg_sequences WHERE schemaname = 'public'`,
    [],
  );
  for (const s of sequences) facts.add(`sequence ${s.sequencename}: ${s.data_type} +${s.increment_by} ${s.min_value}..${s.max_value}`);
  const views = await query(`SELECT viewname, definition FROM pg_views WHERE schemaname = 'public'`, []);
  for (const v of views) facts.add(`view ${v.viewname}: ${v.definition}`);
  const extensions = await query(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`, []);
  for (const e of extensions) facts.add(`extension ${e.extname}`);
  return facts;
}
