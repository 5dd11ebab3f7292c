import type { AuthService } from '../auth/service';
import type { SessionStore } from '../auth/sessions';
import { AppError } from '../shared/app-error';
import type { DomainHandlers, Router } from '../ipc/router';
import type { VideoService } from './service';
import type { WindowTickets } from './window-tickets';

/** Opens the call window for an appointment, signed in from the opener's session (Electron only). */
export type CallWindowOpener = (appointmentId: number, openerSessionKey: string) => Promise<void>;

export interface VideoHandlerDeps {
  video: VideoService;
  sessions: SessionStore;
  auth: AuthService;
  tickets: WindowTickets;
  /** Absent without Electron (browser bridge, tests): the caller then gets a ticket for a new tab. */
  openCallWindow?: CallWindowOpener;
}

export function registerVideoHandlers(router: Router, deps: VideoHandlerDeps): void {
  const { video, sessions, auth, tickets, openCallWindow } = deps;
  router.handleAll({
    'video.getSettings': () => video.getSettings(),
    'video.updateSettings': (req, { user }) => video.updateSettings(req, user),
    'video.callInfo': (req, { user }) => video.callInfo(req.appointmentId, user),
    'video.start': (req, { user }) => video.start(req.appointmentId, user),
    'video.patientLink': (req, { user }) => video.patientLink(req.appointmentId, user),
    'video.revokeLink': (req, { user }) => video.revokeLink(req.appointmentId, user),
    'video.waitingOnline': (req) => video.waitingOnline(req),
    'video.reportEvent': (req, { user }) => video.reportEvent(req, user),
    'video.end': (req, { user }) => video.end(req.roomSid, user),
    'video.openWindow': async (req, { ctx, user }) => {
      await video.callable(req.appointmentId, user);
      if (openCallWindow) {
        await openCallWindow(req.appointmentId, ctx.sessionKey);
        return { opened: true as const };
      }
      return { opened: false as const, ticket: tickets.issue(ctx.sessionKey) };
    },
    'video.joinWindow': async (req, { ctx }) => {
      const opener = tickets.redeem(req.ticket);
      const state = opener ? sessions.signInFrom(ctx.sessionKey, opener) : undefined;
      const user = state && (await auth.loadUser(state.userId));
      const session = user && (await auth.sessionOf(ctx.sessionKey, user));
      if (session) return session;
      if (state) sessions.signOut(ctx.sessionKey);
      throw new AppError('UNAUTHENTICATED', 'This call window’s link has expired or was already used. Start the video call again from Clinic Desk.');
    },
  } satisfies DomainHandlers<'video'>);
}
