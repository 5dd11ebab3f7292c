import type { Router } from '../ipc/router';
import type { AppointmentTypesService } from './service';

export function registerAppointmentTypeHandlers(router: Router, types: AppointmentTypesService): void {
  router
    .handle('appointmentTypes.list', (req) => types.list(req))
    .handle('appointmentTypes.create', (req, { user }) => types.create(req, user))
    .handle('appointmentTypes.update', (req) => types.update(req))
    .handle('appointmentTypes.deactivate', (req) => types.deactivate(req.id));
}
