import type { DomainHandlers, Router } from '../ipc/router';
import type { RecallsService } from './service';

export function registerRecallHandlers(router: Router, recalls: RecallsService): void {
  router.handleAll({
    'recalls.create': (req, { user }) => recalls.create(req, user),
    'recalls.list': (req) => recalls.list(req),
    'recalls.dismiss': (req) => recalls.dismiss(req.id),
  } satisfies DomainHandlers<'recalls'>);
}
