import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { DatabaseConfig } from '../db/config';
import { openDatabase, type Database } from '../db/open';
import type { ClinicKey } from '../secrets/clinic-key';
import type { Knex } from 'knex';
import { migrations } from '../../migrations';
import { migrateToLatest, schemaStatus } from '../db/migrator';
import { dumpEmbedded, embeddedHoldsDatabase, restoreEmbedded, restoreEmbeddedLive } from './embedded-backup';
import { decryptToFile, HEADER_BYTES, parseHeader, writeEncrypted, type EncryptedHeader } from './encrypted-file';
import { say, type Sentence } from '../shared/say';
import { BackupError } from './errors';
import { finishRun, startRun } from './repo';
import { dumpedMigrations, dumpServer, restoreServer, serverTableCount } from './server-backup';

// Inside the encryption, server backups are pg_dump's custom format (starts with "PGDMP") and
// embedded ones PGlite's gzipped data-folder tarball; each restores only into its own mode.
// Backups written before encryption are those formats bare, and still restore.
const FORMATS = {
  server: { extension: '.dump.enc', magic: Buffer.from('PGDMP'), label: say`a clinic server (pg_dump)` },
  embedded: { extension: '.tar.gz.enc', magic: Buffer.from([0x1f, 0x8b]), label: say`an embedded database (data folder)` },
} as const;

const BACKUP_PREFIX = 'clinic-desk-';

/** A file named as Clinic Desk names this mode's backups (encrypted, or plain from before encryption). */
export function isBackupName(mode: DatabaseConfig['mode'], name: string): boolean {
  return new RegExp(`^${BACKUP_PREFIX}${mode}-\\d{8}-\\d{6}(\\d{3})?\\.(dump|tar\\.gz)(\\.enc)?$`).test(name);
}

