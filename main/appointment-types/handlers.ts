import type { DomainHandlers, Router } from '../ipc/router';
import type { AppointmentTypesService } from './service';

export function registerAppointmentTypeHandlers(router: Router, types: AppointmentTypesService): void {
  router.handleAll({
    'appointmentTypes.list': (req) => types.list(req),
    'appointmentTypes.create': (req, { user }) => types.create(req, user),
    'appointmentTypes.update': (req) => types.update(req),
    'appointmentTypes.deactivate': (req) => types.deactivate(req.id),
  } satisfies DomainHandlers<'appointmentTypes'>);
}
