import { useEffect } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
const TELL_MAIN_EVERY_MS = 60_000;

/**
 * Locks this window after the clinic's idle time without keyboard or pointer input. Main
 * enforces the same limit on its side, so input is reported to it (at most once a minute):
 * someone filling a long form without saving is working, not idle.
 */
export function useIdleLock(): void {
  const session = useSession((s) => s.session);
  const setSession = useSession((s) => s.setSession);
  const minutes = session?.idleLockMinutes;
  const locked = session?.locked;

  useEffect(() => {
    if (!minutes || locked) return;
    let timer: ReturnType<typeof setTimeout>;
    let toldMainAt = Date.now();
    const restart = () => {
      clearTimeout(timer);
      if (Date.now() - toldMainAt > TELL_MAIN_EVERY_MS) {
        toldMainAt = Date.now();
        void clinic.auth.touch({});
      }
      timer = setTimeout(() => {
        // Hidden at once here; main's answer (or its refusal while the database is down) follows.
        const current = useSession.getState().session;
        if (current) setSession({ ...current, locked: true });
        void clinic.auth.lock({}).then((r) => r.ok && setSession(r.value));
      }, minutes * 60_000);
    };
    restart();
    for (const type of ACTIVITY) window.addEventListener(type, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) window.removeEventListener(type, restart);
    };
  }, [minutes, locked, setSession]);
}
