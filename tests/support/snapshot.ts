import type { Knex } from 'knex';
import { databaseSnapshot } from './harness';
import { allSchemaFacts, knexQuery } from './schema-facts';

/**
 * Every row of every table, each sequence's position and every schema object (constraints,
 * triggers, indexes, functions): what a restore must bring back.
 */
export async function fullSnapshot(knex: Knex): Promise<{ schema: string[]; rows: string; sequences: unknown[]; migrations: unknown[] }> {
  return {
    schema: [...(await allSchemaFacts(knexQuery(knex)))].sort(),
    rows: await databaseSnapshot(knex),
    sequences: (await knex.raw(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`)).rows,
    migrations: await knex('knex_migrations').orderBy('id').select('name'),
  };
}
