import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-thread-umask-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs code in a fresh worker thread (as PGlite's runs), after privateModesForThisThread() or not. */
function inWorker(privateModes: boolean, code: string): Promise<void> {
  const module = path.resolve(__dirname, '../../main/db/embedded/private-files.ts');
  const source = `require('tsx/cjs'); const fs = require('node:fs'); const dir = ${JSON.stringify(dir)};
    ${privateModes ? `require(${JSON.stringify(module)}).privateModesForThisThread();` : ''}
    ${code}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true });
    worker.once('error', reject);
    worker.once('exit', (exitCode) => (exitCode === 0 ? resolve() : reject(new Error(`worker exited ${exitCode}`))));
  });
}

// What PGlite's file system does: mknod as writeFileSync/mkdirSync with the mode asked for, and chmod.
const PGLITE_LIKE = (prefix: string) => `
  fs.mkdirSync(dir + '/${prefix}-dir', 0o777);
  fs.writeFileSync(dir + '/${prefix}-file', '', { mode: 0o666 });
  fs.writeFileSync(dir + '/${prefix}-plain', 'x');
  fs.closeSync(fs.openSync(dir + '/${prefix}-opened', 'w', 0o666));
  fs.writeFileSync(dir + '/${prefix}-chmod', '', { mode: 0o600 });
  fs.chmodSync(dir + '/${prefix}-chmod', 0o666);
`;

const modes = (prefix: string) =>
  Object.fromEntries(['dir', 'file', 'plain', 'opened', 'chmod'].map((n) => [n, (fs.statSync(path.join(dir, `${prefix}-${n}`)).mode & 0o777).toString(8)]));

describe.runIf(process.platform !== 'win32')('a 077 umask for the PGlite worker thread (privateModesForThisThread)', () => {
  it('creates and chmods with group and other bits cleared, whatever mode is asked for and whatever the umask', async () => {
    const umask = process.umask(0o022);
    try {
      await inWorker(false, PGLITE_LIKE('open'));
      await inWorker(true, PGLITE_LIKE('private'));
    } finally {
      process.umask(umask);
    }
    // Without it, the thread gets what it asks for (less the umask): the attack the issue found.
    expect(modes('open')).toEqual({ dir: '755', file: '644', plain: '644', opened: '644', chmod: '666' });
    expect(modes('private')).toEqual({ dir: '700', file: '600', plain: '600', opened: '600', chmod: '600' });
  });
});
