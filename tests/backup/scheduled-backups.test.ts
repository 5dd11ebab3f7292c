import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRun, BackupStatus } from '../../preload/contract';
import { startBackupScheduler } from '../../main/backup/scheduler';
import { MODES, type Mode } from '../support/databases';
import { raceTest } from '../support/race-test';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe.each(MODES)('scheduled backups (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let adminId: number;
  let root: string;
  let folder: string;
  // Moving the clock by days would idle-lock the session: the ADMIN signs in again at each time.
  const at = (iso: string) => {
    h.clock.now = Date.parse(iso);
    h.services.sessions.signIn(admin, adminId);
  };
  const files = () => fs.readdirSync(folder).sort();
  const ours = () => files().filter((f) => f.startsWith(`clinic-desk-${mode}-`));
  const status = async () => expectOk<BackupStatus>(await h.call('backup.status', {}, admin));
  const tick = () => startBackupScheduler(h.services.backups, 'front-desk-1', () => undefined, 3_600_000);

  beforeAll(async () => {
    h = await startHarness(mode);
    ({ sessionKey: admin, userId: adminId } = await h.signInAs('ADMIN'));
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-scheduled-'));
    folder = path.join(root, 'usb', 'clinic-backups');
  });
  afterAll(async () => {
    await h.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('refuses a relative folder or one this PC cannot write to, saving nothing', async () => {
    const relative = await h.call('backup.saveSchedule', { enabled: true, timeOfDay: '21:30', folder: 'backups', keepLast: 2 }, admin);
    expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'folder' } });
    const aFile = path.join(root, 'not-a-folder');
    fs.writeFileSync(aFile, '');
    const unwritable = await h.call('backup.saveSchedule', { enabled: true, timeOfDay: '21:30', folder: path.join(aFile, 'x'), keepLast: 2 }, admin);
    expect(unwritable).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'folder', message: expect.stringMatching(/cannot write to .*ENOTDIR/) } });
    const badTime = await h.call('backup.saveSchedule', { enabled: true, timeOfDay: '25:00', folder, keepLast: 2 }, admin);
    expect(badTime).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'timeOfDay' } });
    expect(expectOk<{ enabled: boolean }>(await h.call('backup.getSchedule', {}, admin)).enabled).toBe(false);
  });

  it('backs up once a day at the chosen clinic time, keeping the last N', async () => {
    const saved = expectOk(await h.call('backup.saveSchedule', { enabled: true, timeOfDay: '21:30', folder, keepLast: 2 }, admin));
    expect(saved).toMatchObject({ enabled: true, timeOfDay: '21:30', folder, keepLast: 2 });
    // Someone else's files in the same folder are never pruned.
    const strangers = ['notes.txt', 'clinic-desk-other-20990101-000000.dump'];
    for (const f of strangers) fs.writeFileSync(path.join(folder, f), 'keep me');
    const scheduler = tick();
    try {
      at('2099-03-01T21:00:00Z');
      await scheduler.tick();
      expect(ours()).toEqual([]);
      at('2099-03-01T21:31:00Z');
      await scheduler.tick();
      expect(ours()).toEqual([expect.stringMatching(/^clinic-desk-.*-20990301-213100000\./)]);
      at('2099-03-01T23:59:00Z');
      await scheduler.tick(); // today's slot is done
      expect(ours()).toHaveLength(1);
      for (const day of ['02', '03']) {
        at(`2099-03-${day}T22:05:00Z`); // a PC switched on after the time still backs up that day
        await scheduler.tick();
      }
    } finally {
      scheduler.stop();
    }
    expect(ours()).toEqual([expect.stringMatching(/-20990302-220500000\./), expect.stringMatching(/-20990303-220500000\./)]);
    expect(files()).toEqual(expect.arrayContaining(strangers));
    const s = await status();
    expect(s.lastRun?.ok).toBe(true);
    expect(s.lastSuccess).toMatchObject({ trigger: 'SCHEDULED', ok: true, file: path.join(folder, ours()[1]!) });
    expect(await h.knex('backup_runs').where({ trigger: 'SCHEDULED' }).pluck('scheduled_slot')).toEqual([
      '2099-03-01 21:30',
      '2099-03-02 21:30',
      '2099-03-03 21:30',
    ]);
    // Each scheduled backup is in the audit trail, by the PC that took it, with no user.
    const audited = await h.knex('audit_log').where({ action: 'backup.scheduled' }).orderBy('id').select('user_id', 'workstation', 'outcome', 'detail');
    expect(audited.map((r) => [r.user_id, r.outcome, r.detail.slot])).toEqual([
      [null, 'OK', '2099-03-01 21:30'],
      [null, 'OK', '2099-03-02 21:30'],
      [null, 'OK', '2099-03-03 21:30'],
    ]);
    expect(new Set(audited.map((r) => r.workstation)).size).toBe(1);
  });

  it('a failed backup warns ADMINs until one succeeds', async () => {
    // The drive is gone: a file now stands where the folder was.
    fs.rmSync(folder, { recursive: true });
    fs.writeFileSync(folder, '');
    at('2099-03-04T21:45:00Z');
    const scheduler = tick();
    await scheduler.tick();
    scheduler.stop();
    let s = await status();
    expect(s.lastRun).toMatchObject({ ok: false, trigger: 'SCHEDULED', message: expect.stringMatching(/cannot be used/) });
    // The desk warns while the latest run failed, naming the latest good one.
    expect(s.lastSuccess).toMatchObject({ ok: true, trigger: 'SCHEDULED' });
    const health = expectOk(await h.call('health.get', {}, admin));
    expect(health.lastBackup?.ok).toBe(false);
    expect(health.lastSuccessfulBackup?.ok).toBe(true);

    // Still warned later on, until an ADMIN fixes it and a backup succeeds.
    at('2099-03-04T23:00:00Z');
    expect((await status()).lastRun?.ok).toBe(false);
    fs.rmSync(folder);
    const run = expectOk<BackupRun>(await h.call('backup.runNow', {}, admin));
    expect(run).toMatchObject({ ok: true, trigger: 'MANUAL' });
    expect(fs.existsSync(run.file!)).toBe(true);
    s = await status();
    expect(s.lastRun).toMatchObject({ ok: true, id: run.id });
    expect(s.lastSuccess!.id).toBe(run.id);
  });

  raceTest(mode)('with two PCs on one database, each daily slot is taken once', async () => {
    at('2099-03-05T21:40:00Z');
    const runs = await Promise.all([h.services.backups.runIfDue('front-desk-1'), h.services.backups.runIfDue('front-desk-2')]);
    expect(runs.filter(Boolean)).toHaveLength(1);
    expect(Number((await h.knex('backup_runs').where({ scheduled_slot: '2099-03-05 21:30' }).count<{ n: string }[]>({ n: '*' }))[0]!.n)).toBe(1);
  });
});
