import type { DomainHandlers, Router } from '../ipc/router';
import type { HolidaysService } from './service';

export function registerHolidayHandlers(router: Router, holidays: HolidaysService): void {
  router.handleAll({
    'holidays.list': (req) => holidays.list(req.from, req.to),
    'holidays.add': async (req, call) => {
      const result = await holidays.add(req, call.user);
      if (result.status === 'saved') call.auditId = result.holiday.id;
      return result;
    },
    'holidays.rename': (req) => holidays.rename(req.id, req.name),
    'holidays.remove': (req) => holidays.remove(req.id),
    'holidays.import': (req, { user }) => holidays.import(req.list, user),
  } satisfies DomainHandlers<'holidays'>);
}
