import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, scratch, type Mode, type Scratch } from '../support/databases';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

function envFor(s: Scratch): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', CLINIC_DATA_DIR: '' };
  if (s.config.mode === 'server') env.DATABASE_URL = s.config.url;
  else env.CLINIC_DATA_DIR = s.config.dataDir;
  return env;
}

async function db(s: Scratch, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return run(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], { cwd: ROOT, env: envFor(s) }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

describe.each(MODES)('npm run db:* (%s)', (mode: Mode) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await scratch(mode);
  });
  afterAll(() => s.dispose());

  it('migrates, reports status, rolls everything back and migrates again', async () => {
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

    expect((await db(s, 'migrate')).code).toBe(0);
    expect((await db(s, 'status')).out).toMatch(/\d+ applied, 0 pending/);
  });

  if (mode === 'embedded') {
    it('loads the demo clinic once, prints the logins, and refuses to mix it into data', async () => {
      const first = await db(s, 'seed', '--demo');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/Loaded the demo clinic into the embedded database .*: 12 doctors, 2000 patients/);
      expect(first.out).toMatch(/ADMIN\s+admin@clinic\.demo\s+\S{12,}/);
      const again = await db(s, 'seed', '--demo');
      expect(again.code).toBe(1);
      expect(again.err).toMatch(/already holds 2000 patients/);
      expect(again.out).not.toContain('admin@clinic.demo');
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
