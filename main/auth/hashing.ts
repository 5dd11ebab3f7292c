import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { BcryptTask } from './bcrypt-worker';

const BCRYPT_COST = 12;

/**
 * bcryptjs on the main thread took the event loop from every other call: forty sign-ins at once
 * made a receptionist's search wait 15 s. Hashes run in worker threads instead, at most one per
 * spare core, so the main thread (and the database pool it serves) keeps answering; extra
 * sign-ins queue for a thread. The built app ships bcrypt-worker.js beside the main bundle;
 * tests and scripts run the TypeScript source through tsx's require hook.
 */
const HASH_THREADS = Math.max(1, Math.min(4, os.availableParallelism() - 1));

let pool: Piscina<BcryptTask, string | boolean> | undefined;

function hashPool(): Piscina<BcryptTask, string | boolean> {
  if (pool) return pool;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'bcrypt-worker.js');
  const fromSource = !fs.existsSync(built);
  pool = new Piscina<BcryptTask, string | boolean>({
    filename: fromSource ? path.join(here, 'bcrypt-worker.ts') : built,
    execArgv: fromSource ? ['--require', 'tsx/cjs'] : [],
    minThreads: 0,
    maxThreads: HASH_THREADS,
    // Idle threads end, so a process that stops signing people in can exit.
    idleTimeout: 5_000,
  });
  return pool;
}

/** Ends the threads at once; hashes still queued or running fail. The next hash starts a new pool. */
export async function stopHashing(): Promise<void> {
  const stopping = pool;
  pool = undefined;
  await stopping?.destroy();
}

function run<T extends string | boolean>(task: BcryptTask): Promise<T> {
  return hashPool().run(task) as Promise<T>;
}

export function hashPassword(password: string): Promise<string> {
  return run<string>({ op: 'hash', password, cost: BCRYPT_COST });
}

let dummyHash: Promise<string> | undefined;

/**
 * Compares a password with a stored hash. Without a hash (no such account) it still spends a
 * full bcrypt comparison, so response time does not tell which emails exist.
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  if (hash === undefined) {
    dummyHash ??= hashPassword('no account has this password');
    await run<boolean>({ op: 'compare', password, hash: await dummyHash });
    return false;
  }
  return run<boolean>({ op: 'compare', password, hash });
}
