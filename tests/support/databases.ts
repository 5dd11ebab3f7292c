import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseConfig, EmbeddedDatabaseConfig, ServerDatabaseConfig } from '../../main/db/config';
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

export async function scratchServerDatabase(): Promise<Scratch & { config: ServerDatabaseConfig; name: string }> {
  const name = `clinic_test_${randomBytes(6).toString('hex')}`;
  const admin = adminKnex();
  try {
    await admin.raw('CREATE DATABASE ??', [name]);
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
  const s = await scratch(mode);
  const db = await openDatabase(s.config, { schema: 'none' });
  return {
    db,
    async dispose() {
      await db.close();
      await s.dispose();
    },
  };
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
