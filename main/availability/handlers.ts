import type { DomainHandlers, Router } from '../ipc/router';
import type { AvailabilityService } from './service';

export function registerAvailabilityHandlers(router: Router, availability: AvailabilityService): void {
  router.handleAll({
    'availability.getTemplate': (req) => availability.getTemplate(req.doctorId),
    'availability.saveTemplate': async (req, call) => {
      call.auditId = req.doctorId;
      return availability.saveTemplate(req, call.user);
    },
    'availability.previewTemplate': async (req) => availability.preview(req.rules, req.from, req.to),
    'availability.expand': async (req, call) => {
      call.auditId = req.doctorId;
      return availability.expand(req.doctorId, req.from, req.to, call.user);
    },
    'availability.addException': async (req, call) => {
      const result = await availability.addException(req, call.user);
      if (result.status === 'saved' && result.window) call.auditId = result.window.id;
      return result;
    },
    'availability.removeWindow': (req, { user }) => availability.removeWindow(req.id, req.cancelBooked, user),
    'availability.range': (req) => availability.range(req.doctorIds, req.from, req.to),
  } satisfies DomainHandlers<'availability'>);
}
