import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Scratch } from './databases';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** The environment that points scripts/db.ts at a scratch database, whatever the shell has set. */
export function envFor(s: Scratch): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: '', CLINIC_DATA_DIR: '' };
  if (s.config.mode === 'server') env.DATABASE_URL = s.config.url;
  else env.CLINIC_DATA_DIR = s.config.dataDir;
  return env;
}

/** Runs `npm run db:<command>` (scripts/db.ts) against a scratch database. */
export async function dbCli(s: Scratch, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
  return run(process.execPath, ['--import', 'tsx', 'scripts/db.ts', ...args], { cwd: ROOT, env: envFor(s), maxBuffer: 16 * 1024 * 1024 }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );
}
