import type { DomainHandlers, Router } from '../ipc/router';
import type { AfterBooked } from '../shared/after-booked';
import type { WaitlistService } from './service';

/** `afterBooked` runs once an offer's booking has committed (the prepay link), as after a booking; it never fails it. */
export function registerWaitlistHandlers(router: Router, waitlist: WaitlistService, afterBooked: AfterBooked = async () => undefined): void {
  router.handleAll({
    'waitlist.add': (req, { user }) => waitlist.add(req, user),
    'waitlist.list': (req) => waitlist.list(req.doctorId),
    'waitlist.remove': (req) => waitlist.remove(req.id),
    'waitlist.offers': () => waitlist.offers(),
    'waitlist.takeOffer': async (req, call) => {
      const booked = await waitlist.take(req.id, call.user, call.ctx, call.audit);
      call.audited = true;
      await afterBooked(booked, call.user);
      return booked;
    },
  } satisfies DomainHandlers<'waitlist'>);
}