/** When a backup named as backupFileName names them was taken (UTC); names from before milliseconds too. */
export function takenAt(name: string): Date {
  const [, y, mo, d, h, mi, sec, ms = '000'] = /-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(\d{3})?\./.exec(name)!;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}.${ms}Z`);
}

/** The key id an encrypted backup names in its header; null for a plain one from before encryption. */
export function backupKeyId(file: string): string | null {
  return inspect(file).encrypted?.keyId ?? null;
}

export interface BackupResult {
  file: string;
  bytes: number;
}

/**
 * 2026-11-25T09:05:03.123Z -> 20261125-090503123 (UTC, sorts by time, safe in file names). A name
 * from before milliseconds (…-090503.dump) sorts before this form's names of its second.
 */
function fileStamp(at: Date): string {
  return at.toISOString().replace(/Z$/, '').replace(/[-:.]/g, '').replace('T', '-');
}

/**
 * Gives the finished backup its name without ever replacing another backup: two taken within the
 * same millisecond (two PCs backing up into one shared folder) get the next free millisecond.
 * A hard link claims a name atomically; a folder that cannot link (a FAT or exFAT stick, some
 * network shares) claims it by creating it exclusively, and the backup then takes the place of
 * its own empty claim.
 */
function settle(partial: string, folder: string, mode: DatabaseConfig['mode'], at: Date): string {
  for (let ms = at.getTime(); ; ms++) {
    const file = path.join(folder, backupFileName(mode, new Date(ms)));
    let linked: boolean;
    try {
      fs.linkSync(partial, file);
      linked = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      linked = false;
    }
    if (!linked) {
      try {
        fs.closeSync(fs.openSync(file, 'wx', 0o600));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw err;
      }
      fs.renameSync(partial, file);
      return file;
    }
    // The backup has its name; a partial name left behind (held open by a virus scanner) is
    // only clutter, and must not send the loop on to name the same backup again.
    try {
      fs.rmSync(partial, { force: true });
    } catch {
      // Left for the next look at the folder; nothing lists a .partial file as a backup.
    }
    return file;
  }
}

function backupFileName(mode: DatabaseConfig['mode'], at: Date): string {
  return `${BACKUP_PREFIX}${mode}-${fileStamp(at)}${FORMATS[mode].extension}`;
}

/**
 * Writes an encrypted backup of the database into folder. Embedded mode needs the open database
 * (its worker makes the dump); server mode streams pg_dump. The file is written under a
 * temporary name and renamed when complete, so a folder never shows a half backup; a folder
 * made here, and every file, is private to the user (0700/0600).
 */
export async function backupDatabase(config: DatabaseConfig, db: Database | undefined, folder: string, key: ClinicKey, at = new Date()): Promise<BackupResult> {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch (err) {
    throw new BackupError(say`The backup folder ${folder} cannot be used: ${(err as Error).message}`);
  }
  const partial = path.join(folder, `${backupFileName(config.mode, at)}.${randomBytes(4).toString('hex')}.partial`);
  const sink = (dump: Readable) => writeEncrypted(dump, partial, config.mode, key);
  try {
    if (config.mode === 'server') await dumpServer(config, sink);
    else {
      if (!db) throw new BackupError(say`An embedded backup is taken from the open database`);
      await dumpEmbedded(db, sink);
    }
    const file = settle(partial, folder, config.mode, at);
    return { file, bytes: fs.statSync(file).size };
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof BackupError) throw err;
    throw new BackupError(say`The backup to ${folder} failed: ${(err as Error).message}`);
  }
}

interface Inspected {
  mode: DatabaseConfig['mode'];
  /** Absent for a backup written before backups were encrypted. */
  encrypted: EncryptedHeader | undefined;
}

function inspect(file: string): Inspected {
  const head = Buffer.alloc(HEADER_BYTES);
  try {
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, HEADER_BYTES, 0);
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    throw new BackupError(say`The backup file ${file} cannot be read: ${(err as Error).message}`);
  }
  const encrypted = parseHeader(head);
  if (encrypted) return { mode: encrypted.mode, encrypted };
  for (const mode of ['server', 'embedded'] as const) {
    if (head.subarray(0, FORMATS[mode].magic.length).equals(FORMATS[mode].magic)) return { mode, encrypted: undefined };
  }
  throw new BackupError(say`${file} is not a Clinic Desk backup (neither an encrypted backup, a pg_dump custom-format file nor a data-folder dump)`);
}

/** The key a restore decrypts with, and where it came from (named when it is missing or wrong). */
export interface RestoreKey {
  key: ClinicKey | undefined;
  source: string | Sentence;
}

export interface RestoreOptions {
  /** Replace a database that already holds tables (the flag a person gives to confirm). */
  force: boolean;
  key: RestoreKey;
  /** The key the safety backup of a replaced database is encrypted with (this PC's own). */
  safetyKey: () => ClinicKey;
  at?: Date;
}

export interface RestoreResult {
  /** Where the replaced database was kept: a backup file (server) or a renamed folder (embedded). */
  previous: string | undefined;
}

const RECOVERY_HINT = say`give the recovery key exported from the PC that made it: npm run db:restore -- <file> --recovery-key-file <file holding the key>`;

function checkKey(file: string, header: EncryptedHeader, given: RestoreKey): ClinicKey {
  const name = path.basename(file);
  if (!given.key) throw new BackupError(say`${name} is encrypted, and there is no clinic key here (${given.source}). To restore it, ${RECOVERY_HINT}.`);
  if (given.key.id !== header.keyId) {
    throw new BackupError(
      say`${name} was encrypted with clinic key ${header.keyId}, but the key given (${given.source}) is key ${given.key.id}: the wrong key. To restore it, ${RECOVERY_HINT}.`,
    );
  }
  return given.key;
}

/**
 * The backup as the restore tools read it: a decrypted, authenticated copy in a private temp
 * folder (removed afterwards), or the file itself when it predates encryption.
 */
async function withPlainBackup<T>(file: string, backup: Inspected, key: RestoreKey, use: (plain: string) => Promise<T>): Promise<T> {
  if (!backup.encrypted) return use(file);
  const k = checkKey(file, backup.encrypted, key);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-restore-'));
  try {
    const plain = path.join(dir, 'backup');
    await decryptToFile(file, backup.encrypted, k, plain);
    const inner = inspect(plain);
    if (inner.encrypted || inner.mode !== backup.mode)
      throw new BackupError(say`${path.basename(file)} decrypts to something other than a backup of ${FORMATS[backup.mode].label}`);
    return await use(plain);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Restores a backup into the configured database. Over an existing database it refuses unless
 * forced; when forced, the current database is first kept (a safety dump beside the backup in
 * server mode, the renamed folder in embedded mode), so no restore silently loses data. The key
 * and the file's integrity are checked before anything is replaced.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string, options: RestoreOptions): Promise<RestoreResult> {
  const backup = inspect(file);
  if (backup.mode !== config.mode) {
    throw new BackupError(say`${path.basename(file)} is a backup of ${FORMATS[backup.mode].label}; it cannot be restored into ${FORMATS[config.mode].label}.`);
  }
  if (backup.encrypted) checkKey(file, backup.encrypted, options.key);
  const at = options.at ?? new Date();
  if (config.mode === 'embedded') {
    if (embeddedHoldsDatabase(config) && !options.force) {
      throw new BackupError(
        say`The data folder ${config.dataDir} already holds a clinic database. To replace it, run the restore again with --force (the current database is kept beside it).`,
      );
    }
    return { previous: await withPlainBackup(file, backup, options.key, (plain) => restoreEmbedded(config, plain, fileStamp(at))) };
  }
  const tables = await serverTableCount(config);
  if (tables > 0 && !options.force) {
    throw new BackupError(
      say`The clinic database already holds ${tables} tables. To replace it, run the restore again with --force (a safety backup of it is taken first).`,
    );
  }
  return withPlainBackup(file, backup, options.key, async (plain) => {
    let previous: string | undefined;
    if (tables > 0)
      previous = (await backupDatabase(config, undefined, path.join(path.dirname(path.resolve(file)), 'before-restore'), options.safetyKey(), at)).file;
    await restoreServer(config, plain, tables > 0);
    return { previous };
  });
}

export interface LiveRestoreOptions {
  /** This PC's clinic key: what the backup must have been encrypted with. */
  key: RestoreKey;
  /**
   * Run once the backup has been checked (key, integrity, schema) and just before the database
   * is replaced: the safety backup, and signing everyone out.
   */
  beforeReplace(): Promise<void>;
}

/** Refuses a backup whose database a newer Clinic Desk migrated: this code cannot run it. */
function refuseNewer(file: string, applied: readonly string[]): void {
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new BackupError(
      say`${path.basename(file)} was made by a newer Clinic Desk (its database has ${unknown.length} change(s) this version does not know, the latest ${unknown[unknown.length - 1]!}). Update Clinic Desk on this PC first; nothing was restored.`,
    );
  }
}

/**
 * Restores a backup into the open database while the app runs (the Admin screen): the same
 * checks as restoreDatabase (mode, key, integrity), and the backup's schema against this
 * code's, all before anything is replaced; then beforeReplace; then the replacement, brought up
 * to this version's schema. Server mode empties the schema and runs pg_restore, as the command
 * does; embedded mode swaps the data folder under a restarted worker.
 */
export async function restoreLive(db: Database, file: string, options: LiveRestoreOptions): Promise<void> {
  const backup = inspect(file);
  const config = db.config;
  if (backup.mode !== config.mode) {
    throw new BackupError(say`${path.basename(file)} is a backup of ${FORMATS[backup.mode].label}; it cannot be restored into ${FORMATS[config.mode].label}.`);
  }
  if (backup.encrypted) checkKey(file, backup.encrypted, options.key);
  await withPlainBackup(file, backup, options.key, async (plain) => {
    if (config.mode === 'embedded') {
      const prepare = async (knex: Knex) => {
        refuseNewer(file, (await schemaStatus(knex)).applied);
        await migrateToLatest(knex);
      };
      await restoreEmbeddedLive(db, plain, { prepare, beforeSwap: options.beforeReplace });
      return;
    }
    refuseNewer(file, await dumpedMigrations(config, plain));
    await options.beforeReplace();
    await restoreServer(config, plain, true);
    try {
      await migrateToLatest(db.knex);
    } catch (err) {
      throw new BackupError(
        say`${path.basename(file)} was restored, but bringing its database up to this version failed (${(err as Error).message}): run npm run db:migrate.`,
      );
    }
  });
}

/**
 * Opens the configured database just long enough to back it up (the command-line backup), and
 * records the run where the schema keeps them, so the ADMIN screens count it as the last backup.
 * The record is written after the dump, so the backup holds exactly the data as it was.
 */
export async function backupConfigured(config: DatabaseConfig, folder: string, key: ClinicKey): Promise<BackupResult> {
  const db = await openDatabase(config, { schema: 'none' });
  try {
    const record = async (outcome: Parameters<typeof finishRun>[2]) => {
      if (!(await db.knex.schema.hasTable('backup_runs'))) return;
      const id = await startRun(db.knex, 'COMMAND_LINE', os.hostname());
      if (id !== undefined) await finishRun(db.knex, id, outcome);
    };
    let done: BackupResult;
    try {
      done = await backupDatabase(config, db, folder, key);
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
