import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchEmbeddedDir } from '../support/databases';
import { waitFor } from '../support/wait';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run start:browser', () => {
  it('starts the app on the embedded database, prints the URL to open, and closes cleanly on Ctrl+C', async () => {
    const scratch = scratchEmbeddedDir();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start-browser.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: '', CLINIC_DATA_DIR: scratch.config.dataDir },
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor('the URL line', () => /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+) in a browser/.exec(out)?.[1], 270_000, 50);
      const { origin, hash } = new URL(url);
      const token = new URLSearchParams(hash.slice(1)).get('token');
      const res = await fetch(`${origin}/api/call/auth.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': 'x'.repeat(20) },
        body: '{}',
      });
      expect(await res.json()).toEqual({ ok: true, value: { needsFirstAdmin: true, session: null } });
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'clinic-desk.lock'))).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'clinic-desk.lock'))).toBe(false);
    } finally {
      child.kill('SIGKILL');
      await scratch.dispose();
    }
  });
});
