import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig, EmbeddedDatabaseConfig, ServerDatabaseConfig } from './config';
import { lockDataFolder } from './embedded/data-folder-lock';
import { startEmbeddedServer, type EmbeddedServer } from './embedded/worker-host';
import { assertSchemaCurrent, migrateToLatest } from './migrator';
import { clinicTypes } from './pg-types';
import { serverKnexConfig } from './server';
import { prepareSession } from './session';

export interface Database {
  readonly mode: DatabaseConfig['mode'];
  readonly knex: Knex;
  /** Drains the pool; in embedded mode also checkpoints PGlite and releases the folder lock. */
  close(): Promise<void>;
}

export interface OpenOptions {
  /**
   * What to do about the schema. 'guard' (the app in server mode): refuse a mismatch.
   * 'migrate' (the app in embedded mode): upgrade in place. 'none': tooling that manages
   * migrations itself (db:migrate, db:rollback, tests).
   */
  schema?: 'guard' | 'migrate' | 'none';
}

/** Where PGlite keeps its files inside the clinic data folder (the lock file sits beside it). */
export function pgDataDir(config: EmbeddedDatabaseConfig): string {
  return path.join(config.dataDir, 'pgdata');
}

export function embeddedKnexConfig(server: Pick<EmbeddedServer, 'host' | 'port'>): Knex.Config {
  return {
    client: 'pg',
    connection: {
      host: server.host,
      port: server.port,
      user: 'postgres',
      database: 'postgres',
      types: clinicTypes,
    } as Knex.PgConnectionConfig,
    // PGlite is one Postgres backend: its socket server takes one connection, and requests
    // queue in the pool instead. Kept open, since reconnecting races the socket's own close.
    pool: { min: 0, max: 1, idleTimeoutMillis: 24 * 3600_000, afterCreate: prepareSession },
    acquireConnectionTimeout: 30_000,
  };
}

async function openServer(config: ServerDatabaseConfig): Promise<Database> {
  const knex = knexFactory(serverKnexConfig(config));
  return { mode: 'server', knex, close: () => knex.destroy() };
}

async function openEmbedded(config: EmbeddedDatabaseConfig): Promise<Database> {
  const lock = lockDataFolder(config.dataDir);
  let server;
  try {
    server = await startEmbeddedServer(pgDataDir(config));
  } catch (err) {
    lock.release();
    throw err;
  }
  const knex = knexFactory(embeddedKnexConfig(server));
  let closing: Promise<void> | undefined;
  return {
    mode: 'embedded',
    knex,
    close() {
      closing ??= (async () => {
        try {
          await knex.destroy();
          await server.stop();
        } finally {
          lock.release();
        }
      })();
      return closing;
    },
  };
}

export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const db = config.mode === 'server' ? await openServer(config) : await openEmbedded(config);
  const schema = options.schema ?? (config.mode === 'server' ? 'guard' : 'migrate');
  try {
    if (schema === 'migrate') await migrateToLatest(db.knex);
    if (schema === 'guard') await assertSchemaCurrent(db.knex);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
