import { execFile, spawn } from 'node:child_process';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import pg from 'pg';
import type { ServerDatabaseConfig } from '../db/config';
import { serverConnection } from '../db/server';
import { say } from '../shared/say';
import { BackupError } from './errors';
import { findPgTool, libpqEnv } from './pg-tools';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 30 * 60_000;

async function tool(name: 'pg_dump' | 'pg_restore', args: string[], config: ServerDatabaseConfig): Promise<string> {
  try {
    return (await run(findPgTool(name), args, { env: libpqEnv(config), timeout: TOOL_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (err) {
    if (err instanceof BackupError) throw err;
    const stderr = String((err as { stderr?: string }).stderr ?? '').trim();
    throw new BackupError(say`${name} failed: ${stderr || (err as Error).message}`);
  }
}

/**
 * pg_dump in its custom format (compressed, restorable table by table with pg_restore), streamed
 * to sink as it is written: the plain dump never touches the disk.
 */
export async function dumpServer(config: ServerDatabaseConfig, sink: (dump: Readable) => Promise<void>): Promise<void> {
  const child = spawn(findPgTool('pg_dump'), ['--format=custom'], { env: libpqEnv(config), stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  const timer = setTimeout(() => child.kill(), TOOL_TIMEOUT_MS);
  try {
    const [, code] = await Promise.all([sink(child.stdout), exited]);
    if (code !== 0) throw new BackupError(say`pg_dump failed: ${stderr.trim() || say`exit code ${String(code)}`}`);
  } catch (err) {
    child.kill();
    if (err instanceof BackupError) throw err;
    throw new BackupError(say`pg_dump failed: ${stderr.trim() || (err as Error).message}`);
  } finally {
    clearTimeout(timer);
  }
}

/** How many tables the database's public schema holds: a restore over them needs --force. */
export async function serverTableCount(config: ServerDatabaseConfig): Promise<number> {
  const client = new pg.Client(serverConnection(config));
  await client.connect();
  try {
    const r = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
    return r.rows[0].n as number;
  } finally {
    await client.end();
  }
}

/**
 * Restores a pg_dump file into the configured database. The file is checked first (pg_restore
 * --list), so a bad file never costs the current data; replacing means emptying the public
 * schema, then one transaction for the whole restore. Owners and grants are the dumping
 * server's and may not exist here, so the restoring user owns everything.
 */
export async function restoreServer(config: ServerDatabaseConfig, file: string, replace: boolean): Promise<void> {
  await tool('pg_restore', ['--list', file], config);
  if (replace) {
    const client = new pg.Client(serverConnection(config));
    await client.connect();
    try {
      await client.query('BEGIN; DROP SCHEMA public CASCADE; CREATE SCHEMA public; COMMIT;');
    } finally {
      await client.end();
    }
  }
  await tool('pg_restore', ['--exit-on-error', '--single-transaction', '--no-owner', '--no-acl', `--dbname=${libpqEnv(config).PGDATABASE}`, file], config);
}

/**
 * The migrations a pg_dump file's database had applied, read from the file alone (pg_restore
 * prints that one table's COPY block): whether it is older or newer than this code is known
 * before anything is replaced.
 */
export async function dumpedMigrations(config: ServerDatabaseConfig, file: string): Promise<string[]> {
  const script = await tool('pg_restore', ['--data-only', '--table=knex_migrations', '--file=-', file], config);
  const lines = script.split('\n');
  const start = lines.findIndex((l) => /^COPY \S*knex_migrations \(/.test(l));
  if (start < 0) return [];
  const columns = /\((.*)\)/
    .exec(lines[start]!)![1]!
    .split(',')
    .map((c) => c.trim());
  const nameAt = columns.indexOf('name');
  const names: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    names.push(line.split('\t')[nameAt]!);
  }
  return names;
}
