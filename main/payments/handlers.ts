import type { DomainHandlers, Router } from '../ipc/router';
import type { GatewayPaymentsService } from './gateway/service';
import type { PaymentsService } from './service';

export function registerPaymentHandlers(router: Router, payments: PaymentsService, gateway: GatewayPaymentsService): void {
  router.handleAll({
    'payments.record': (req, { user }) => payments.record(req, user),
    'payments.confirm': (req, { user }) => payments.confirm(req.id, user),
    'payments.refund': (req, { user }) => payments.refund(req, user),
    'payments.receipt': (req) => payments.receipt(req.id),
    'payments.forAppointment': (req) => payments.forAppointment(req.appointmentId),
    'payments.dayEnd': (req) => payments.dayEnd(req.date),
    'payments.ofDay': (req) => payments.ofDay(req.date),
    'payments.upiLink': (req) => gateway.upiLink(req.appointmentId),
    'payments.collect': (req, { user }) => gateway.collect(req, user),
    'payments.gatewayQr': (req) => gateway.qrImage(req.paymentId),
    'payments.getSettings': () => gateway.getSettings(),
    'payments.updateSettings': async (req, call) => {
      const settings = await gateway.updateSettings(req, call.user, call.audit);
      call.audited = true;
      return settings;
    },
    'payments.reconciliation': (req) => gateway.reconciliation(req.date),
    'payments.reconciliationRuns': () => gateway.reconciliationRuns(),
    'payments.reconciliationRun': (req) => gateway.reconciliationRun(req.date),
    'payments.runReconciliation': (req) => gateway.runReconciliation(req.date),
  } satisfies DomainHandlers<'payments'>);
}
