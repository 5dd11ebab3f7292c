import fs from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import type pg from 'pg';
import { sessionConfig, type DatabaseConfig, type EmbeddedDatabaseConfig, type ServerDatabaseConfig } from './config';
import { pgDataDir, startEngine, takeEarlyEngine } from './embedded/engine';
import { startMaintenance } from './embedded/maintenance';
import { scrubReplacedRows } from './embedded/scrub';
import { startEmbeddedServer, type EmbeddedServer } from './embedded/worker-host';
import { assertSchemaCurrent, migrateIfBehind } from './migrator';
import { clinicTypes } from './pg-types';
import { knexLog, replaceableEngineLog } from './knex-log';
import { ConnectionGenerations, serverConnection, serverKnexConfig } from './server';
import { isLostConnection, isStalePlan } from './pg-errors';
import { CHANGES_CHANNEL, ChangeFeed, startServerFeed } from './changes';
import { OWN_CONNECTIONS } from './prepared';
import { prepareSession } from './session';

export interface Database {
  readonly mode: DatabaseConfig['mode'];
  /** What it was opened with (backups run pg_dump against the same server). */
  readonly config: DatabaseConfig;
  readonly knex: Knex;
  /** Row changes announced by the database's NOTIFY triggers, from any PC. */
  readonly changes: ChangeFeed;
  /** Embedded mode only: a gzipped tarball of the data folder, taken without stopping (backups). */
  readonly dumpDataDir?: () => Promise<Uint8Array>;
  /**
   * Embedded mode only: removes the replaced row versions of a table from the data folder's
   * pages and WAL (after secrets stored in plain text were sealed). A server's files are its
   * administrator's; pg_dump never copies replaced rows.
   */
  readonly scrubReplacedRows?: (table: string) => Promise<void>;
  /**
   * Embedded mode only: replaces the open database with a data-folder dump while the app runs
   * (a restore from the Admin screen); see replaceEmbedded.
   */
  readonly replaceDataDir?: (dump: string, steps: ReplaceSteps) => Promise<void>;
  /**
   * Embedded mode only: serves the folder from a fresh engine, calls waiting meanwhile. The
   * engine's WebAssembly memory never shrinks, and creating a folder and migrating it grow it
   * to several times what serving the clinic needs.
   */
  readonly restartEngine?: () => Promise<void>;
  /** Embedded mode only: from now on the desk's connection runs as RUNTIME_ROLE (after migrating). */
  readonly useRuntimeRole?: () => Promise<void>;
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

/**
 * Embedded mode has one connection, and PGlite delivers a notification only to a session that
 * LISTENs, in the reply to a query of that session. All writes go through the one pooled
 * connection, so that connection LISTENs and hands what it hears to the feed.
 */
function listenOnConnection(feed: ChangeFeed, runtime: RuntimeRole): (connection: pg.Client, done: (err: Error | null, c: pg.Client) => void) => void {
  let connections = 0;
  return (connection, done) => {
    prepareSession(connection, (err) => {
      if (err) return done(err, connection);
      connection.on('notification', (n) => feed.deliver(n.payload));
      // PGlite's whole database lives in memory, where reading a page by index costs about what
      // reading the next one does; at the default cost of 4 the planner hashes the whole patient
      // table to name a day's few hundred appointments (13 ms where index lookups take 8).
      connection.query(`SET random_page_cost = 1.1; LISTEN ${CHANGES_CHANNEL}${runtime.active ? `; SET ROLE ${RUNTIME_ROLE}` : ''}`).then(
        () => {
          if (++connections > 1) feed.emit('resync', 'reconnected to the embedded database');
          done(null, connection);
        },
        (e: Error) => done(e, connection),
      );
    });
  };
}

/**
 * The role the desk's embedded connection runs as once migrated (migrations/20261202030100):
 * it cannot alter or disable the audit log's trigger, nor rewrite its rows. Migrations run
 * before, as the database's owner; a reconnect comes back as the runtime role.
 */
export const RUNTIME_ROLE = 'clinic_app';
interface RuntimeRole {
  active: boolean;
}

type ServerAddress = Pick<EmbeddedServer, 'host' | 'port'>;

/**
 * `server` is asked for on every new connection: after a restore the data folder is served by a
 * new worker on a new socket, and the pool's connection to the old one is replaced on next use.
 */
export function embeddedKnexConfig(
  server: () => ServerAddress,
  feed?: ChangeFeed,
  runtime: RuntimeRole = { active: false },
  log: Knex.Config['log'] = knexLog,
): Knex.Config {
  // Knex keeps `userParams` (knex.userParams) though its Config type does not name it.
  const config: Knex.Config & { userParams: Record<string, unknown> } = {
    client: 'pg',
    connection: () => {
      const serving = server();
      return {
        host: serving.host,
        port: serving.port,
        user: 'postgres',
        database: 'postgres',
        types: clinicTypes,
        expirationChecker: () => server() !== serving,
      } as Knex.PgConnectionConfig;
    },
    // PGlite is one Postgres backend: its socket server takes one connection, and requests
    // queue in the pool instead. Kept open, since reconnecting races the socket's own close.
    pool: { min: 0, max: 1, idleTimeoutMillis: 24 * 3600_000, afterCreate: feed ? listenOnConnection(feed, runtime) : prepareSession },
    acquireConnectionTimeout: 30_000,
    userParams: OWN_CONNECTIONS,
    log,
  };
  return config;
}

export interface ReplaceSteps {
  /** Run on the loaded copy before it replaces anything (refuse it, migrate it); as the owner. */
  prepare(knex: Knex): Promise<void>;
  /** Run once the copy is ready, just before the open database stops (the safety backup, signing everyone out). */
  beforeSwap(): Promise<void>;
}

/**
 * Loads a data-folder dump into a fresh folder beside target and returns it, after `prepare`
 * (when given) has run on it; on any failure the folder is removed and the error passed on.
 * Nothing of target is touched.
 */
export async function stageDataDir(target: string, dump: string, prepare?: (knex: Knex) => Promise<void>): Promise<string> {
  const staging = `${target}.restoring`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const server = await startEmbeddedServer(staging, dump);
    try {
      if (prepare) {
        const knex = knexFactory(embeddedKnexConfig(() => server));
        try {
          await prepare(knex);
        } finally {
          await knex.destroy();
        }
      }
    } finally {
      await server.stop();
    }
  } catch (err) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return staging;
}

