import type { Database } from '../db/open';
import type { DomainHandlers, Router } from '../ipc/router';
import { healthReport } from './service';

export function registerHealthHandlers(router: Router, db: Database): void {
  router.handleAll({
    'health.get': () => healthReport(db),
  } satisfies DomainHandlers<'health'>);
}
