import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupRun, RecoveryKey } from '../../preload/contract';
import { pruneBackups } from '../../main/backup/retention';
import { dumpServer, serverTableCount } from '../../main/backup/server-backup';
import { openDatabase, type Database } from '../../main/db/open';
import { seedDemoClinic } from '../../main/demo/seed-demo-clinic';
import { UNUSED_DEMO_LOGINS } from '../support/demo-logins';
import { ClinicKey } from '../../main/secrets/clinic-key';
import { keyFileStore, lazyKey } from '../../main/secrets/key-store';
import { clinicSecretBox } from '../../main/secrets/sealed-secrets';
import { MODES, scratch, scratchMigrated, type Mode, type Scratch } from '../support/databases';
import { dbCliWith } from '../support/db-cli';
import { TEST_TWILIO } from '../support/fake-twilio';
import { expectOk, startHarness, type Harness } from '../support/harness';

/** Patients and appointments as a restore must bring them back. */
async function clinicRows(db: Database) {
  return {
    patients: await db.knex('patient_entities').orderBy('id').select('id', 'name', 'email', 'phone'),
    appointments: await db.knex('appointment_entities').orderBy('id').select('id', 'patient_id', 'doctor_id', 'appointment_date', 'start_time', 'status'),
  };
}

async function isEmpty(s: Scratch): Promise<boolean> {
  if (s.config.mode === 'server') return (await serverTableCount(s.config)) === 0;
  return !fs.existsSync(path.join(s.config.dataDir, 'pgdata', 'PG_VERSION'));
}

