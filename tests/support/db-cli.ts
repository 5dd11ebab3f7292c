import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Scratch } from './databases';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let keyDir: string | undefined;
/** One clinic key file per test process, never the user's own: the "PC" the commands run on. */
function cliKeyFile(): string {
  if (!keyDir) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-cli-key-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    keyDir = dir;
  }
  return path.join(keyDir, 'clinic-desk.key');
}

/** The environment that points scripts/db.ts at a scratch database, whatever the shell has set. */
function envFor(s: Scratch, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', CLINIC_DATA_DIR: '', CLINIC_KEY_FILE: cliKeyFile(), ...extra };
  if (s.config.mode === 'server') env.DATABASE_URL = s.config.url;
  else env.CLINIC_DATA_DIR = s.config.dataDir;
  return env;
}

/** Runs `npm run db:<command>` (scripts/db.ts) against a scratch database; extra env (another PC's key file) first. */
export async function dbCliWith(extra: NodeJS.ProcessEnv, s: Scratch, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return run(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], {
    cwd: ROOT,
    env: envFor(s, extra),
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}

/** Runs `npm run db:<command>` (scripts/db.ts) against a scratch database. */
export const dbCli = (s: Scratch, ...args: string[]) => dbCliWith({}, s, ...args);
