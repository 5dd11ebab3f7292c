import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { EmbeddedDatabaseConfig } from '../db/config';
import { lockDataFolder } from '../db/embedded/data-folder-lock';
import { startEmbeddedServer } from '../db/embedded/worker-host';
import type { Database } from '../db/open';
import { pgDataDir } from '../db/open';
import { BackupError } from './errors';

/** A dump of the open embedded database, through its worker (the folder stays in use), handed to sink. */
export async function dumpEmbedded(db: Database, sink: (dump: Readable) => Promise<void>): Promise<void> {
  if (!db.dumpDataDir) throw new BackupError('This database is not an embedded one; it cannot be dumped as a data folder');
  await sink(Readable.from([await db.dumpDataDir()]));
}

export function embeddedHoldsDatabase(config: EmbeddedDatabaseConfig): boolean {
  return fs.existsSync(path.join(pgDataDir(config), 'PG_VERSION'));
}

/**
 * Restores a data-folder dump into the clinic data folder, which no Clinic Desk may have open
 * (its lock is taken); the caller has checked that replacing is wanted. The dump is loaded into a fresh folder beside it first; only once that
 * worked does it take the database's place, and the database it replaces is kept, renamed,
 * so a mistaken restore can be undone by hand. Returns where that one went.
 */
export async function restoreEmbedded(config: EmbeddedDatabaseConfig, file: string, stamp: string): Promise<string | undefined> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const lock = lockDataFolder(config.dataDir);
  try {
    const target = pgDataDir(config);
    const staging = `${target}.restoring`;
    fs.rmSync(staging, { recursive: true, force: true });
    try {
      const server = await startEmbeddedServer(staging, file);
      await server.stop();
    } catch (err) {
      fs.rmSync(staging, { recursive: true, force: true });
      throw new BackupError(`${file} could not be loaded as an embedded database: ${(err as Error).message}`);
    }
    let kept: string | undefined;
    if (fs.existsSync(target)) {
      kept = `${target}.replaced-${stamp}`;
      fs.renameSync(target, kept);
    }
    fs.renameSync(staging, target);
    return kept;
  } finally {
    lock.release();
  }
}
