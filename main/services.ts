import type { Database } from './db/open';
import { Router } from './ipc/router';
import { registerSystemHandlers } from './system/handlers';

/**
 * Everything main does, without Electron: the same router serves the app's IPC, the loopback
 * browser bridge and the tests.
 */
export function createRouter(db: Database, version: string, log: (message: string, err: unknown) => void): Router {
  const router = new Router(log);
  registerSystemHandlers(router, db, version);
  return router;
}
