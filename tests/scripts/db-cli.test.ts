import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, scratch, scratchMigrated, type Mode, type Scratch } from '../support/databases';
import { dbCli as db } from '../support/db-cli';

describe.each(MODES)('npm run db:* (%s)', (mode: Mode) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await scratch(mode);
  });
  afterAll(() => s.dispose());

  // Migrating up again after every down() is migration-downs' test, through the same migrator.
  it('migrates, reports status, and rolls everything back', async () => {
    const target = mode === 'server' ? 'clinic server' : 'embedded database';
    const first = await db(s, 'migrate');
    expect(first.code).toBe(0);
    expect(first.out).toMatch(new RegExp(`Applied \\d+ migration\\(s\\) to the ${target}`));
    expect(first.out).toContain('20261125000000_seed_schema');

    expect((await db(s, 'migrate')).out).toContain('is already up to date');
    expect((await db(s, 'status')).out).toMatch(/\d+ applied, 0 pending/);

    const back = await db(s, 'rollback', '--all');
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/Rolled back \d+ migration\(s\)/);
    expect((await db(s, 'status')).out).toMatch(/: 0 applied, \d+ pending/);
  });

  if (mode === 'embedded') {
    it('loads the demo clinic once, prints the logins, and refuses to mix it into data', async () => {
      // A clinic's existing folder, already migrated (the machine's template copy).
      const clinic = await scratchMigrated('embedded');
      try {
        const first = await db(clinic, 'seed', '--demo');
        expect(first.code).toBe(0);
        expect(first.out).toMatch(/Loaded the demo clinic into the embedded database .*: 12 doctors, 2000 patients/);
        expect(first.out).toMatch(/ADMIN\s+admin@clinic\.demo\s+\S{12,}/);
        const again = await db(clinic, 'seed', '--demo');
        expect(again.code).toBe(1);
        expect(again.err).toMatch(/already holds 2000 patients/);
        expect(again.out).not.toContain('admin@clinic.demo');
      } finally {
        await clinic.dispose();
      }
    });

    it('says how to ask for the demo clinic', async () => {
      const r = await db(s, 'seed');
      expect(r.code).toBe(1);
      expect(r.err).toContain('npm run db:seed -- --demo');
    });
  }

  it('refuses an unknown command with the usage line and a failing exit code', async () => {
    const r = await db(s, 'explode');
    expect(r.code).toBe(1);
    expect(r.err).toContain('usage: tsx scripts/db.ts');
  });
});
