import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupList, BackupRun, RestoreResult } from '../../preload/contract';
import type { AuditRecord } from '../../main/audit/repo';
import { backupDatabase, takenAt } from '../../main/backup/backup';
import { openDatabase, type Database } from '../../main/db/open';
import { ClinicKey } from '../../main/secrets/clinic-key';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

const FUTURE = '2099-02-02';

describe.each(MODES)('restoring a backup from the Admin screen (%s)', (mode: Mode) => {
  let h: Harness;
  let folder: string;
  let admin: { sessionKey: string; userId: number; email: string };
  let doctorId: number;
  let patientId: number;
  let before: number;
  let after: number;
  let backupName: string;
  let restored: RestoreResult;

  const book = async (startTime: string) => {
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: FUTURE, start_time: startTime, end_time: startTime.replace(':00', ':15') })
      .returning('id');
    return id as number;
  };
  const bookings = async () => (await h.knex('appointment_entities').where({ patient_id: patientId }).orderBy('id').pluck('id')).map(Number);
  const list = async () => expectOk<BackupList>(await h.call('backup.list', {}, admin.sessionKey));

  beforeAll(async () => {
    h = await startHarness(mode);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-admin-restore-'));
    admin = await h.signInAs('ADMIN');
    expectOk(await h.call('backup.saveSchedule', { enabled: false, timeOfDay: '21:00', folder, keepLast: 5 }, admin.sessionKey));
    [{ id: doctorId }] = await h
      .knex('doctor_entities')
      .insert({ name: 'Dr. Restore', email: `restore-doctor.${process.pid}@clinic.test` })
      .returning('id');
    [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: 'Meera Restore', email: `restore-patient.${process.pid}@clinic.test` })
      .returning('id');
    before = await book('09:00');
    const run = expectOk<BackupRun>(await h.call('backup.runNow', {}, admin.sessionKey));
    expect(run.ok).toBe(true);
    backupName = path.basename(run.file!);
    after = await book('10:00');
  });
  afterAll(async () => {
    await h?.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists the backup folder: this mode’s backups, newest first, with whose key opens them', async () => {
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    const other = await backupDatabase(h.db.config, h.db, folder, ClinicKey.generate(), new Date('2020-01-01T08:00:00Z'));
    const listed = await list();
    expect(listed.folder).toBe(folder);
    expect(listed.files.map((f) => [f.name, f.kind, f.key])).toEqual([
      [backupName, 'BACKUP', 'THIS_PC'],
      [path.basename(other.file), 'BACKUP', 'OTHER_KEY'],
    ]);
    expect(listed.files[0]!.bytes).toBe(fs.statSync(path.join(folder, backupName)).size);
    expect(listed.files[1]!.takenAt).toBe('2020-01-01T08:00:00.000Z');
  });

  it('names two backups taken in the same millisecond apart: neither replaces the other', async () => {
    const into = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-same-instant-'));
    try {
      const at = new Date('2020-02-02T08:00:00.250Z');
      const key = ClinicKey.generate();
      const first = await backupDatabase(h.db.config, h.db, into, key, at);
      const second = await backupDatabase(h.db.config, h.db, into, key, at);
      expect(fs.readdirSync(into).sort()).toEqual([path.basename(first.file), path.basename(second.file)].sort());
      expect([first.file, second.file].map((f) => takenAt(path.basename(f)).toISOString())).toEqual(['2020-02-02T08:00:00.250Z', '2020-02-02T08:00:00.251Z']);
      expect(fs.statSync(first.file).size).toBe(first.bytes);
    } finally {
      fs.rmSync(into, { recursive: true, force: true });
    }
  });

  it('refuses a RECEPTIONIST, audits the refusal and changes nothing', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    const unchanged = await databaseSnapshot(h.knex, ['audit_log']);
    expect(await h.call('backup.restore', { name: backupName }, desk.sessionKey)).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' },
    });
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(unchanged);
    expect(await h.knex('audit_log').where({ action: 'backup.restore' }).select('user_id', 'outcome')).toEqual([{ user_id: desk.userId, outcome: 'DENIED' }]);
    expect(h.services.sessions.get(desk.sessionKey)).toBeDefined();
  });

  it('refuses a backup made with another clinic key in the command’s words: nothing changes, nobody is signed out', async () => {
    const foreign = (await list()).files.find((f) => f.key === 'OTHER_KEY')!;
    const unchanged = await databaseSnapshot(h.knex, ['audit_log']);
    const r = await h.call('backup.restore', { name: foreign.name }, admin.sessionKey);
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const message = (r as { error: { message: string } }).error.message;
    expect(message).toContain(`${foreign.name} was encrypted with clinic key`);
    expect(message).toContain("but the key given (this PC's clinic key) is key");
    expect(message).toContain('the wrong key');
    expect(message).toContain('--recovery-key-file');
    expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(unchanged);
    expect(await bookings()).toEqual([before, after]);
    // No safety backup either: the refusal came before anything was done.
    expect(fs.existsSync(path.join(folder, 'before-restore'))).toBe(false);
    expect(h.services.sessions.get(admin.sessionKey)).toBeDefined();
    expect(await h.knex('audit_log').where({ action: 'backup.restore', outcome: 'REFUSED' }).pluck('user_id')).toEqual([admin.userId]);
  });

  it('refuses a name that is not a backup of the list, or leads out of the folder', async () => {
    for (const name of ['../clinic-desk.key', '/etc/passwd', `before-restore/../../${backupName}`]) {
      expect(await h.call('backup.restore', { name }, admin.sessionKey)).toMatchObject({ ok: false, error: { code: 'INVALID' } });
    }
    const missing = backupName.replace(/-\d{6}(\d{3})?\./, '-000000.');
    expect(await h.call('backup.restore', { name: missing }, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining(`There is no backup ${missing} in the backup folder`) },
    });
  });

  it('refuses a second restore, or a backup, while one runs', async () => {
    const audit: AuditRecord = { userId: admin.userId, userEmail: admin.email, workstation: 'test-pc', action: 'backup.restore', entity: 'backup' };
    const unknown = backupName.replace(/-\d{6}(\d{3})?\./, '-000001.');
    const first = h.services.backups.restore(unknown, audit).catch((err: Error) => err);
    await expect(h.services.backups.restore(backupName, audit)).rejects.toThrow('A restore is already running on this PC');
    await expect(h.services.backups.runNow('test-pc')).rejects.toThrow('A restore is running on this PC');
    expect(await first).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('restores it: the booking made before is there, the one after is gone, a safety backup was taken first, everyone is signed out', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    h.events.length = 0;
    restored = expectOk<RestoreResult>(await h.call('backup.restore', { name: backupName }, admin.sessionKey));
    expect(restored.restored).toMatchObject({ name: backupName, kind: 'BACKUP', key: 'THIS_PC' });
    expect(restored.safetyBackup).toMatchObject({ kind: 'BEFORE_RESTORE', key: 'THIS_PC', name: expect.stringMatching(/^before-restore\/clinic-desk-/) });
    expect(fs.statSync(path.join(folder, restored.safetyBackup.name)).size).toBe(restored.safetyBackup.bytes);

    expect(await bookings()).toEqual([before]);
    // Every session ends, the caller's too, and each window is told.
    expect(h.services.sessions.keys()).toEqual([]);
    for (const key of [admin.sessionKey, desk.sessionKey]) {
      expect(h.events).toContainEqual(expect.objectContaining({ event: 'session.changed', payload: { session: null }, sessionKey: key }));
    }
    expect(await h.call('patients.search', { query: 'Meera' }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // The restored database's trail says who restored it, and from what.
    const [row] = await h.knex('audit_log').where({ action: 'backup.restore', outcome: 'OK' }).select('user_id', 'user_email', 'detail');
    expect(row).toEqual({ user_id: admin.userId, user_email: admin.email, detail: { file: backupName, safetyBackup: restored.safetyBackup.name } });
  });

  it('keeps answering afterwards: people sign in again and work', async () => {
    const desk = await h.signInAs('RECEPTIONIST');
    expect(expectOk(await h.call('patients.search', { query: 'Meera' }, desk.sessionKey))).toMatchObject([{ id: patientId }]);
    expect(await book('11:00')).toBeGreaterThan(0);
    const again = await h.signInAs('ADMIN');
    expect(expectOk<BackupList>(await h.call('backup.list', {}, again.sessionKey)).files.map((f) => f.name)).toContain(restored.safetyBackup.name);
    admin = again;
  });

  it('restoring the safety backup undoes the restore', async () => {
    expectOk(await h.call('backup.restore', { name: restored.safetyBackup.name }, admin.sessionKey));
    expect(await bookings()).toEqual([before, after]);
  });

  it('keeps the newest keepLast safety backups after a restore, the one it has just made always among them', async () => {
    admin = await h.signInAs('ADMIN');
    expectOk(await h.call('backup.saveSchedule', { enabled: false, timeOfDay: '21:00', folder, keepLast: 2 }, admin.sessionKey));
    const safetyFolder = path.join(folder, 'before-restore');
    // Beside the earlier restores' own: stamps from a PC whose clock was wrong, an old one and two
    // later than any restore today.
    const named = (stamp: string) => path.basename(restored.safetyBackup.name).replace(/-\d{8}-\d{6}(\d{3})?\./, `-${stamp}.`);
    const [old, later, latest] = ['20200101-080000', '20980101-080000', '20990101-080000'].map(named);
    for (const f of [old!, later!, latest!]) fs.copyFileSync(path.join(folder, restored.safetyBackup.name), path.join(safetyFolder, f));
    fs.writeFileSync(path.join(safetyFolder, 'notes.txt'), 'not a backup');

    const again = expectOk<RestoreResult>(await h.call('backup.restore', { name: backupName }, admin.sessionKey));
    expect(fs.readdirSync(safetyFolder).sort()).toEqual([path.basename(again.safetyBackup.name), latest!, 'notes.txt'].sort());
  });

  it.runIf(mode === 'server')('signs out the desks of other PCs on the same database', async () => {
    const other: Database = await openDatabase(h.db.config, { schema: 'none' });
    const pc2 = await startHarness(mode, other);
    try {
      const elsewhere = await pc2.signInAs('RECEPTIONIST');
      admin = await h.signInAs('ADMIN');
      expectOk(await h.call('backup.restore', { name: backupName }, admin.sessionKey));
      await waitFor('the other PC to sign its desk out', () => (pc2.services.sessions.get(elsewhere.sessionKey) ? undefined : true));
      expect(pc2.events).toContainEqual(expect.objectContaining({ event: 'session.changed', payload: { session: null }, sessionKey: elsewhere.sessionKey }));
      expect(pc2.events).toContainEqual(expect.objectContaining({ event: 'resync' }));
    } finally {
      await pc2.dispose();
      await other.close();
    }
  });
});
