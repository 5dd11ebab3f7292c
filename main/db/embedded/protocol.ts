/** Messages between the main thread and the PGlite worker. */
export interface WorkerStartOptions {
  pgDataDir: string;
  /** Unix socket path to listen on; absent on Windows, where a loopback TCP port is used. */
  socketPath: string | undefined;
}

export type WorkerToHost =
  | { type: 'ready'; host: string; port: number }
  | { type: 'failed'; message: string }
  | { type: 'closed' };

export type HostToWorker = { type: 'close' };
