import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { hash } from 'bcryptjs';

/** The cost the app's own accounts use; demo logins are real logins and get no cheaper hash. */
const BCRYPT_COST = 12;

// No 0/O, 1/l/I: the password is read off a terminal and typed in by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
// Bytes at or above this would favour the first letters of the alphabet; they are drawn again.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/**
 * A fresh random password like 'k7Qm-t3Zp-W9xe': 12 letters from 55 (about 69 bits), never
 * derived from the faker seed, so a reproducible demo still has unguessable logins.
 */
export function readablePassword(groups = 3, groupLength = 4): string {
  const letters: string[] = [];
  while (letters.length < groups * groupLength) {
    for (const byte of randomBytes(32)) {
      if (byte < UNBIASED_LIMIT && letters.length < groups * groupLength) letters.push(ALPHABET[byte % ALPHABET.length]!);
    }
  }
  const parts: string[] = [];
  for (let i = 0; i < groups; i++) parts.push(letters.slice(i * groupLength, (i + 1) * groupLength).join(''));
  return parts.join('-');
}

// bcryptjs is plain JavaScript: one cost-12 hash keeps a core busy for a quarter to half a
// second, and its async API only slices that work up on the same thread. A few workers hash
// side by side, and beside the main thread's inserts.
const MAX_WORKERS = 4;
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { hashSync } = require(workerData.bcryptjs);
parentPort.postMessage(workerData.passwords.map((p) => hashSync(p, workerData.cost)));
`;

function hashOnWorker(passwords: readonly string[], signal?: AbortSignal): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const bcryptjs = createRequire(import.meta.url).resolve('bcryptjs');
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { bcryptjs, passwords, cost: BCRYPT_COST } });
    const stop = () => void worker.terminate();
    signal?.addEventListener('abort', stop, { once: true });
    worker.once('message', (hashes: string[]) => {
      resolve(hashes);
      stop();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      signal?.removeEventListener('abort', stop);
      reject(new Error(`The hashing worker exited early (code ${code})`));
    });
  });
}

/**
 * bcrypt hashes of `passwords`, in their order. Aborting stops the workers, so a seed that
 * failed does not keep the process busy hashing for logins nobody will get.
 */
export async function hashPasswords(passwords: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const workers = Math.max(1, Math.min(passwords.length, availableParallelism(), MAX_WORKERS));
  const shares = Array.from({ length: workers }, (_, w) => passwords.filter((_p, i) => i % workers === w));
  let hashed: string[][];
  try {
    hashed = await Promise.all(shares.map((share) => hashOnWorker(share, signal)));
  } catch (err) {
    if (signal?.aborted) throw err;
    // Somewhere workers cannot load bcryptjs (say, from inside an asar): same hashes, slower.
    hashed = await Promise.all(shares.map((share) => Promise.all(share.map((p) => hash(p, BCRYPT_COST)))));
  }
  return passwords.map((_p, i) => hashed[i % workers]![Math.floor(i / workers)]!);
}
