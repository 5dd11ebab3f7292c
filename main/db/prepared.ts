import type { Knex } from 'knex';

/**
 * Marks a Knex config whose connections are the app's own (embedded mode: PGlite's one
 * connection), where a statement may stay prepared between calls.
 */
export const OWN_CONNECTIONS = { preparesStatements: true } as const;

/**
 * Keeps a read the desk makes again and again prepared on its connection, so PostgreSQL plans
 * it once rather than on every call: PGlite plans slowly, and for some reads (the day's pending
 * payments) planning is most of the time. Only on the app's own connections: behind PgBouncer
 * in transaction pooling, which a server may be, a statement prepared on one server session is
 * missing from the next (README, "Behind PgBouncer"). The query's text must be the same on
 * every call (no `whereIn` over a list).
 */
export function preparedOnOwnConnection<Q extends Knex.QueryBuilder | Knex.Raw>(knex: Knex, query: Q, name: string): Q {
  return knex.userParams?.preparesStatements === true ? (query.options({ name }) as Q) : query;
}
