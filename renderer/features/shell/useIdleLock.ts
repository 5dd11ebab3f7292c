import { useEffect } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/**
 * Locks this window after the clinic's idle time without keyboard or pointer input. Main
 * enforces the same limit on its side; this makes the screen lock on time even when the
 * person is only reading.
 */
export function useIdleLock(): void {
  const session = useSession((s) => s.session);
  const setSession = useSession((s) => s.setSession);
  const minutes = session?.idleLockMinutes;
  const locked = session?.locked;

  useEffect(() => {
    if (!minutes || locked) return;
    let timer: ReturnType<typeof setTimeout>;
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
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
