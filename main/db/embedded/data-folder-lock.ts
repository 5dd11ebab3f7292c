import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSetupError } from '../errors';
import { privateFolder } from './private-files';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface DataFolderLock {
  readonly file: string;
  release(): void;
}

const LOCK_NAME = 'clinic-desk.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): LockOwner | undefined {
  try {
    const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockOwner>;
    if (typeof owner.pid === 'number' && typeof owner.host === 'string') {
      return { pid: owner.pid, host: owner.host, startedAt: String(owner.startedAt ?? '') };
    }
  } catch {
    // unreadable or half-written: treated as stale below
  }
  return undefined;
}

function inUse(dataDir: string, owner: LockOwner): DatabaseSetupError {
  const where = owner.host === os.hostname() ? `process ${owner.pid}` : `computer "${owner.host}"`;
  return new DatabaseSetupError(
    `The clinic data folder ${dataDir} is already open in another Clinic Desk (${where}, since ${owner.startedAt}). ` +
      'Close that one first, or set CLINIC_DATA_DIR to a different folder.',
    'LOCKED',
  );
}

/**
 * One process at a time may open an embedded data folder: PGlite has no locking of its own and
 * two writers would corrupt it. A lock left by a process that died (crash, kill -9, power cut)
 * is taken over at once, so the app always reopens after a crash. (A time-based lock library
 * would refuse for its stale period after every crash; the pid check needs no wait.)
 */
export function lockDataFolder(dataDir: string): DataFolderLock {
  // The clinic data folder is the user's alone (0700), even inside a folder others may read.
  privateFolder(dataDir);
  const file = path.join(dataDir, LOCK_NAME);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  const temp = `${file}.${process.pid}.${Date.now()}`;
  fs.writeFileSync(temp, JSON.stringify(me), { mode: 0o600 });
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        // link() is atomic and fails when the lock exists: no window between check and create.
        fs.linkSync(temp, file);
        return {
          file,
          release() {
            const owner = readOwner(file);
            if (owner?.pid === me.pid && owner.host === me.host) fs.rmSync(file, { force: true });
          },
        };
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      }
      const owner = readOwner(file);
      if (owner) {
        const sameHost = owner.host === me.host;
        if (!sameHost || owner.pid === me.pid || isAlive(owner.pid)) throw inUse(dataDir, owner);
      }
      fs.rmSync(file, { force: true });
    }
    throw new DatabaseSetupError(`Could not lock the clinic data folder ${dataDir}; try again`, 'LOCKED');
  } finally {
    fs.rmSync(temp, { force: true });
  }
}
