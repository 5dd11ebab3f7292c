import knexFactory, { type Knex } from 'knex';

/** One connection to `url` for `work`, closed after it: the bench's own set-up and checks. */
export async function withAdmin<T>(url: string, work: (knex: Knex) => Promise<T>): Promise<T> {
  const knex = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    return await work(knex);
  } finally {
    await knex.destroy();
  }
}
