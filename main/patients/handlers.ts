import type { DomainHandlers, Router } from '../ipc/router';
import type { PatientsService } from './service';

export function registerPatientHandlers(router: Router, patients: PatientsService): void {
  router.handleAll({
    'patients.search': (req) => patients.search(req.query, req.limit),
    'patients.get': (req, { user }) => patients.page(req.id, user),
    'patients.create': async (req, call) => {
      const result = await patients.create(req, call.user);
      if (result.status === 'created') call.auditId = result.patient.id;
      return result;
    },
    'patients.update': async (req, call) => {
      const updated = await patients.update(req, call.user, call.audit);
      call.audited = true;
      return updated;
    },
  } satisfies DomainHandlers<'patients'>);
}
