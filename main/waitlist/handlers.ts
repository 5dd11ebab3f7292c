import type { DomainHandlers, Router } from '../ipc/router';
import type { WaitlistService } from './service';

export function registerWaitlistHandlers(router: Router, waitlist: WaitlistService): void {
  router.handleAll({
    'waitlist.add': (req, { user }) => waitlist.add(req, user),
    'waitlist.list': (req) => waitlist.list(req.doctorId),
    'waitlist.remove': (req) => waitlist.remove(req.id),
    'waitlist.offers': () => waitlist.offers(),
    'waitlist.takeOffer': async (req, call) => {
      const booked = await waitlist.take(req.id, call.user, call.ctx, call.audit);
      call.audited = call.audit !== undefined;
      return booked;
    },
  } satisfies DomainHandlers<'waitlist'>);
}
