import type { Knex } from 'knex';

/**
 * Marks a Knex config whose connections are the app's own server sessions, where a statement
 * may stay prepared between calls: PGlite's one connection, and a clinic server's pool when it
 * is PostgreSQL itself rather than a transaction pooler.
 */
export const OWN_CONNECTIONS = { preparesStatements: true } as const;

/**
 * Keeps a statement the desks make again and again prepared on its connection, so PostgreSQL
 * parses and plans it once per connection rather than on every call: PGlite plans slowly, for
 * some reads (the day's pending payments) planning is most of the time, and half of what a
 * booking costs a clinic server was parsing and planning its one statement. Only on the app's
 * own connections: behind PgBouncer in transaction pooling a statement prepared on one server
 * session is missing from the next (README, "Behind PgBouncer"). One name, one text: the query's
 * text must be the same on every call (no `whereIn` over a list), and the columns it returns
 * named, not `*`, so that a column another version's migration adds leaves it valid.
 */
export function preparedOnOwnConnection<Q extends Knex.QueryBuilder | Knex.Raw>(knex: Knex, query: Q, name: string): Q {
  return knex.userParams?.preparesStatements === true ? (query.options({ name }) as Q) : query;
}
