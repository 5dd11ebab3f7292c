import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig, EmbeddedDatabaseConfig, ServerDatabaseConfig } from '../../main/db/config';
import { migrateToLatest } from '../../main/db/migrator';
import { pgDataDir } from '../../main/db/embedded/engine';
import { openDatabase, type Database } from '../../main/db/open';
import { pgErrorFields } from '../../main/db/pg-errors';

/** The shared PostgreSQL on this machine; tests only ever create and drop their own databases. */
export const ADMIN_URL = process.env.CLINIC_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Mode = DatabaseConfig['mode'];
const ALL_MODES: readonly Mode[] = ['server', 'embedded'];

/**
 * The modes the database suites run in: both, unless CLINIC_TEST_MODES names some
 * (comma-separated). The fast lane (`npm run test:fast`) runs one; `npm test` runs both.
 */
export function modesFrom(value: string | undefined): readonly Mode[] {
  if (value === undefined || value.trim() === '') return ALL_MODES;
  const named = value.split(',').map((m) => m.trim());
  const unknown = named.filter((m) => !(ALL_MODES as readonly string[]).includes(m));
  if (unknown.length > 0 || named.length === 0) {
    throw new Error(`CLINIC_TEST_MODES: unknown mode ${unknown.map((m) => `"${m}"`).join(', ')}; use ${ALL_MODES.join(', ')} or both, comma-separated`);
  }
  return ALL_MODES.filter((m) => named.includes(m));
}

export const MODES: readonly Mode[] = modesFrom(process.env.CLINIC_TEST_MODES);

function adminKnex(): Knex {
  return knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });
}

export interface Scratch {
  config: DatabaseConfig;
  /** Drops the database or removes the folder. */
  dispose(): Promise<void>;
}

export async function scratchServerDatabase(opts: { template?: string } = {}): Promise<Scratch & { config: ServerDatabaseConfig; name: string }> {
  const name = `clinic_test_${randomBytes(6).toString('hex')}`;
  const admin = adminKnex();
  try {
    const { template } = opts;
    if (template) await untilFree(admin, () => admin.raw('CREATE DATABASE ?? TEMPLATE ??', [name, template]));
    else await admin.raw('CREATE DATABASE ??', [name]);
  } finally {
    await admin.destroy();
  }
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    name,
    config: {
      mode: 'server',
      url: url.toString(),
      sslMode: 'disable',
      caFile: undefined,
      poolMax: 5,
      statementTimeoutMs: 15_000,
    },
    async dispose() {
      const drop = adminKnex();
      try {
        await drop.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]);
      } finally {
        await drop.destroy();
      }
    },
  };
}

