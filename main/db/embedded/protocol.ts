/** Messages between the main thread and the PGlite worker. */
export interface WorkerStartOptions {
  pgDataDir: string;
  /** Unix socket path to listen on; absent on Windows, where a loopback TCP port is used. */
  socketPath: string | undefined;
  /** A data-folder dump (PGlite's dumpDataDir tarball) to create the database from: a restore. */
  loadDataDir?: string;
}

export type WorkerToHost =
  | { type: 'ready'; host: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'closed' }
  | { type: 'dumped'; data: ArrayBuffer }
  | { type: 'dumpFailed'; message: string };

export type HostToWorker = { type: 'close' } | { type: 'dump' };
