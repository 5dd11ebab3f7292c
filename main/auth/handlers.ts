import type { Router } from '../ipc/router';
import type { AuthService } from './service';

export function registerAuthHandlers(router: Router, auth: AuthService): void {
  router
    .handle('auth.status', (_req, { ctx, user }) => auth.status(ctx, user))
    .handle('auth.createFirstAdmin', (req, { ctx }) => auth.createFirstAdmin(req, ctx))
    .handle('auth.login', (req, { ctx }) => auth.login(req.email, req.password, ctx))
    .handle('auth.logout', (_req, { ctx, user }) => auth.logout(ctx, user))
    .handle('auth.lock', (_req, { ctx, user }) => auth.lock(ctx, user))
    // The router has already recorded the activity (or refused a locked session); nothing else to do.
    .handle('auth.touch', async () => null)
    .handle('auth.unlock', (req, { ctx, user }) => auth.unlock(req.password, ctx, user))
    .handle('auth.changePassword', (req, { ctx, user }) => auth.changePassword(req.currentPassword, req.newPassword, ctx, user));
}
