import type { Router } from '../ipc/router';
import type { RecallsService } from './service';

export function registerRecallHandlers(router: Router, recalls: RecallsService): void {
  router
    .handle('recalls.create', (req, { user }) => recalls.create(req, user))
    .handle('recalls.list', (req) => recalls.list(req))
    .handle('recalls.dismiss', (req) => recalls.dismiss(req.id));
}
