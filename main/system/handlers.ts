import type { Database } from '../db/open';
import { expectedSchemaVersion } from '../db/migrator';
import type { Router } from '../ipc/router';

export function registerSystemHandlers(router: Router, db: Database, version: string): void {
  router.handle('app.info', async () => ({ version, databaseMode: db.mode, schemaVersion: expectedSchemaVersion }));
}
