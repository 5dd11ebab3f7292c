import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRun } from '../../preload/contract';
import type { DatabaseConfig } from '../../main/db/config';
import { openDatabase, type Database } from '../../main/db/open';
import { seedDemoClinic } from '../../main/demo/seed-demo-clinic';
import { UNUSED_DEMO_LOGINS } from '../support/demo-logins';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, scratchServerDatabase, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

/** Every path under root (root included) that group or others may read, write or enter. */
function exposed(root: string): string[] {
  const found: string[] = [];
  const visit = (target: string) => {
    const stat = fs.lstatSync(target);
    if ((stat.mode & 0o077) !== 0) found.push(`${path.relative(root, target) || '.'} ${(stat.mode & 0o777).toString(8)}`);
    if (stat.isDirectory()) for (const name of fs.readdirSync(target)) visit(path.join(target, name));
  };
  visit(root);
  return found;
}

// POSIX modes only: on Windows the data lives in the user's profile (README, Security).
describe.runIf(process.platform !== 'win32').each(MODES)('patient data is private to the user at rest (%s)', (mode: Mode) => {
  let umask: number;
  let parent: string;
  let config: DatabaseConfig;
  let db: Database;
  let h: Harness;
  let disposeServer: (() => Promise<void>) | undefined;
  const backups = () => path.join(parent, 'backups');

  beforeAll(async () => {
    // The conditions of the attack: a permissive umask, and a parent folder others may list.
    umask = process.umask(0o022);
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-private-'));
    fs.chmodSync(parent, 0o755);
    if (mode === 'embedded') config = { mode, dataDir: path.join(parent, 'Clinic Desk') };
    else {
      const s = await scratchServerDatabase();
      config = s.config;
      disposeServer = () => s.dispose();
    }
    db = await openDatabase(config, { schema: 'none' });
    h = await startHarness(mode, db);
  });
  afterAll(async () => {
    await h?.dispose();
    await db?.close();
    await disposeServer?.();
    process.umask(umask);
    fs.rmSync(parent, { recursive: true, force: true });
  });

  it('after migrate, a day of bookings, a checkpoint and a backup, nothing under the data or backup folder is open to others', async () => {
    expect((await fs.promises.stat(parent)).mode & 0o777).toBe(0o755);
    // A day of bookings: the demo clinic's appointments, payments and patients for today.
    await seedDemoClinic(h.knex, { today: clinicNow((await h.services.settings.get()).timeZone).date, ...UNUSED_DEMO_LOGINS });
    // Before anything tightens the folder again: what PGlite created while serving (new WAL
    // segments, relation files) was private from the start.
    if (config.mode === 'embedded') expect(exposed(config.dataDir)).toEqual([]);
    await h.knex.raw('CHECKPOINT');
    const admin = await h.signInAs('ADMIN');
    expectOk(await h.call('backup.saveSchedule', { enabled: false, timeOfDay: '21:00', folder: backups(), keepLast: 3 }, admin.sessionKey));
    const run = expectOk<BackupRun>(await h.call('backup.runNow', {}, admin.sessionKey));
    expect(run.ok).toBe(true);
    expect(exposed(backups())).toEqual([]);

    if (config.mode === 'embedded') {
      // Thousands of rows written: WAL segments and relation files PGlite created while serving.
      expect(fs.readdirSync(path.join(config.dataDir, 'pgdata', 'pg_wal')).length).toBeGreaterThan(0);
      expect(exposed(config.dataDir)).toEqual([]);
      // The socket folder pg connects through, and the socket in it (the settings knex resolved:
      // its configuration is a function, since a restore moves the database to a new socket).
      const socketDir = (db.knex.client.connectionSettings as { host: string }).host;
      expect(exposed(socketDir)).toEqual([]);
      await db.close();
      // Closing checkpoints once more; what that wrote is private too.
      expect(exposed(config.dataDir)).toEqual([]);
    }
  });

  it.runIf(mode === 'embedded')('tightens a data folder an older version left open to others, when it is opened', async () => {
    const dataDir = path.join(parent, 'Clinic Desk');
    for (const dir of [dataDir, path.join(dataDir, 'pgdata'), path.join(dataDir, 'pgdata', 'base')]) fs.chmodSync(dir, 0o755);
    const loose = path.join(dataDir, 'pgdata', 'PG_VERSION');
    fs.chmodSync(loose, 0o666);
    const reopened = await openDatabase(config, { schema: 'none' });
    try {
      expect(exposed(dataDir)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
