import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchEmbeddedDir, scratchMigrated } from '../support/databases';
import { waitFor } from '../support/wait';

const ROOT = path.resolve(__dirname, '../..');

// From the sources (npm run start:browser) and from the build (out/main/browser.js, which npm test
// makes first): the build's shared code must find the PGlite and bcrypt workers beside it.
describe.each([
  ['npm run start:browser', ['--import', 'tsx', 'scripts/start-browser.ts']],
  ['the built out/main/browser.js', ['out/main/browser.js']],
])('%s', (_name, args) => {
  /** The app started with these arguments on that folder, until it exits by itself. */
  async function untilExit(extra: string[], dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
    const child = spawn(process.execPath, [...args, ...extra], { cwd: ROOT, env: { ...process.env, DATABASE_URL: '', CLINIC_DATA_DIR: dataDir, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    try {
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      return { code, out, err };
    } finally {
      child.kill('SIGKILL');
    }
  }

  // On a server too: the build bundles knex and pg into main, and a server's pool and LISTEN
  // connection are theirs alone.
  it.each(['embedded', 'server'] as const)(
    'starts the app on the %s database, prints the URL to open, sets up the first admin, and closes cleanly on Ctrl+C',
    async (mode) => {
      const scratch = mode === 'embedded' ? scratchEmbeddedDir() : await scratchMigrated('server');
      const child = spawn(process.execPath, args, {
        cwd: ROOT,
        env: {
          ...process.env,
          ...(scratch.config.mode === 'embedded' ? { DATABASE_URL: '', CLINIC_DATA_DIR: scratch.config.dataDir } : { DATABASE_URL: scratch.config.url }),
        },
      });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        const url = await waitFor('the URL line', () => /Open (http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+) in a browser/.exec(out)?.[1], 270_000, 50);
        const { origin, hash } = new URL(url);
        const token = new URLSearchParams(hash.slice(1)).get('token');
        const call = async (channel: string, body: unknown) => {
          const res = await fetch(`${origin}/api/call/${channel}`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': 'x'.repeat(20) },
            body: JSON.stringify(body),
          });
          return res.json();
        };
        expect(await call('auth.status', {})).toEqual({ ok: true, value: { needsFirstAdmin: true, session: null } });
        // The password is hashed in the bcrypt worker thread.
        const firstAdmin = {
          clinicName: 'Start Clinic',
          timeZone: 'Asia/Kolkata',
          email: 'admin@start.test',
          displayName: 'Admin',
          password: 'first admin pass 2026',
        };
        expect(await call('auth.createFirstAdmin', firstAdmin)).toMatchObject({ ok: true, value: { email: 'admin@start.test', role: 'ADMIN' } });
        const lock = scratch.config.mode === 'embedded' ? path.join(scratch.config.dataDir, 'clinic-desk.lock') : undefined;
        if (lock) expect(fs.existsSync(lock)).toBe(true);
        // Nothing at start-up failed (Today's reads warmed in the background included).
        expect(out).not.toMatch(/\[clinic-desk\]|failed/);
        child.kill('SIGINT');
        expect(await exited).toBe(0);
        if (lock) expect(fs.existsSync(lock)).toBe(false);
      } finally {
        child.kill('SIGKILL');
        await scratch.dispose();
      }
    },
  );

  it('whose data folder another live copy holds: says so in one line after the address, closes the bridge, exits 1, and leaves the lock alone', async () => {
    const scratch = scratchEmbeddedDir();
    fs.mkdirSync(scratch.config.dataDir, { recursive: true });
    // This test's own process is alive on this host: the lock is genuinely held.
    const owner = { pid: process.pid, host: os.hostname(), startedAt: '2026-01-01T08:00:00.000Z' };
    const lock = path.join(scratch.config.dataDir, 'clinic-desk.lock');
    fs.writeFileSync(lock, JSON.stringify(owner));
    try {
      const { code, out, err } = await untilExit([], scratch.config.dataDir);
      expect(code).toBe(1);
      expect(err).toMatch(new RegExp(`already open in another Clinic Desk \\(process ${process.pid}\\b`));
      expect(err).not.toMatch(/\n\s+at /);
      // The bridge had started while the database opened; it was closed, so the process ended by itself.
      expect(out).toMatch(/Open http:\/\/127\.0\.0\.1:\d+\/#token=/);
      expect(JSON.parse(fs.readFileSync(lock, 'utf8'))).toEqual(owner);
    } finally {
      await scratch.dispose();
    }
  });

  it('whose port is taken: says so in one line, closes the database it opened, and exits 1', async () => {
    // Already migrated: what is tested is the port, not a first start's migrations.
    const scratch = await scratchMigrated('embedded');
    const taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      // Exiting by itself means nothing was left running: the database is closed.
      const { code, err } = await untilExit(['--port', String(port)], scratch.config.dataDir);
      expect(code).toBe(1);
      expect(err.trim()).toBe(`Port ${port} is already in use on this PC: choose another with --port, or leave --port out for any free one`);
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'clinic-desk.lock'))).toBe(false);
    } finally {
      taken.close();
      await scratch.dispose();
    }
  });

  it('whose settings are refused after its database started: says why in one line, stops that database, and exits 1', async () => {
    // An existing clinic's folder: PGlite starts on it without first making a new cluster.
    const scratch = await scratchMigrated('embedded');
    try {
      // Exiting by itself means nothing was left running: the database started early is stopped.
      const { code, err } = await untilExit([], scratch.config.dataDir, { CLINIC_DB_POOL_MAX: 'many' });
      expect(code).toBe(1);
      expect(err.trim()).toBe('CLINIC_DB_POOL_MAX must be a whole number');
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'clinic-desk.lock'))).toBe(false);
    } finally {
      await scratch.dispose();
    }
  });

  it('refuses a port that is not one in one line, exits 1, and opens no database', async () => {
    const scratch = scratchEmbeddedDir();
    try {
      const { code, err } = await untilExit(['--port', '99999'], scratch.config.dataDir);
      expect(code).toBe(1);
      expect(err.trim()).toBe('--port must be a port number, not "99999"');
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'clinic-desk.lock'))).toBe(false);
      expect(fs.existsSync(path.join(scratch.config.dataDir, 'pgdata'))).toBe(false);
    } finally {
      await scratch.dispose();
    }
  });
});
