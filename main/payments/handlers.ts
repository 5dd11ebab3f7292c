import type { DomainHandlers, Router } from '../ipc/router';
import type { PaymentsService } from './service';

export function registerPaymentHandlers(router: Router, payments: PaymentsService): void {
  router.handleAll({
    'payments.record': (req, { user }) => payments.record(req, user),
    'payments.confirm': (req, { user }) => payments.confirm(req.id, user),
    'payments.refund': (req, { user }) => payments.refund(req, user),
    'payments.receipt': (req) => payments.receipt(req.id),
    'payments.forAppointment': (req) => payments.forAppointment(req.appointmentId),
    'payments.dayEnd': (req) => payments.dayEnd(req.date),
  } satisfies DomainHandlers<'payments'>);
}
