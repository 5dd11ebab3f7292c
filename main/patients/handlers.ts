import type { Router } from '../ipc/router';
import type { PatientsService } from './service';

export function registerPatientHandlers(router: Router, patients: PatientsService): void {
  router
    .handle('patients.search', (req) => patients.search(req.query, req.limit))
    .handle('patients.get', (req, { user }) => patients.page(req.id, user))
    .handle('patients.create', async (req, call) => {
      const result = await patients.create(req, call.user);
      if (result.status === 'created') call.auditId = result.patient.id;
      return result;
    })
    .handle('patients.update', async (req, call) => {
      const updated = await patients.update(req, call.user, call.audit);
      call.audited = call.audit !== undefined;
      return updated;
    });
}
