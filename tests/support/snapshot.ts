import type { Knex } from 'knex';
import { databaseSnapshot } from './harness';

/** Every row of every table plus each sequence's position: what a restore must bring back. */
export async function fullSnapshot(knex: Knex): Promise<{ rows: string; sequences: unknown[]; migrations: unknown[] }> {
  return {
    rows: await databaseSnapshot(knex),
    sequences: (await knex.raw(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`)).rows,
    migrations: await knex('knex_migrations').orderBy('id').select('name'),
  };
}
