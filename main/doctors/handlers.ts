import type { Router } from '../ipc/router';
import type { DoctorsService } from './service';

export function registerDoctorHandlers(router: Router, doctors: DoctorsService): void {
  router
    .handle('doctors.list', (req) => doctors.list(req))
    .handle('doctors.specializations', () => doctors.specializations())
    .handle('doctors.create', (req) => doctors.create(req))
    .handle('doctors.update', (req) => doctors.update(req))
    .handle('doctors.setActive', (req) => doctors.setActive(req.id, req.active))
    .handle('doctors.delete', (req) => doctors.delete(req.id));
}
