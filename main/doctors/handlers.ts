import type { DomainHandlers, Router } from '../ipc/router';
import type { DoctorsService } from './service';

export function registerDoctorHandlers(router: Router, doctors: DoctorsService): void {
  router.handleAll({
    'doctors.list': (req) => doctors.list(req),
    'doctors.specializations': () => doctors.specializations(),
    'doctors.create': (req) => doctors.create(req),
    'doctors.update': (req) => doctors.update(req),
    'doctors.setActive': (req) => doctors.setActive(req.id, req.active),
    'doctors.delete': (req) => doctors.delete(req.id),
  } satisfies DomainHandlers<'doctors'>);
}
