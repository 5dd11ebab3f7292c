import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig } from './config';
import { lockDataFolder } from './embedded/data-folder-lock';
import { startEmbeddedServer } from './embedded/worker-host';
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

const PG_DATA_SUBDIR = 'pgdata';

async function openServer(config: Extract<DatabaseConfig, { mode: 'server' }>): Promise<Database> {
  const knex = knexFactory(serverKnexConfig(config));
  return { mode: 'server', knex, close: () => knex.destroy() };
}

async function openEmbedded(config: Extract<DatabaseConfig, { mode: 'embedded' }>): Promise<Database> {
  const lock = lockDataFolder(config.dataDir);
  let server;
  try {
    server = await startEmbeddedServer(path.join(config.dataDir, PG_DATA_SUBDIR));
  } catch (err) {
    lock.release();
    throw err;
  }
  const knex = knexFactory({
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
  });
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
