import fs from 'node:fs';
import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { Knex } from 'knex';
import type pg from 'pg';
import type { ServerDatabaseConfig } from './config';
import { DatabaseSetupError } from './errors';
import { clinicTypes } from './pg-types';
import { knexLog } from './knex-log';
import { prepareSession } from './session';
import { OWN_CONNECTIONS } from './prepared';

/** TLS options for pg from the libpq-style sslmode. */
export function tlsOptions(config: Pick<ServerDatabaseConfig, 'sslMode' | 'caFile'>): false | ConnectionOptions {
  switch (config.sslMode) {
    case 'disable':
      return false;
    case 'require':
      // libpq semantics: encrypted, server identity not checked (unless a CA is given).
      return config.caFile ? { ca: readCa(config.caFile), rejectUnauthorized: true, checkServerIdentity: () => undefined } : { rejectUnauthorized: false };
    case 'verify-ca':
      return { ca: readCa(requireCa(config)), rejectUnauthorized: true, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { ca: readCa(requireCa(config)), rejectUnauthorized: true };
  }
}

function requireCa(config: Pick<ServerDatabaseConfig, 'sslMode' | 'caFile'>): string {
  if (!config.caFile) {
    throw new DatabaseSetupError(`sslmode=${config.sslMode} needs CLINIC_DB_CA_FILE`, 'CONFIG');
  }
  return config.caFile;
}

function readCa(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new DatabaseSetupError(`The database CA certificate file ${file} cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'CONFIG');
  }
}

/**
 * A desk's reads are a few hundred rows by index; on some days the planner's estimate tipped the
 * day view's statement into a parallel plan, and starting the worker cost several times the read
 * itself (README, Performance, session 22). A clinic's server serves many desks at once, so one
 * backend per call is also the fairer share of its cores.
 */
const NO_PARALLEL_WORKERS = '-c max_parallel_workers_per_gather=0';

/** How long a connection may hear nothing from the server while a statement is out. */
const silenceLimitMs = (config: ServerDatabaseConfig) => config.statementTimeoutMs + 5_000;

/** What pg keeps of whether a query is out (set false on sending one, true at ReadyForQuery); not in its types. */
interface ClientState {
  readyForQuery: boolean;
}

/**
 * The pool's connections give up on a server that has gone silent under a statement, as
 * `query_timeout` does for the other clients, but through the socket's own idle timer, armed
 * once per connection. pg's `query_timeout` starts a timer per query, and with it the young
 * collections of every large read kept megabytes alive and ran several times longer (README,
 * Performance, session 22). An idle connection's silence is nothing: only one with a query out
 * is ended, with the error a timed-out socket gives.
 */
function giveUpOnSilence(connection: pg.Client, ms: number): void {
  const socket = connection.connection.stream as Socket;
  socket.setTimeout(ms);
  // `on`, not setTimeout's callback: that one is heard once, and the first silence is usually an idle one.
  socket.on('timeout', () => {
    if ((connection as unknown as ClientState).readyForQuery) return;
    socket.destroy(Object.assign(new Error(`The clinic server sent nothing for ${ms} ms while a statement was out`), { code: 'ETIMEDOUT' }));
  });
}

/**
 * Knex settings for the clinic's shared server: a small pool per PC that may shrink to zero,
 * TCP keepalive so a dead server is noticed, bounded statements and connection attempts so
 * calls fail fast (UNAVAILABLE) instead of hanging the desk.
 */
export function serverConnection(config: ServerDatabaseConfig): pg.ClientConfig {
  return {
    connectionString: config.url,
    ssl: tlsOptions(config),
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    // A startup parameter PgBouncer does not track makes it refuse the connection; behind one,
    // the server-side limit and the parallel workers are the login's own settings (README
    // "Behind PgBouncer") and the client's limit below still bounds every call.
    ...(config.direct ? {} : { statement_timeout: config.statementTimeoutMs, options: NO_PARALLEL_WORKERS }),
    // The server enforces statement_timeout only while it is alive; a frozen or cut-off server
    // never answers, so the client gives up a little later on its own (the pool's connections
    // through giveUpOnSilence).
    query_timeout: silenceLimitMs(config),
    connectionTimeoutMillis: 5_000,
    application_name: 'clinic-desk',
    types: clinicTypes,
  };
}

/**
 * The pool's connections by generation. When one connection to the clinic server is lost, the
 * others very likely are too (the server restarted, or an administrator ended every session), but
 * each learns so only when its own socket's close is read: all of them are retired before their
 * next use instead of each failing a call of its own.
 */
export class ConnectionGenerations {
  private current = 0;
  private readonly born = new WeakMap<pg.Client, number>();

  /** A connection was found dead: the ones open now are not used again. */
  retire(): void {
    this.current++;
  }

  readonly afterCreate = (connection: pg.Client, done: (err: Error | null, c: pg.Client) => void): void => {
    this.born.set(connection, this.current);
    // pg emits 'error' on a connection that the server or the network ended, never on one the pool closed.
    connection.on('error', () => {
      if (this.validate(connection)) this.retire();
    });
    prepareSession(connection, done);
  };

  readonly validate = (connection: pg.Client): boolean => this.born.get(connection) === this.current;
}

export function serverKnexConfig(config: ServerDatabaseConfig, generations = new ConnectionGenerations()): Knex.Config {
  // The pool's connections are bounded by giveUpOnSilence instead.
  const { query_timeout: _perQuery, ...connection } = serverConnection(config);
  return {
    client: 'pg',
    connection: connection as Knex.PgConnectionConfig,
    pool: {
      min: 0,
      max: config.poolMax,
      idleTimeoutMillis: 30_000,
      afterCreate: (c: pg.Client, done: (err: Error | null, c: pg.Client) => void) => {
        giveUpOnSilence(c, silenceLimitMs(config));
        generations.afterCreate(c, done);
      },
      validate: generations.validate,
    },
    acquireConnectionTimeout: 10_000,
    // Without a pooler between, each connection is a server session of the app's own.
    ...(config.direct ? {} : { userParams: OWN_CONNECTIONS }),
    log: knexLog,
  };
}
