import type { Database } from '../db/open';
import { expectedSchemaVersion } from '../db/migrator';
import type { DomainHandlers, Router } from '../ipc/router';

export function registerSystemHandlers(router: Router, db: Database, version: string): void {
  router.handleAll({
    'app.info': async () => ({ version, databaseMode: db.mode, schemaVersion: expectedSchemaVersion }),
  } satisfies DomainHandlers<'app'>);
}