async function openServer(config: ServerDatabaseConfig): Promise<Database> {
  const generations = new ConnectionGenerations();
  const knex = knexFactory(serverKnexConfig(config, generations));
  // A statement that found its connection dead, or its prepared plan stale after a migration,
  // retires the rest at once, before its caller retries.
  knex.on('query-error', (err: unknown) => {
    if (isLostConnection(err) || isStalePlan(err)) generations.retire();
  });
  const listener = startServerFeed({ connection: serverConnection(sessionConfig(config)) });
  return {
    mode: 'server',
    config,
    knex,
    changes: listener.feed,
    async close() {
      await listener.stop();
      await knex.destroy();
    },
  };
}

async function openEmbedded(config: EmbeddedDatabaseConfig): Promise<Database> {
  const engine = (await takeEarlyEngine(config.dataDir)) ?? startEngine(config.dataDir);
  const { lock } = engine;
  const target = pgDataDir(config);
  let server = await engine.server;
  const changes = new ChangeFeed();
  const runtime: RuntimeRole = { active: false };
  const engineLog = replaceableEngineLog();
  const knex = knexFactory(embeddedKnexConfig(() => server, changes, runtime, engineLog.log));
  const stopMaintenance = startMaintenance(knex, (message, err) => console.error(`[clinic-desk] ${message}`, err));
  let closing: Promise<void> | undefined;
  // The pool's one connection is held while the engine changes, so calls made meanwhile wait for
  // the new one (up to the pool's acquire timeout) instead of failing on a stopped one.
  const pool = knex.client as { acquireConnection(): Promise<unknown>; releaseConnection(c: unknown): Promise<void> };
  const whileHeld = async (work: () => Promise<void>) => {
    const held = await pool.acquireConnection();
    try {
      await work();
    } finally {
      engineLog.replaced();
      await pool.releaseConnection(held);
    }
  };
  return {
    mode: 'embedded',
    config,
    knex,
    changes,
    async useRuntimeRole() {
      runtime.active = true;
      // The pool's one connection, already open: it switches now (a new one does on connect).
      await knex.raw(`SET ROLE ${RUNTIME_ROLE}`);
    },
    async dumpDataDir() {
      // Flushed first, so the image needs no WAL replay when it is loaded.
      await knex.raw('CHECKPOINT');
      return server.dumpDataDir();
    },
    scrubReplacedRows: (table) => scrubReplacedRows(knex, table),
    async replaceDataDir(dump, steps) {
      const staging = await stageDataDir(target, dump, steps.prepare);
      try {
        await steps.beforeSwap();
      } catch (err) {
        fs.rmSync(staging, { recursive: true, force: true });
        throw err;
      }
      await whileHeld(async () => {
        await server.stop();
        const replaced = `${target}.replaced`;
        fs.rmSync(replaced, { recursive: true, force: true });
        fs.renameSync(target, replaced);
        fs.renameSync(staging, target);
        try {
          server = await startEmbeddedServer(target);
        } catch (err) {
          // The old database goes back, so the app keeps answering with what it had.
          fs.renameSync(target, staging);
          fs.renameSync(replaced, target);
          server = await startEmbeddedServer(target);
          fs.rmSync(staging, { recursive: true, force: true });
          throw err;
        }
        fs.rmSync(replaced, { recursive: true, force: true });
      });
    },
    restartEngine: () =>
      whileHeld(async () => {
        await server.stop();
        server = await startEmbeddedServer(target);
      }),
    close() {
      closing ??= (async () => {
        await stopMaintenance();
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
    if (schema === 'migrate') {
      if ((await migrateIfBehind(db.knex)).length > 0) await db.restartEngine?.();
      await db.useRuntimeRole?.();
    }
    if (schema === 'guard') await assertSchemaCurrent(db.knex);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}
