import type { Router } from '../ipc/router';
import type { MessagingService } from './service';

export function registerMessagingHandlers(router: Router, messaging: MessagingService): void {
  router
    .handle('messaging.forAppointment', (req) => messaging.forAppointment(req.appointmentId))
    .handle('messaging.sendNow', (req, { user }) => messaging.sendNow(req, user))
    .handle('messaging.notice', (req, { user }) => messaging.notice(req, user))
    .handle('messaging.failures', () => messaging.failures())
    .handle('messaging.inbox', () => messaging.inbox())
    .handle('messaging.markHandled', (req, { user }) => messaging.markHandled(req.id, user))
    .handle('messaging.getSettings', () => messaging.getSettings())
    .handle('messaging.updateSettings', (req, { user }) => messaging.updateSettings(req, user))
    .handle('messaging.templates', () => messaging.templates())
    .handle('messaging.saveTemplate', (req, { user }) => messaging.saveTemplate(req, user))
    .handle('messaging.preview', (req) => messaging.preview(req));
}
