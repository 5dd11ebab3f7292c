import type { Knex } from 'knex';

/** Each statement `work` sends through `knex`, with the name it is prepared under (undefined: unnamed). */
export async function statementsSent(knex: Knex, work: () => Promise<unknown>): Promise<{ sql: string; name: unknown }[]> {
  const sent: { sql: string; name: unknown }[] = [];
  const onQuery = (q: { sql: string; options?: { name?: unknown } }) => sent.push({ sql: q.sql, name: q.options?.name });
  knex.on('query', onQuery);
  try {
    await work();
  } finally {
    knex.off('query', onQuery);
  }
  return sent;
}
