import type { GlobalShortcut } from 'electron';
import { makeClient, type Req, type Res, type Result } from '../../preload/contract';
import type { SessionStore } from '../auth/sessions';
import type { Router } from '../ipc/router';
import type { CurrentUser } from '../shared/call-context';

/** The OS-wide "Call next": Ctrl+Alt+N on Windows and Linux, ⌘⌥N on a Mac. */
export const CALL_NEXT_ACCELERATOR = 'CommandOrControl+Alt+N';

export interface CallNextShortcutDeps {
  /** electron's globalShortcut. */
  shortcuts: Pick<GlobalShortcut, 'register' | 'unregister'>;
  sessions: SessionStore;
  /** The session keys of the app's own windows (not call windows, not display windows). */
  windowKeys(): readonly string[];
  loadUser(userId: number): Promise<CurrentUser | undefined>;
  /** appointments.callNext through the router, as the window's session: the queue button's path, with its checks and audit. */
  callNext(sessionKey: string, req: Req<'appointments.callNext'>): Promise<Result<Res<'appointments.callNext'>>>;
  /** Tells the doctor what the press did, wherever they are working (a system notification). */
  show(outcome: { title: string; body: string }): void;
  log(message: string, err: unknown): void;
}

/** appointments.callNext through the router as a window's session: the queue button's path, with its checks and audit. */
export function callNextThroughRouter(router: Pick<Router, 'call'>, workstation: string): CallNextShortcutDeps['callNext'] {
  return (sessionKey, req) =>
    makeClient(
      (channel, payload) => router.call(channel, payload, { sessionKey, workstation }),
      // A single call, never a subscription.
      () => () => {},
    ).appointments.callNext(req);
}

interface Holder {
  sessionKey: string;
  userId: number;
  doctorId: number;
}

/**
 * Holds the OS-wide "Call next" shortcut while a doctor is signed in, unlocked, in one of this
 * PC's windows, and only then: it is let go the moment that session locks or ends (a locked PC
 * must not call patients), and taken again on unlock. A press calls the doctor's next token.
 * The outcome names the token, never the patient: the OS keeps notifications past the app's lock.
 */
export function callNextShortcut(deps: CallNextShortcutDeps): { dispose(): void } {
  let holder: Holder | undefined;
  // Bumped on every session change: a user read begun before a later change decides nothing.
  let generation = 0;

  const release = () => {
    if (!holder) return;
    holder = undefined;
    deps.shortcuts.unregister(CALL_NEXT_ACCELERATOR);
  };

  const unlocked = (sessionKey: string) => {
    const s = deps.sessions.get(sessionKey);
    return s && !s.locked && s.scope === 'full' ? s : undefined;
  };

  const press = async (h: Holder) => {
    // The router refuses a locked session too; this keeps a press racing the lock from even asking.
    if (holder !== h || !unlocked(h.sessionKey)) return;
    const called = await deps.callNext(h.sessionKey, { doctorId: h.doctorId });
    if (called.ok) {
      const { tokenNo, doctorName, room } = called.value;
      deps.show({ title: `Token ${tokenNo ?? '—'} called`, body: room ? `${doctorName} · ${room}` : doctorName });
    } else {
      deps.show({ title: 'Call next', body: called.error.message });
    }
  };

  const refresh = async () => {
    const gen = ++generation;
    const signedIn = deps.windowKeys().flatMap((key) => {
      const s = unlocked(key);
      return s ? [{ sessionKey: key, userId: s.userId }] : [];
    });
    if (holder && signedIn.some((s) => s.sessionKey === holder!.sessionKey && s.userId === holder!.userId)) return;
    release();
    for (const s of signedIn) {
      const user = await deps.loadUser(s.userId);
      if (gen !== generation) return;
      if (user?.role !== 'DOCTOR' || user.doctorId === null) continue;
      const h: Holder = { ...s, doctorId: user.doctorId };
      const taken = deps.shortcuts.register(CALL_NEXT_ACCELERATOR, () => {
        press(h).catch((err: unknown) => deps.log('Call next from the shortcut failed', err));
      });
      if (taken) holder = h;
      // Another program holds the keys: the app's Alt+C and the queue's button still work.
      else deps.log('the Call next shortcut is taken by another program; Call next stays in the app', { accelerator: CALL_NEXT_ACCELERATOR });
      return;
    }
  };

  const onChanged = () => {
    refresh().catch((err: unknown) => deps.log('the Call next shortcut could not follow the sign-in', err));
  };
  deps.sessions.on('changed', onChanged);
  onChanged();
  return {
    dispose() {
      deps.sessions.off('changed', onChanged);
      generation++;
      release();
    },
  };
}