export function scratchEmbeddedDir(): Scratch & { config: EmbeddedDatabaseConfig } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-test-'));
  return {
    config: { mode: 'embedded', dataDir },
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function scratch(mode: Mode): Promise<Scratch> {
  return mode === 'server' ? scratchServerDatabase() : Promise.resolve(scratchEmbeddedDir());
}

/** A fresh, empty database of the given mode, opened without migrating. */
export async function openScratch(mode: Mode): Promise<{ db: Database; dispose(): Promise<void> }> {
  return openScratchFrom(await scratch(mode));
}

async function openScratchFrom(s: Scratch): Promise<{ db: Database; dispose(): Promise<void> }> {
  const db = await openDatabase(s.config, { schema: 'none' });
  return {
    db,
    async dispose() {
      await db.close();
      await s.dispose();
    },
  };
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * Names the schema the migrations build: what they are, how they run, and (embedded) the
 * PGlite whose files hold it. A template made by other migrations is never reused.
 */
function schemaKey(mode: Mode): string {
  const hash = createHash('sha256');
  const dir = path.join(ROOT, 'migrations');
  for (const name of fs.readdirSync(dir).sort()) hash.update(name).update(fs.readFileSync(path.join(dir, name)));
  hash.update(fs.readFileSync(path.join(ROOT, 'main/db/migrator.ts')));
  if (mode === 'embedded') hash.update(fs.readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
  return hash.digest('hex').slice(0, 16);
}

/** Runs every migration on a fresh database of this config: the one way a template is made. */
async function migrateFresh(config: DatabaseConfig): Promise<void> {
  const db = await openDatabase(config, { schema: 'none' });
  try {
    await migrateToLatest(db.knex);
  } finally {
    await db.close();
  }
}

const SERVER_BUSY = '55006'; // object_in_use: a backend of the database is still exiting

/**
 * The migrated template database on the server, made once by whichever test gets there first
 * (an advisory lock keeps the others waiting, then they find it made). It is migrated under
 * another name and renamed when whole, so a half-made template is never copied; nothing but
 * CREATE DATABASE ... TEMPLATE ever connects to it after.
 */
async function serverTemplate(): Promise<string> {
  const name = `clinic_template_${schemaKey('server')}`;
  const exists = async (k: Knex) => (await k.raw('SELECT 1 FROM pg_database WHERE datname = ?', [name])).rows.length > 0;
  const admin = adminKnex();
  try {
    if (await exists(admin)) return name;
    await admin.raw('SELECT pg_advisory_lock(hashtext(?))', [name]);
    try {
      if (await exists(admin)) return name;
      const building = await scratchServerDatabase();
      await migrateFresh(building.config).catch(async (err: unknown) => {
        await building.dispose();
        throw err;
      });
      await untilFree(admin, () => admin.raw('ALTER DATABASE ?? RENAME TO ??', [building.name, name]));
    } finally {
      await admin.raw('SELECT pg_advisory_unlock(hashtext(?))', [name]);
    }
    return name;
  } finally {
    await admin.destroy();
  }
}

/** Retries a statement that needs a database nobody is connected to, while the last backend exits. */
async function untilFree(admin: Knex, statement: () => Promise<unknown>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await statement();
      return;
    } catch (err) {
      if (pgErrorFields(err).code !== SERVER_BUSY || attempt >= 100) throw err;
      await admin.raw('SELECT pg_sleep(0.05)');
    }
  }
}

/**
 * The migrated template data folder for PGlite, made once per schema on this machine. Made in
 * a folder of its own and renamed into place when whole (a rename is atomic; a test that lost
 * the race to make it uses the winner's and drops its own).
 */
async function embeddedTemplate(): Promise<string> {
  const root = path.join(os.tmpdir(), 'clinic-test-templates');
  const template = path.join(root, schemaKey('embedded'));
  if (fs.existsSync(template)) return template;
  fs.mkdirSync(root, { recursive: true, mode: 0o700 });
  const building = fs.mkdtempSync(path.join(root, 'building-'));
  try {
    await migrateFresh({ mode: 'embedded', dataDir: building });
    try {
      fs.renameSync(pgDataDir({ dataDir: building }), template);
    } catch (err) {
      if (!fs.existsSync(template)) throw err;
    }
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
  return template;
}

/**
 * A scratch database already at the newest migration, copied from a template migrated once:
 * for tests of what the app does with its schema, not of the migrations themselves (those start
 * from `scratch`). Migrating a fresh PGlite costs seconds; copying its files, a fraction.
 */
export async function scratchMigrated(mode: 'embedded'): Promise<Scratch & { config: EmbeddedDatabaseConfig }>;
export async function scratchMigrated(mode: Mode): Promise<Scratch>;
export async function scratchMigrated(mode: Mode): Promise<Scratch> {
  if (mode === 'embedded') {
    const template = await embeddedTemplate();
    const s = scratchEmbeddedDir();
    fs.cpSync(template, pgDataDir(s.config), { recursive: true });
    return s;
  }
  return scratchServerDatabase({ template: await serverTemplate() });
}

/** `scratchMigrated`, opened. */
export async function openMigrated(mode: Mode): Promise<{ db: Database; dispose(): Promise<void> }> {
  return openScratchFrom(await scratchMigrated(mode));
}

/** The SQLSTATE of a failed query, for asserting what the database refused. */
export async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return pgErrorFields(err).code;
  }
  return undefined;
}
