import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatabaseSetupError } from '../errors';
import { makePrivate, privateFolder } from './private-files';
import type { HostToWorker, WorkerStartOptions, WorkerToHost } from './protocol';

export interface EmbeddedServer {
  /** pg connection target: a Unix socket folder, or 127.0.0.1 on Windows. */
  host: string;
  port: number;
  /** A gzipped tarball of the data folder (PGlite's dumpDataDir), taken while serving. */
  dumpDataDir(): Promise<Uint8Array>;
  /** Checkpoints and closes PGlite, then ends the worker. */
  stop(): Promise<void>;
}

const DUMP_TIMEOUT_MS = 300_000;

// A failsafe, not a budget: a first start compiles PGlite's wasm and initialises the folder,
// which on a busy two-core PC has taken more than a minute; a hung worker still ends in an error.
const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;

/**
 * The bundled app ships pglite-worker.js beside the main bundle; tests and scripts run the
 * TypeScript source through tsx's require hook. Both are loaded with require() from a tiny
 * bootstrap, so the packaged app reads the worker through Electron's asar-aware loader.
 */
function spawnWorker(workerData: WorkerStartOptions): Worker {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const built = path.join(here, 'pglite-worker.js');
  const bootstrap = fs.existsSync(built)
    ? `require(${JSON.stringify(built)});`
    : `require('tsx/cjs'); require(${JSON.stringify(path.join(here, 'pglite-worker.ts'))});`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function waitFor<T extends WorkerToHost['type']>(worker: Worker, type: T, timeoutMs: number): Promise<Extract<WorkerToHost, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      cleanup();
      reject(new DatabaseSetupError(`The embedded database did not answer within ${timeoutMs / 1000} s`, 'EMBEDDED_START'));
    }, timeoutMs);
    const onMessage = (message: WorkerToHost) => {
      if (message.type === type) {
        cleanup();
        resolve(message as Extract<WorkerToHost, { type: T }>);
      } else if (message.type === 'failed') {
        cleanup();
        reject(new DatabaseSetupError(`The embedded database could not ${type === 'ready' ? 'start' : 'close'}: ${message.message}`, 'EMBEDDED_START'));
      }
    };
    const onError = (err: Error) => {
      cleanup();
      reject(new DatabaseSetupError(`The embedded database stopped: ${err.message}`, 'EMBEDDED_START'));
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new DatabaseSetupError(`The embedded database exited (code ${code})`, 'EMBEDDED_START'));
    };
    function cleanup() {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    }
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

function requestDump(worker: Worker): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => finish(new Error(`The embedded database did not finish its dump within ${DUMP_TIMEOUT_MS / 1000} s`)), DUMP_TIMEOUT_MS);
    const onMessage = (message: WorkerToHost) => {
      if (message.type === 'dumped') finish(undefined, new Uint8Array(message.data));
      if (message.type === 'dumpFailed') finish(new Error(`The embedded database could not be dumped: ${message.message}`));
    };
    const onExit = (code: number) => finish(new Error(`The embedded database exited (code ${code}) during a dump`));
    function finish(err: Error | undefined, data?: Uint8Array) {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('exit', onExit);
      if (err) reject(err);
      else resolve(data!);
    }
    worker.on('message', onMessage);
    worker.on('exit', onExit);
    worker.postMessage({ type: 'dump' } satisfies HostToWorker);
  });
}

/**
 * Starts PGlite on its own thread, serving the data folder over a private socket; with
 * restoreFrom, the (empty) folder is first filled from a dumpDataDir tarball.
 */
export async function startEmbeddedServer(pgDataDir: string, restoreFrom?: string): Promise<EmbeddedServer> {
  privateFolder(pgDataDir);
  // A Unix socket in a private temp folder (mode 0700) keeps other local users out; Windows
  // has no such socket for pg, so it falls back to an ephemeral port on loopback.
  const socketDir = process.platform === 'win32' ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-pg-'));
  const startOptions: WorkerStartOptions = {
    pgDataDir,
    socketPath: socketDir ? path.join(socketDir, '.s.PGSQL.5432') : undefined,
    loadDataDir: restoreFrom,
  };
  const worker = spawnWorker(startOptions);
  const removeSocketDir = () => {
    if (socketDir) fs.rmSync(socketDir, { recursive: true, force: true });
  };
  let ready: WorkerToHost & { type: 'ready' };
  try {
    ready = await waitFor(worker, 'ready', START_TIMEOUT_MS);
    // Files an older version (or PGlite's first run) left readable by others are tightened on
    // every open; the socket too, though its 0700 folder already keeps others out.
    makePrivate(pgDataDir);
    if (startOptions.socketPath) fs.chmodSync(startOptions.socketPath, 0o600);
  } catch (err) {
    await worker.terminate();
    removeSocketDir();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  let dumping: Promise<Uint8Array> = Promise.resolve(new Uint8Array());
  return {
    dumpDataDir() {
      // One dump at a time: replies carry no id, so requests must not overlap.
      // The caller checkpointed first; whatever that wrote is tightened with the rest.
      dumping = dumping
        .catch(() => undefined)
        .then(() => requestDump(worker))
        .finally(() => makePrivate(pgDataDir));
      return dumping;
    },
    host: socketDir ?? ready.host,
    port: socketDir ? 5432 : ready.port,
    stop() {
      stopping ??= (async () => {
        try {
          const closed = waitFor(worker, 'closed', STOP_TIMEOUT_MS);
          worker.postMessage({ type: 'close' } satisfies HostToWorker);
          await closed;
          makePrivate(pgDataDir);
        } finally {
          await worker.terminate();
          removeSocketDir();
        }
      })();
      return stopping;
    },
  };
}
