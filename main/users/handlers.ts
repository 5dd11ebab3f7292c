import type { Router } from '../ipc/router';
import type { UsersService } from './service';

export function registerUserHandlers(router: Router, users: UsersService): void {
  router
    .handle('users.list', () => users.list())
    .handle('users.create', (req) => users.create(req))
    .handle('users.update', (req, { user }) => users.update(req, user))
    .handle('users.setDisabled', (req, { user }) => users.setDisabled(req.id, req.disabled, user))
    .handle('users.resetPassword', (req) => users.resetPassword(req.id, req.password))
    .handle('users.unlock', (req) => users.unlock(req.id));
}
