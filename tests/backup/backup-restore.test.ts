import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { seedDemoClinic } from '../../main/demo/seed-demo-clinic';
import { UNUSED_DEMO_LOGINS } from '../support/demo-logins';
import { MODES, scratch, scratchMigrated, type Mode, type Scratch } from '../support/databases';
import { dbCli } from '../support/db-cli';
import { fullSnapshot } from '../support/snapshot';

async function snapshotOf(s: Scratch) {
  const db = await openDatabase(s.config, { schema: 'none' });
  try {
    return await fullSnapshot(db.knex);
  } finally {
    await db.close();
  }
}

/** Equal databases; schema objects compared as sets first, so a difference is named, not elided. */
function expectSameDatabase(actual: Awaited<ReturnType<typeof snapshotOf>>, expected: Awaited<ReturnType<typeof snapshotOf>>): void {
  expect({ missing: expected.schema.filter((f) => !actual.schema.includes(f)), extra: actual.schema.filter((f) => !expected.schema.includes(f)) }).toEqual({
    missing: [],
    extra: [],
  });
  expect(actual).toEqual(expected);
}

describe.each(MODES)('npm run db:backup / db:restore round trip of the demo clinic (%s)', (mode: Mode) => {
  let source: Scratch;
  let target: Scratch;
  let folder: string;
  let original: Awaited<ReturnType<typeof snapshotOf>>;
  let backupFile: string;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-backups-'));
    // The source comes migrated (a copy of the machine's template); the target is empty, as a new PC's.
    [source, target] = await Promise.all([scratchMigrated(mode), scratch(mode)]);
    const db = await openDatabase(source.config, { schema: 'none' });
    try {
      await seedDemoClinic(db.knex, { today: '2026-11-25', ...UNUSED_DEMO_LOGINS });
      original = await fullSnapshot(db.knex);
    } finally {
      await db.close();
    }
  });
  afterAll(async () => {
    await Promise.all([source?.dispose(), target?.dispose()]);
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('backs up into the chosen folder', async () => {
    const r = await dbCli(source, 'backup', '--to', folder);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const files = fs.readdirSync(folder);
    expect(files).toEqual([
      expect.stringMatching(mode === 'server' ? /^clinic-desk-server-\d{8}-\d{9}\.dump\.enc$/ : /^clinic-desk-embedded-\d{8}-\d{9}\.tar\.gz\.enc$/),
    ]);
    backupFile = path.join(folder, files[0]!);
    expect(r.out).toContain(`to ${backupFile}`);
    expect(r.out).toMatch(/encrypted with clinic key [0-9a-f]{16}/);
    // The demo clinic is thousands of rows: a backup of a few bytes would be an empty one.
    expect(fs.statSync(backupFile).size).toBeGreaterThan(100_000);
    expect(original.rows).toMatch(/^patient_entities: 2000 rows, /m);
  });

  it('restores it into an empty database with every row and sequence identical', async () => {
    const r = await dbCli(target, 'restore', backupFile);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Restored');
    // Constraints, triggers (the audit trail's and the change notifications'), indexes and
    // functions are compared, not only rows.
    for (const kind of ['constraint', 'trigger', 'index', 'function'])
      expect(original.schema.filter((f) => f.startsWith(`${kind} `)).length).toBeGreaterThan(0);
    expectSameDatabase(await snapshotOf(target), original);
  });

  it('refuses to restore over a database that holds data unless --force, changing nothing', async () => {
    const db = await openDatabase(target.config, { schema: 'none' });
    await db.knex('patient_entities').insert({ name: 'Added After The Backup', email: 'added@after.test' });
    await db.close();
    const changed = await snapshotOf(target);

    const refused = await dbCli(target, 'restore', backupFile);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/already holds .* run the restore again with --force/);
    expect(await snapshotOf(target)).toEqual(changed);

    const forced = await dbCli(target, 'restore', backupFile, '--force');
    expect(forced.err).toBe('');
    expect(forced.code).toBe(0);
    expectSameDatabase(await snapshotOf(target), original);
    // What was replaced is kept, not lost.
    const kept = /The database it replaced is kept at (.+)\./.exec(forced.out)?.[1];
    expect(kept && fs.existsSync(kept)).toBe(true);
  });

  it('keeps only as many copies of replaced databases as the backup schedule keeps, the newest always', async () => {
    const first = await dbCli(target, 'restore', backupFile, '--force');
    expect(first.code).toBe(0);
    const kept = /The database it replaced is kept at (.+)\./.exec(first.out)![1]!;
    const db = await openDatabase(target.config, { schema: 'none' });
    const { keep_last: keepLast } = await db.knex('backup_schedule').where({ id: 1 }).first();
    await db.close();
    // Copies from earlier forced restores, older than any today, and things that are not copies.
    const beside = path.dirname(kept);
    const older = Array.from({ length: keepLast }, (_, i) =>
      path.basename(kept).replace(/-\d{8}-\d{6}(\d{3})?(?=\.|$)/, `-20200101-08${String(i).padStart(2, '0')}00`),
    );
    for (const name of older)
      if (mode === 'server') fs.copyFileSync(kept, path.join(beside, name));
      else fs.mkdirSync(path.join(beside, name));
    fs.writeFileSync(path.join(beside, 'notes.txt'), 'not a copy');
    const copiesNow = () => fs.readdirSync(beside).filter((f) => f !== 'notes.txt' && (mode === 'server' || f.includes('.replaced-')));
    const before = copiesNow().sort().reverse();
    expect(before).toHaveLength(keepLast + 2); // this test's copies, and the previous test's

    const again = await dbCli(target, 'restore', backupFile, '--force');
    expect(again.err).toBe('');
    expect(again.code).toBe(0);
    const newest = /The database it replaced is kept at (.+)\./.exec(again.out)![1]!;
    // The newest stays with the newest keepLast - 1 of the others: today's two and all but the oldest of 2020's.
    expect(copiesNow().sort()).toEqual([path.basename(newest), ...before.slice(0, keepLast - 1)].sort());
    expect(before.slice(0, 2)).toContain(path.basename(kept));
    expect(again.out).toContain(`Older copies removed (the backup schedule keeps ${keepLast}): `);
    expect(fs.existsSync(path.join(beside, 'notes.txt'))).toBe(true);
  });

  it('refuses a file that is not a backup of this mode, with a clear message', async () => {
    const bogus = path.join(folder, 'notes.txt');
    fs.writeFileSync(bogus, 'not a backup');
    const r = await dbCli(target, 'restore', bogus, '--force');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is not a Clinic Desk backup/);
    const other = path.join(folder, 'other-mode');
    fs.writeFileSync(other, mode === 'server' ? Buffer.from([0x1f, 0x8b, 0, 0, 0]) : Buffer.from('PGDMP\u0001'));
    const wrong = await dbCli(target, 'restore', other, '--force');
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/is a backup of .* it cannot be restored into/);
  });
});