describe.each(MODES)('encrypted backups (%s)', (mode: Mode) => {
  let dir: string;
  let source: Scratch;
  let db: Database;
  let h: Harness;
  let backupFile: string;
  let recoveryFile: string;
  let exported: RecoveryKey;
  let original: Awaited<ReturnType<typeof clinicRows>>;
  const targets: Scratch[] = [];
  const emptyTarget = async () => {
    const t = await scratch(mode);
    targets.push(t);
    return t;
  };
  /** A PC of its own: a key file path in a folder of its own (absent until something writes it). */
  const pc = (name: string) => path.join(dir, name, 'clinic-desk.key');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-enc-backups-'));
    source = await scratchMigrated(mode);
    db = await openDatabase(source.config, { schema: 'none' });
    h = await startHarness(mode, db);
    await seedDemoClinic(h.knex, { today: '2026-11-25', ...UNUSED_DEMO_LOGINS });
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    // Twilio secrets saved by an ADMIN are sealed with the clinic key: they travel in the backup
    // and must open on the PC it is restored to.
    expectOk(
      await h.call(
        'video.updateSettings',
        { accountSid: TEST_TWILIO.accountSid, apiKeySid: TEST_TWILIO.apiKeySid, apiKeySecret: TEST_TWILIO.apiKeySecret, authToken: TEST_TWILIO.authToken },
        admin,
      ),
    );
    expectOk(await h.call('backup.saveSchedule', { enabled: false, timeOfDay: '21:00', folder: path.join(dir, 'backups'), keepLast: 5 }, admin));
    const run = expectOk<BackupRun>(await h.call('backup.runNow', {}, admin));
    expect(run.ok).toBe(true);
    backupFile = run.file!;
    original = await clinicRows(db);
    exported = expectOk<RecoveryKey>(await h.call('backup.exportRecoveryKey', {}, admin));
    recoveryFile = path.join(dir, 'recovery-key.txt');
    fs.writeFileSync(recoveryFile, `${exported.recoveryKey}\n`, { mode: 0o600 });
  });
  afterAll(async () => {
    await h?.dispose();
    await db?.close();
    await Promise.all([source, ...targets].map((s) => s?.dispose()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes a file that holds nothing readable without the key', async () => {
    const bytes = fs.readFileSync(backupFile);
    expect(backupFile).toMatch(mode === 'server' ? /\.dump\.enc$/ : /\.tar\.gz\.enc$/);
    expect(bytes.subarray(0, 6).toString()).toBe('CDBKP1');
    // Not pg_dump's format nor a gzip stream, which any tool would open.
    expect(bytes.includes('PGDMP')).toBe(false);
    expect(bytes.subarray(0, 2).equals(Buffer.from([0x1f, 0x8b]))).toBe(false);
    // The export names the key the backup says it was made with.
    expect(bytes.subarray(7, 23).toString('latin1')).toBe(exported.keyId);
  });

  it('db:restore says the key is missing, and restores nothing', async () => {
    const target = await emptyTarget();
    const r = await dbCliWith({ CLINIC_KEY_FILE: pc('no-key') }, target, 'restore', backupFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`is encrypted, and there is no clinic key here (this PC's key file ${pc('no-key')})`);
    expect(r.err).toContain('--recovery-key-file');
    expect(await isEmpty(target)).toBe(true);
    // Looking for a key never makes one.
    expect(fs.existsSync(pc('no-key'))).toBe(false);
  });

  it("db:restore says the key is wrong (this PC's, or a recovery key of another clinic), and restores nothing", async () => {
    const target = await emptyTarget();
    const other = ClinicKey.generate();
    keyFileStore(pc('other-clinic')).save(other);
    const own = await dbCliWith({ CLINIC_KEY_FILE: pc('other-clinic') }, target, 'restore', backupFile);
    expect(own.code).toBe(1);
    expect(own.err).toContain(
      `was encrypted with clinic key ${exported.keyId}, but the key given (this PC's key file ${pc('other-clinic')}) is key ${other.id}: the wrong key`,
    );

    const wrongRecovery = path.join(dir, 'wrong-recovery.txt');
    fs.writeFileSync(wrongRecovery, ClinicKey.generate().recoveryKey());
    const given = await dbCliWith({ CLINIC_KEY_FILE: pc('other-clinic') }, target, 'restore', backupFile, '--recovery-key-file', wrongRecovery);
    expect(given.code).toBe(1);
    expect(given.err).toMatch(
      new RegExp(
        `was encrypted with clinic key ${exported.keyId}, but the key given \\(the recovery key in .*wrong-recovery\\.txt\\) is key [0-9a-f]{16}: the wrong key`,
      ),
    );

    const mistyped = path.join(dir, 'mistyped.txt');
    fs.writeFileSync(mistyped, exported.recoveryKey.slice(0, 20) + (exported.recoveryKey[20] === 'A' ? 'B' : 'A') + exported.recoveryKey.slice(21));
    const typo = await dbCliWith({ CLINIC_KEY_FILE: pc('other-clinic') }, target, 'restore', backupFile, '--recovery-key-file', mistyped);
    expect(typo.code).toBe(1);
    expect(typo.err).toMatch(/does not hold a usable recovery key: .*mistyped or incomplete/);
    expect(await isEmpty(target)).toBe(true);
  });

  it('db:restore refuses a tampered or cut-short backup, and restores nothing', async () => {
    const target = await emptyTarget();
    const bytes = fs.readFileSync(backupFile);
    const tampered = path.join(dir, `tampered-${path.basename(backupFile)}`);
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0x01;
    fs.writeFileSync(tampered, flipped);
    const r = await dbCliWith({ CLINIC_KEY_FILE: pc('tamper') }, target, 'restore', tampered, '--recovery-key-file', recoveryFile);
    expect(r.code).toBe(1);
    expect(r.err).toContain('has been altered or damaged: it fails its integrity check, and nothing was restored');
    const cut = path.join(dir, `cut-${path.basename(backupFile)}`);
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    const c = await dbCliWith({ CLINIC_KEY_FILE: pc('tamper') }, target, 'restore', cut, '--recovery-key-file', recoveryFile);
    expect(c.code).toBe(1);
    expect(c.err).toContain('has been altered or damaged');
    expect(await isEmpty(target)).toBe(true);
  });

  // POSIX modes; Windows keeps these in the user's profile (README, Security).
  it.runIf(process.platform !== 'win32')('the backup and the folder made for it are readable by the user alone', () => {
    expect(fs.statSync(backupFile).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(backupFile)).mode & 0o777).toBe(0o700);
  });

  it('a plain backup from before encryption still restores (no key needed), and rotates out with the rest', async () => {
    const legacy = path.join(dir, mode === 'server' ? 'clinic-desk-server-20261101-210000.dump' : 'clinic-desk-embedded-20261101-210000.tar.gz');
    if (db.config.mode === 'server') await dumpServer(db.config, (dump) => pipeline(dump, fs.createWriteStream(legacy)));
    else fs.writeFileSync(legacy, await db.dumpDataDir!());
    const target = await emptyTarget();
    const r = await dbCliWith({ CLINIC_KEY_FILE: pc('legacy') }, target, 'restore', legacy);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const restored = await openDatabase(target.config, { schema: 'none' });
    try {
      expect((await clinicRows(restored)).patients).toEqual(original.patients);
    } finally {
      await restored.close();
    }
    const folder = path.dirname(backupFile);
    fs.copyFileSync(legacy, path.join(folder, path.basename(legacy)));
    expect(pruneBackups(folder, mode, 1)).toEqual([path.basename(legacy)]);
    expect(fs.readdirSync(folder)).toEqual([path.basename(backupFile)]);
  });

  it('restores on another PC with the exported recovery key, whose sealed secrets then open there', async () => {
    const target = await emptyTarget();
    const r = await dbCliWith({ CLINIC_KEY_FILE: pc('new-pc') }, target, 'restore', backupFile, '--recovery-key-file', recoveryFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`The recovery key is now this PC's clinic key, in ${pc('new-pc')}`);
    const restored = await openDatabase(target.config, { schema: 'none' });
    try {
      expect(await clinicRows(restored)).toEqual(original);
      const stored = await restored.knex('video_settings').where({ id: 1 }).first('api_key_secret', 'auth_token');
      expect(stored.api_key_secret).not.toContain(TEST_TWILIO.apiKeySecret);
      const box = clinicSecretBox(lazyKey(keyFileStore(pc('new-pc'))));
      expect(box.open(stored.api_key_secret)).toBe(TEST_TWILIO.apiKeySecret);
      expect(box.open(stored.auth_token)).toBe(TEST_TWILIO.authToken);
    } finally {
      await restored.close();
    }
  });

  it.runIf(process.platform !== 'win32')('the key file the restore installed is readable by the user alone', () => {
    expect(fs.statSync(pc('new-pc')).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(pc('new-pc'))).mode & 0o777).toBe(0o700);
  });
});
