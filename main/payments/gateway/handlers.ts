import type { Router } from '../../ipc/router';
import type { GatewayPaymentsService } from './service';

export function registerGatewayPaymentHandlers(router: Router, gateway: GatewayPaymentsService): void {
  router
    .handle('payments.upiLink', (req) => gateway.upiLink(req.appointmentId))
    .handle('payments.collect', (req, { user }) => gateway.collect(req, user))
    .handle('payments.getSettings', () => gateway.getSettings())
    .handle('payments.updateSettings', (req, { user }) => gateway.updateSettings(req, user))
    .handle('payments.reconciliation', (req) => gateway.reconciliation(req.date));
}
