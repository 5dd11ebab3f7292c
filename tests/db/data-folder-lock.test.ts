import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { lockDataFolder } from '../../main/db/embedded/data-folder-lock';
import { openDatabase } from '../../main/db/open';
import { DatabaseSetupError } from '../../main/db/errors';
import { scratchEmbeddedDir } from '../support/databases';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('embedded data folder lock', () => {
  it('refuses a second lock on the same folder and frees it on release', () => {
    const dir = tempDir();
    const lock = lockDataFolder(dir);
    expect(() => lockDataFolder(dir)).toThrow(DatabaseSetupError);
    expect(() => lockDataFolder(dir)).toThrow(/already open in another Clinic Desk \(process \d+/);
    lock.release();
    lockDataFolder(dir).release();
  });

  it('takes over a lock left by a process that no longer exists (crash, kill -9)', () => {
    const dir = tempDir();
    // A pid far above any real one on this machine stands for the dead owner.
    fs.writeFileSync(path.join(dir, 'clinic-desk.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), startedAt: 'x' }));
    const lock = lockDataFolder(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
  });

  it('refuses a lock held from another computer (a shared network folder)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'clinic-desk.lock'), JSON.stringify({ pid: 1, host: 'front-desk-2', startedAt: 'x' }));
    expect(() => lockDataFolder(dir)).toThrow(/computer "front-desk-2"/);
  });

  it('refuses a second process opening the same data folder, with a clear message', async () => {
    const scratch = scratchEmbeddedDir();
    const db = await openDatabase(scratch.config, { schema: 'none' });
    try {
      const script = `
        const { openDatabase } = require(${JSON.stringify(path.join(ROOT, 'main/db/open.ts'))});
        openDatabase({ mode: 'embedded', dataDir: ${JSON.stringify(scratch.config.dataDir)} })
          .then(() => { console.log('OPENED'); process.exit(0); })
          .catch((e) => { console.log(e.code + ': ' + e.message); process.exit(3); });
      `;
      const outcome = await run(process.execPath, ['--require', 'tsx/cjs', '-e', script], { cwd: ROOT }).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
      expect(outcome.code).toBe(3);
      expect(outcome.out).toMatch(/^LOCKED: The clinic data folder .* is already open in another Clinic Desk \(process \d+/);
      // The first process is unaffected.
      expect((await db.knex.raw('select 1 as ok')).rows).toEqual([{ ok: 1 }]);
    } finally {
      await db.close();
      await scratch.dispose();
    }
  });
});
