import type { Router } from '../ipc/router';
import type { WaitlistService } from './service';

export function registerWaitlistHandlers(router: Router, waitlist: WaitlistService): void {
  router
    .handle('waitlist.add', (req, { user }) => waitlist.add(req, user))
    .handle('waitlist.list', (req) => waitlist.list(req.doctorId))
    .handle('waitlist.remove', (req) => waitlist.remove(req.id))
    .handle('waitlist.offers', () => waitlist.offers())
    .handle('waitlist.takeOffer', async (req, call) => {
      const booked = await waitlist.take(req.id, call.user, call.ctx, call.audit);
      call.audited = call.audit !== undefined;
      return booked;
    });
}
