import type { Knex } from 'knex';

/**
 * Marks a Knex config whose connections are the app's own server sessions, where a statement
 * may stay prepared between calls: PGlite's one connection, and a clinic server's pool when it
 * is PostgreSQL itself rather than a transaction pooler.
 */
export const OWN_CONNECTIONS = { preparesStatements: true } as const;

/** Stands for one parameter's value while a statement's text is compiled. */
class Parameter {
  constructor(readonly key: string) {}
}

interface Compiled {
  method: 'select' | 'first' | 'raw';
  sql: string;
  /** Parameters, in the text's order, and what knex itself bound (a `first()`'s limit). */
  bindings: readonly unknown[];
}

const compiledByName = new Map<string, Compiled>();

// Knex's own reading of a raw text's placeholders: `?` a value, `??` an identifier, `\?` a literal.
const PLACEHOLDER = /\\?\?\??/g;

function compile(name: string, query: Knex.QueryBuilder | Knex.Raw): Compiled {
  const { method, sql, bindings } = query.toSQL() as Knex.Sql;
  if (method !== 'select' && method !== 'first' && method !== 'raw') throw new Error(`Statement ${name}: only a read can be kept compiled, not ${method}()`);
  const placeholders = (sql.match(PLACEHOLDER) ?? []).filter((p) => p !== '\\?');
  // Run again as a raw text, a `??` would read a value as an identifier.
  if (placeholders.some((p) => p !== '?') || placeholders.length !== bindings.length) {
    throw new Error(`Statement ${name}: its text has ${placeholders.length} placeholders for ${bindings.length} values`);
  }
  return { method, sql, bindings };
}

/**
 * Runs a statement the desks make again and again, its text compiled by knex once per process
 * and kept prepared on its connection, so PostgreSQL parses and plans it once per connection
 * rather than on every call. Knex compiling a booking's statement was much of the app's work per
 * booking, and PGlite plans slowly: for some reads (the day's pending payments) planning was most
 * of the time, and half of what a booking costs a clinic server was parsing and planning its one
 * statement. `build` is given stand-ins for `values`, never the values themselves, so one name
 * has one text: a shape that varies (a number of locks) belongs in the name, and no `whereIn`
 * over a list (an array parameter instead). A named binding is never called as a cast's type
 * (knex reads `:date::date` as two bindings). The columns it returns are named, not `*`, so that
 * a column another version's migration adds leaves it valid. Prepared only on the app's own
 * connections: behind PgBouncer in transaction pooling a statement prepared on one server
 * session is missing from the next (README, "Behind PgBouncer"); there it is sent unnamed.
 */
export async function runPrepared<P extends Record<string, unknown>>(
  knex: Knex,
  name: string,
  build: (p: { readonly [K in keyof P]: P[K] }) => Knex.QueryBuilder | Knex.Raw,
  values: P,
): Promise<unknown> {
  let compiled = compiledByName.get(name);
  if (!compiled) {
    const stand = Object.fromEntries(Object.keys(values).map((key) => [key, new Parameter(key)])) as unknown as P;
    compiled = compile(name, build(stand));
    compiledByName.set(name, compiled);
  }
  const raw = knex.raw(compiled.sql, compiled.bindings.map((b) => (b instanceof Parameter ? values[b.key] : b)) as Knex.RawBinding[]);
  const result = (await (knex.userParams?.preparesStatements === true ? raw.options({ name }) : raw)) as { rows: unknown[] };
  if (compiled.method === 'raw') return result;
  return compiled.method === 'first' ? result.rows[0] : result.rows;
}
