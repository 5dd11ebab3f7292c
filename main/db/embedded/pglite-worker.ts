import fs from 'node:fs';
import v8 from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { privateModesForThisThread } from './private-files';
import type { HostToWorker, WorkerStartOptions, WorkerToHost } from './protocol';

// PGlite runs Postgres synchronously in WebAssembly; here it has a thread of its own and speaks
// the Postgres wire protocol, so main uses the same pg driver and type parsers as server mode.

// Every file PGlite makes from here on (WAL segments after a switch, relation files, a restored
// folder) is private to the user; PGlite itself asks for 0666.
privateModesForThisThread();

// PGlite's WebAssembly on V8's baseline compiler only (read when the module compiles, in create()
// below; the flag is the process's, and nothing else in it runs WebAssembly). The optimising
// tier recompiled what a start ran hot, taking CPU while the PC was drawing the sign-in screen,
// and memory that stayed; steady queries run somewhat slower without that tier (README,
// Performance: measured both ways).
v8.setFlagsFromString('--liftoff-only');

const options = workerData as WorkerStartOptions;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');

function send(message: WorkerToHost): void {
  port?.postMessage(message);
}

/**
 * Postgres's buffer cache, inside PGlite's WebAssembly memory. Its default (128 MB) is sized for
 * a server: here it is touched at every start and, WebAssembly memory never shrinking, held for
 * the app's life, while a page it misses is read from the OS's file cache, not a disk. A smaller
 * one opened a folder in about half the time and memory (README, Performance).
 */
const SHARED_BUFFERS = '32MB';

/**
 * A log segment no longer needed is removed at a checkpoint, not renamed into a spare for later
 * (Postgres's default, for a server that writes all day). A large write (an import, a restore,
 * the bench's load) otherwise left its spares in the folder for good, and PGlite's dump copies
 * every file: a large clinic's backup was mostly old log.
 */
const WAL_RECYCLE = 'wal_recycle=off';

async function start(): Promise<{ db: PGlite; server: PGLiteSocketServer }> {
  const loadDataDir = options.loadDataDir ? new Blob([fs.readFileSync(options.loadDataDir)]) : undefined;
  const db = await PGlite.create(options.pgDataDir, {
    extensions: { btree_gist, pg_trgm },
    loadDataDir,
    startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${SHARED_BUFFERS}`, '-c', WAL_RECYCLE],
  });
  const server = new PGLiteSocketServer(options.socketPath ? { db, path: options.socketPath } : { db, host: '127.0.0.1', port: 0 });
  await server.start();
  return { db, server };
}

async function stop(db: PGlite, server: PGLiteSocketServer): Promise<void> {
  await server.stop();
  // A checkpoint flushes everything to the data files, so the next start needs no WAL replay.
  await db.exec('CHECKPOINT');
  await db.close();
}

start().then(
  ({ db, server }) => {
    const conn = server.getServerConn();
    if (options.socketPath) {
      send({ type: 'ready', host: options.socketPath, port: 0 });
    } else {
      const portNo = Number(conn.split(':').pop());
      send({ type: 'ready', host: '127.0.0.1', port: portNo });
    }
    port.on('message', (message: HostToWorker) => {
      if (message.type === 'dump') {
        // PGlite runs the dump between queries (it holds its query lock), so the tarball is a
        // consistent image of the folder: committed work in it, uncommitted work rolled back on load.
        db.dumpDataDir('gzip')
          .then((file) => file.arrayBuffer())
          .then(
            (data) => port.postMessage({ type: 'dumped', data } satisfies WorkerToHost, [data]),
            (err: unknown) => send({ type: 'dumpFailed', message: err instanceof Error ? err.message : String(err) }),
          );
        return;
      }
      stop(db, server).then(
        () => send({ type: 'closed' }),
        (err: unknown) => send({ type: 'failed', message: String(err) }),
      );
    });
  },
  (err: unknown) => send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
);
