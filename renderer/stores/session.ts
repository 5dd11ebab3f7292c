import { create } from 'zustand';
import type { SessionDto } from '../../preload/contract';
import { clinic } from '../api/clinic';

type SessionStatus = 'loading' | 'first-run' | 'signed-out' | 'signed-in' | 'unavailable';

interface SessionState {
  status: SessionStatus;
  session: SessionDto | null;
  problem: string | undefined;
  /** Asks main who is signed in here (on start, and after a resync). */
  refresh(): Promise<void>;
  /** Main's word on this window's session: after sign-in, unlock, lock, sign-out, or an event. */
  setSession(session: SessionDto | null): void;
}

export const useSession = create<SessionState>((set) => ({
  status: 'loading',
  session: null,
  problem: undefined,
  async refresh() {
    const r = await clinic.auth.status({});
    if (!r.ok) {
      set({ status: 'unavailable', problem: r.error.message });
      return;
    }
    set({
      problem: undefined,
      session: r.value.session,
      status: r.value.needsFirstAdmin ? 'first-run' : r.value.session ? 'signed-in' : 'signed-out',
    });
  },
  setSession(session) {
    set({ session, status: session ? 'signed-in' : 'signed-out', problem: undefined });
  },
}));

/** Keeps the store in step with main: locks, sign-outs and account changes arrive as events. */
export function followSessionEvents(): () => void {
  const offSession = clinic.on('session.changed', ({ session }) => useSession.getState().setSession(session));
  const offResync = clinic.on('resync', () => void useSession.getState().refresh());
  return () => {
    offSession();
    offResync();
  };
}
