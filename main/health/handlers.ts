import type { Database } from '../db/open';
import type { Router } from '../ipc/router';
import { healthReport } from './service';

export function registerHealthHandlers(router: Router, db: Database): void {
  router.handle('health.get', () => healthReport(db));
}
