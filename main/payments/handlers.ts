import type { Router } from '../ipc/router';
import type { PaymentsService } from './service';

export function registerPaymentHandlers(router: Router, payments: PaymentsService): void {
  router
    .handle('payments.record', (req, { user }) => payments.record(req, user))
    .handle('payments.confirm', (req, { user }) => payments.confirm(req.id, user))
    .handle('payments.refund', (req, { user }) => payments.refund(req, user))
    .handle('payments.receipt', (req) => payments.receipt(req.id))
    .handle('payments.forAppointment', (req) => payments.forAppointment(req.appointmentId))
    .handle('payments.dayEnd', (req) => payments.dayEnd(req.date));
}
