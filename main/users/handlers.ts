import type { DomainHandlers, Router } from '../ipc/router';
import type { UsersService } from './service';

export function registerUserHandlers(router: Router, users: UsersService): void {
  router.handleAll({
    'users.list': () => users.list(),
    'users.create': (req) => users.create(req),
    'users.update': (req, { user }) => users.update(req, user),
    'users.setDisabled': (req, { user }) => users.setDisabled(req.id, req.disabled, user),
    'users.resetPassword': (req) => users.resetPassword(req.id, req.password),
    'users.unlock': (req) => users.unlock(req.id),
  } satisfies DomainHandlers<'users'>);
}
