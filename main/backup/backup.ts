import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DatabaseConfig } from '../db/config';
import { openDatabase, type Database } from '../db/open';
import { dumpEmbedded, embeddedHoldsDatabase, restoreEmbedded } from './embedded-backup';
import { BackupError } from './errors';
import { finishRun, startRun } from './repo';
import { dumpServer, restoreServer, serverTableCount } from './server-backup';

// Server backups are pg_dump's custom format (starts with "PGDMP"); embedded ones are PGlite's
// gzipped data-folder tarball. Each restores only into its own mode.
const FORMATS = {
  server: { extension: '.dump', magic: Buffer.from('PGDMP'), label: 'a clinic server (pg_dump)' },
  embedded: { extension: '.tar.gz', magic: Buffer.from([0x1f, 0x8b]), label: 'an embedded database (data folder)' },
} as const;

export const BACKUP_PREFIX = 'clinic-desk-';

export interface BackupResult {
  file: string;
  bytes: number;
}

/** 2026-11-25T09:05:03.123Z -> 20261125-090503 (UTC, sorts by time, safe in file names). */
export function fileStamp(at: Date): string {
  return at.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
}

export function backupFileName(mode: DatabaseConfig['mode'], at: Date): string {
  return `${BACKUP_PREFIX}${mode}-${fileStamp(at)}${FORMATS[mode].extension}`;
}

/**
 * Writes a backup of the database into folder. Embedded mode needs the open database (its
 * worker makes the dump); server mode runs pg_dump against the server. The file is written
 * under a temporary name and renamed when complete, so a folder never shows a half backup.
 */
export async function backupDatabase(config: DatabaseConfig, db: Database | undefined, folder: string, at = new Date()): Promise<BackupResult> {
  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (err) {
    throw new BackupError(`The backup folder ${folder} cannot be used: ${(err as Error).message}`);
  }
  const file = path.join(folder, backupFileName(config.mode, at));
  const partial = `${file}.partial`;
  try {
    if (config.mode === 'server') await dumpServer(config, partial);
    else {
      if (!db) throw new BackupError('An embedded backup is taken from the open database');
      await dumpEmbedded(db, partial);
    }
    fs.renameSync(partial, file);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(`The backup to ${folder} failed: ${(err as Error).message}`);
  }
  return { file, bytes: fs.statSync(file).size };
}

function formatOf(file: string): DatabaseConfig['mode'] {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    head = Buffer.alloc(5);
    fs.readSync(fd, head, 0, 5, 0);
    fs.closeSync(fd);
  } catch (err) {
    throw new BackupError(`The backup file ${file} cannot be read: ${(err as Error).message}`);
  }
  for (const mode of ['server', 'embedded'] as const) if (head.subarray(0, FORMATS[mode].magic.length).equals(FORMATS[mode].magic)) return mode;
  throw new BackupError(`${file} is not a Clinic Desk backup (neither a pg_dump custom-format file nor a data-folder dump)`);
}

export interface RestoreOptions {
  /** Replace a database that already holds tables (the flag a person gives to confirm). */
  force: boolean;
  at?: Date;
}

export interface RestoreResult {
  /** Where the replaced database was kept: a backup file (server) or a renamed folder (embedded). */
  previous: string | undefined;
}

/**
 * Restores a backup into the configured database. Over an existing database it refuses unless
 * forced; when forced, the current database is first kept (a safety dump beside the backup in
 * server mode, the renamed folder in embedded mode), so no restore silently loses data.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const format = formatOf(file);
  if (format !== config.mode) {
    throw new BackupError(`${path.basename(file)} is a backup of ${FORMATS[format].label}; it cannot be restored into ${FORMATS[config.mode].label}.`);
  }
  const at = options.at ?? new Date();
  if (config.mode === 'embedded') {
    if (embeddedHoldsDatabase(config) && !options.force) {
      throw new BackupError(`The data folder ${config.dataDir} already holds a clinic database. To replace it, run the restore again with --force (the current database is kept beside it).`);
    }
    return { previous: await restoreEmbedded(config, file, fileStamp(at)) };
  }
  const tables = await serverTableCount(config);
  if (tables > 0 && !options.force) {
    throw new BackupError(`The clinic database already holds ${tables} tables. To replace it, run the restore again with --force (a safety backup of it is taken first).`);
  }
  let previous: string | undefined;
  if (tables > 0) previous = (await backupDatabase(config, undefined, path.join(path.dirname(path.resolve(file)), 'before-restore'), at)).file;
  await restoreServer(config, file, tables > 0);
  return { previous };
}

/**
 * Opens the configured database just long enough to back it up (the command-line backup), and
 * records the run where the schema keeps them, so the ADMIN screens count it as the last backup.
 * The record is written after the dump, so the backup holds exactly the data as it was.
 */
export async function backupConfigured(config: DatabaseConfig, folder: string): Promise<BackupResult> {
  const db = await openDatabase(config, { schema: 'none' });
  try {
    const record = async (outcome: Parameters<typeof finishRun>[2]) => {
      if (!(await db.knex.schema.hasTable('backup_runs'))) return;
      const id = await startRun(db.knex, 'COMMAND_LINE', os.hostname());
      if (id !== undefined) await finishRun(db.knex, id, outcome);
    };
    let done: BackupResult;
    try {
      done = await backupDatabase(config, db, folder);
    } catch (err) {
      await record({ ok: false, message: (err as Error).message });
      throw err;
    }
    await record({ ok: true, file: done.file, bytes: done.bytes });
    return done;
  } finally {
    await db.close();
  }
}
