import type { DomainHandlers, Router } from '../ipc/router';
import type { AuthService } from './service';

export function registerAuthHandlers(router: Router, auth: AuthService): void {
  router.handleAll({
    'auth.status': (_req, { ctx, user }) => auth.status(ctx, user),
    'auth.createFirstAdmin': (req, { ctx }) => auth.createFirstAdmin(req, ctx),
    'auth.login': (req, { ctx }) => auth.login(req.email, req.password, ctx),
    'auth.logout': (_req, { ctx, user }) => auth.logout(ctx, user),
    'auth.lock': (_req, { ctx, user }) => auth.lock(ctx, user),
    // The router has already recorded the activity (or refused a locked session); nothing else to do.
    'auth.touch': async () => null,
    'auth.unlock': (req, { ctx, user }) => auth.unlock(req.password, ctx, user),
    'auth.setLanguage': (req, { ctx, user }) => auth.setLanguage(req.language, ctx, user),
    'auth.changePassword': (req, { ctx, user }) => auth.changePassword(req.currentPassword, req.newPassword, ctx, user),
  } satisfies DomainHandlers<'auth'>);
}
