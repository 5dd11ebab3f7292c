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
    // One thread stays once started, its bcrypt code compiled (see warmHashing); idle threads
    // never hold a process open (Piscina unrefs them), and the extra ones end.
    minThreads: 1,
    maxThreads: HASH_THREADS,
    idleTimeout: 5_000,
  });
  return pool;
}

/**
 * Starts the hashing thread and has V8 compile bcrypt's code in it while a sign-in or unlock
 * screen waits for its password: the first comparison in a new thread took noticeably longer
 * than the next, and it was every cold start's first sign-in.
 */
export function warmHashing(): void {
  // Failing (the pool stopped meanwhile) costs only the head start it was for.
  run<string>({ op: 'hash', password: 'warming up', cost: 4 }).catch(() => undefined);
}

/** How many hashing threads are running: for tests of when they start. */
export function hashingThreads(): number {
  return pool?.threads.length ?? 0;
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
