import type { Knex } from 'knex';
import { databaseSnapshot } from './harness';
import { allSchemaFacts, knexQuery } from './schema-facts';

/**
 * Every row of every table, each sequence's position and every schema object (constraints,
 * triggers, indexes, functions): what a restore must bring back.
 */
export async function fullSnapshot(knex: Knex): Promise<{ schema: string[]; rows: string; sequences: unknown[]; migrations: unknown[] }> {
  return {
    schema: [...(await allSchemaFacts(knexQuery(knex)))].map(comparableRule).sort(),
    rows: await databaseSnapshot(knex),
    sequences: (await knex.raw(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`)).rows,
    migrations: await knex('knex_migrations').orderBy('id').select('name'),
  };
}

/**
 * pg_dump writes an IN-list back with its casts moved (`(ARRAY['A'::character varying])::text[]`
 * becomes `ARRAY[('A'::character varying)::text]`): the same rule, other text. CHECK constraints,
 * exclusion constraints' WHERE, partial indexes' predicates and triggers' WHEN (whose nested ORs
 * come back bracketed otherwise) are compared without casts, parentheses and spaces; the names,
 * values and operators remain.
 */
function comparableRule(fact: string): string {
  const rule =
    /^(constraint \S+ \(c\): )(.*)$/.exec(fact) ??
    /^(constraint \S+ \(x\): .* WHERE )(.*)$/.exec(fact) ??
    /^(index \S+: .* WHERE )(.*)$/.exec(fact) ??
    /^(trigger \S+ \(\w\): .* WHEN )(.*)$/.exec(fact);
  return rule ? rule[1] + rule[2]!.replace(/::[a-z ]+(\[\])?/g, '').replace(/[()\s]/g, '') : fact;
}
