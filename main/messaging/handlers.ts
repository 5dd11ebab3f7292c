import type { DomainHandlers, Router } from '../ipc/router';
import type { MessagingService } from './service';

export function registerMessagingHandlers(router: Router, messaging: MessagingService): void {
  router.handleAll({
    'messaging.forAppointment': (req) => messaging.forAppointment(req.appointmentId),
    'messaging.sendNow': (req, { user }) => messaging.sendNow(req, user),
    'messaging.notice': (req, { user }) => messaging.notice(req, user),
    'messaging.failures': () => messaging.failures(),
    'messaging.inbox': () => messaging.inbox(),
    'messaging.markHandled': (req, { user }) => messaging.markHandled(req.id, user),
    'messaging.getSettings': () => messaging.getSettings(),
    'messaging.updateSettings': (req, { user }) => messaging.updateSettings(req, user),
    'messaging.templates': () => messaging.templates(),
    'messaging.saveTemplate': (req, { user }) => messaging.saveTemplate(req, user),
    'messaging.preview': (req) => messaging.preview(req),
  } satisfies DomainHandlers<'messaging'>);
}
