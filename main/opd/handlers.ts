import type { DomainHandlers, Router } from '../ipc/router';
import type { OpdService } from './service';

export function registerOpdHandlers(router: Router, opd: OpdService): void {
  router.handleAll({
    'opd.listSessions': (req) => opd.list(req),
    'opd.createSession': (req, { user }) => opd.create(req, user),
    'opd.updateSession': async (req, call) => {
      const updated = await opd.update(req, call.user, call.audit);
      call.audited = true;
      return updated;
    },
    'opd.removeSession': (req, { user }) => opd.remove(req.id, user),
    'opd.bookToken': async (req, call) => {
      const booked = await opd.book(req, call.user, call.audit);
      call.audited = true;
      return booked;
    },
  } satisfies DomainHandlers<'opd'>);
}
