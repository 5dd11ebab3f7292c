import type { Knex } from 'knex';
import type { DomainHandlers, Router } from '../ipc/router';
import type { SettingsService } from '../settings/service';
import { listAudit } from './repo';

export function registerAuditHandlers(router: Router, knex: Knex, settings: SettingsService): void {
  router.handleAll({
    'audit.list': async (query) => listAudit(knex, query, (await settings.get()).timeZone),
  } satisfies DomainHandlers<'audit'>);
}
