import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { EmbeddedDatabaseConfig } from '../db/config';
import { lockDataFolder } from '../db/embedded/data-folder-lock';
import { pgDataDir } from '../db/embedded/engine';
import { stageDataDir, type Database, type ReplaceSteps } from '../db/open';
import { say } from '../shared/say';
import { BackupError } from './errors';

/** A dump of the open embedded database, through its worker (the folder stays in use), handed to sink. */
export async function dumpEmbedded(db: Database, sink: (dump: Readable) => Promise<void>): Promise<void> {
  if (!db.dumpDataDir) throw new BackupError(say`This database is not an embedded one; it cannot be dumped as a data folder`);
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
    const staging = await loadDump(target, file);
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

/** stageDataDir, its failure said as a restore's. */
async function loadDump(target: string, file: string): Promise<string> {
  try {
    return await stageDataDir(target, file);
  } catch (err) {
    throw new BackupError(say`The backup could not be loaded as an embedded database: ${(err as Error).message}`);
  }
}

/**
 * Restores a data-folder dump into the open embedded database while the app runs: the dump is
 * loaded and brought to this version's schema beside it first (prepare), and only then does it
 * take the database's place (see Database.replaceDataDir). The replaced folder is not kept: the
 * safety backup beforeSwap takes is its copy.
 */
export async function restoreEmbeddedLive(db: Database, file: string, steps: ReplaceSteps): Promise<void> {
  if (!db.replaceDataDir) throw new BackupError(say`This database is not an embedded one`);
  try {
    await db.replaceDataDir(file, steps);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    // Staging never touches the database, and a failed swap puts the old folder back.
    throw new BackupError(say`The backup could not replace the embedded database, which is left as it was: ${(err as Error).message}`);
  }
}
