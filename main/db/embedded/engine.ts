import path from 'node:path';
import { embeddedDataDir } from '../data-dir';
import { lockDataFolder, type DataFolderLock } from './data-folder-lock';
import { startEmbeddedServer, type EmbeddedServer } from './worker-host';

/** PGlite serving one clinic data folder: the folder's lock held, the engine starting or serving. */
export interface EmbeddedEngine {
  readonly dataDir: string;
  readonly lock: DataFolderLock;
  /** Rejects when PGlite cannot start; the lock is released by then. */
  readonly server: Promise<EmbeddedServer>;
}

/** Where PGlite keeps its files inside the clinic data folder (the lock file sits beside it). */
export function pgDataDir(config: { dataDir: string }): string {
  return path.join(config.dataDir, 'pgdata');
}

/** Locks the folder (throwing if another process holds it), then starts PGlite on it. */
export function startEngine(dataDir: string): EmbeddedEngine {
  const lock = lockDataFolder(dataDir);
  const server = startEmbeddedServer(pgDataDir({ dataDir }));
  server.catch(() => lock.release());
  return { dataDir, lock, server };
}

async function stopEngine(engine: EmbeddedEngine): Promise<void> {
  let server: EmbeddedServer;
  try {
    server = await engine.server;
  } catch {
    return;
  }
  try {
    await server.stop();
  } finally {
    engine.lock.release();
  }
}

let early: EmbeddedEngine | undefined;

/**
 * Starts the embedded database the moment the app's process starts, before the rest of main loads
 * and, in Electron, before the app is ready: PGlite's own start is the longest wait of a cold
 * start. openDatabase takes it over. Nothing happens when DATABASE_URL names a server; a folder
 * that cannot be locked is left for openDatabase to report.
 */
export function startEngineEarly(env: NodeJS.ProcessEnv, userDataDir: string): void {
  const dataDir = embeddedDataDir(env, userDataDir);
  if (dataDir === undefined) return;
  try {
    early = startEngine(dataDir);
  } catch {
    // openDatabase locks the folder again and says why it cannot.
  }
}

/** The engine started early, if it serves dataDir; one started for another folder is stopped. */
export async function takeEarlyEngine(dataDir: string): Promise<EmbeddedEngine | undefined> {
  const engine = early;
  early = undefined;
  if (!engine || engine.dataDir === dataDir) return engine;
  await stopEngine(engine);
  return undefined;
}

/** Stops an engine started early that nothing took over (the start failed before the database opened). */
export async function discardEarlyEngine(): Promise<void> {
  const engine = early;
  early = undefined;
  if (engine) await stopEngine(engine);
}
