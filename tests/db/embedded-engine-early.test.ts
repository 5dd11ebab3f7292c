import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { discardEarlyEngine, pgDataDir, startEngineEarly } from '../../main/db/embedded/engine';
import { openDatabase } from '../../main/db/open';
import { scratchMigrated, type Scratch } from '../support/databases';

/*
 * The entry points start PGlite before main loads (startEngineEarly); openDatabase takes that
 * engine over. Each scenario is a fresh process's start, on a migrated copy of the schema.
 */

const lockOf = (dataDir: string) => path.join(dataDir, 'clinic-desk.lock');
const lockHolder = (dataDir: string) => (JSON.parse(fs.readFileSync(lockOf(dataDir), 'utf8')) as { pid: number }).pid;

const scratches: Scratch[] = [];
async function migratedFolder(): Promise<string> {
  const scratch = await scratchMigrated('embedded');
  scratches.push(scratch);
  return scratch.config.dataDir;
}

afterEach(async () => {
  await discardEarlyEngine();
  for (const scratch of scratches.splice(0)) await scratch.dispose();
});

describe('the embedded engine started early', () => {
  it('locks the folder at once, and the database opened on that folder is served by it', async () => {
    const dataDir = await migratedFolder();
    startEngineEarly({ CLINIC_DATA_DIR: dataDir }, '/not/this/one');
    expect(lockHolder(dataDir)).toBe(process.pid);
    // Locking the folder a second time in this process would be refused as a second Clinic Desk.
    const db = await openDatabase({ mode: 'embedded', dataDir });
    try {
      expect((await db.knex.raw('SELECT count(*)::int AS n FROM clinic_settings')).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
    expect(fs.existsSync(lockOf(dataDir))).toBe(false);
    // Taken over once: discarding afterwards leaves the closed folder alone.
    await discardEarlyEngine();
    expect(fs.existsSync(lockOf(dataDir))).toBe(false);
  });

  it('is stopped, and its folder unlocked, when the database opens on another folder', async () => {
    const guessed = await migratedFolder();
    const configured = await migratedFolder();
    startEngineEarly({}, guessed);
    expect(lockHolder(guessed)).toBe(process.pid);
    const db = await openDatabase({ mode: 'embedded', dataDir: configured });
    try {
      expect(fs.existsSync(lockOf(guessed))).toBe(false);
      expect(lockHolder(configured)).toBe(process.pid);
      // Nothing of the stopped engine holds the folder: another open succeeds.
      const other = await openDatabase({ mode: 'embedded', dataDir: guessed });
      await other.close();
    } finally {
      await db.close();
    }
  });

  it('is stopped by discardEarlyEngine when start-up fails before the database opens', async () => {
    const dataDir = await migratedFolder();
    startEngineEarly({ CLINIC_DATA_DIR: `  ${dataDir}  ` }, '/not/this/one');
    expect(lockHolder(dataDir)).toBe(process.pid);
    await discardEarlyEngine();
    expect(fs.existsSync(lockOf(dataDir))).toBe(false);
    const db = await openDatabase({ mode: 'embedded', dataDir });
    await db.close();
  });

  it('starts nothing when DATABASE_URL names a server', async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-early-server-'));
    try {
      startEngineEarly({ DATABASE_URL: 'postgres://clinic@127.0.0.1:9/clinic' }, userData);
      expect(fs.readdirSync(userData)).toEqual([]);
    } finally {
      fs.rmSync(userData, { recursive: true, force: true });
    }
  });

  it('leaves a folder another live process holds for openDatabase to refuse, with its reason', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-early-locked-'));
    try {
      // The parent process (vitest) is alive on this host: the lock is genuinely held.
      const owner = { pid: process.ppid, host: os.hostname(), startedAt: '2026-01-01T08:00:00.000Z' };
      fs.writeFileSync(lockOf(dataDir), JSON.stringify(owner));
      expect(() => startEngineEarly({ CLINIC_DATA_DIR: dataDir }, '/not/this/one')).not.toThrow();
      await expect(openDatabase({ mode: 'embedded', dataDir })).rejects.toMatchObject({ code: 'LOCKED' });
      expect(JSON.parse(fs.readFileSync(lockOf(dataDir), 'utf8'))).toEqual(owner);
      expect(fs.existsSync(pgDataDir({ dataDir }))).toBe(false);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
