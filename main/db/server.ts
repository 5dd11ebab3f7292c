import fs from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { Knex } from 'knex';
import type pg from 'pg';
import type { ServerDatabaseConfig } from './config';
import { DatabaseSetupError } from './errors';
import { clinicTypes } from './pg-types';
import { knexLog } from './knex-log';
import { prepareSession } from './session';

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
    // the server-side limit is the login's own (README "Behind PgBouncer") and query_timeout
    // below still bounds every call.
    ...(config.direct ? {} : { statement_timeout: config.statementTimeoutMs }),
    // The server enforces statement_timeout only while it is alive; a frozen or cut-off server
    // never answers, so the client gives up a little later on its own.
    query_timeout: config.statementTimeoutMs + 5_000,
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
  return {
    client: 'pg',
    connection: serverConnection(config) as Knex.PgConnectionConfig,
    pool: {
      min: 0,
      max: config.poolMax,
      idleTimeoutMillis: 30_000,
      afterCreate: generations.afterCreate,
      validate: generations.validate,
    },
    acquireConnectionTimeout: 10_000,
    log: knexLog,
  };
}
