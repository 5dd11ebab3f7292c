import { useEffect, useState } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { LockScreen } from '../auth/LockScreen';
import { useNavigation } from '../../stores/navigation';
import { Toasts } from '../../ui/toasts';
import { sectionsFor } from './sections';
import { useIdleLock } from './useIdleLock';

const ROLE_NAMES = { ADMIN: 'Administrator', DOCTOR: 'Doctor', RECEPTIONIST: 'Front desk' } as const;

/** The signed-in frame: who is here, lock and sign-out, the connection banner, and the lock screen over everything. */
export function AppShell() {
  const { session, setSession } = useSession();
  const [clinicName, setClinicName] = useState('');
  const [offline, setOffline] = useState<string>();
  const { section, go } = useNavigation();
  useIdleLock();

  useEffect(() => {
    void clinic.settings.get({}).then((r) => r.ok && setClinicName(r.value.clinicName));
    return clinic.on('connection.changed', ({ online, message }) => setOffline(online ? undefined : message));
  }, []);

  if (!session) return null;
  const locked = session.locked;
  const sections = sectionsFor(session.role);
  const current = sections.find((s) => s.id === section) ?? sections[0]!;

  async function lock() {
    const r = await clinic.auth.lock({});
    if (r.ok) setSession(r.value);
  }

  async function signOut() {
    await clinic.auth.logout({});
    setSession(null);
  }

  return (
    <>
      <div aria-hidden={locked} inert={locked} style={locked ? { visibility: 'hidden' } : undefined}>
        <header className="shell-bar" aria-label={`Signed in as ${session.displayName || session.email} (${ROLE_NAMES[session.role]})`}>
          <strong>{clinicName || 'Clinic Desk'}</strong>
          <nav className="shell-nav" aria-label="Sections">
            {sections.map((s) => (
              <Button key={s.id} aria-current={s.id === current.id ? 'page' : undefined} aria-keyshortcuts={`Alt+${s.key.toUpperCase()}`} onClick={() => go(s.id)}>
                {s.label}
              </Button>
            ))}
          </nav>
          <span className="spacer" />
          <span>
            {session.displayName || session.email} · {ROLE_NAMES[session.role]}
          </span>
          <Button onClick={lock}>Lock</Button>
          <Button onClick={signOut}>Sign out</Button>
        </header>
        {offline && <Banner tone="warning">{offline}</Banner>}
        <main className="shell-main" aria-label={current.label}>
          {current.render()}
        </main>
      </div>
      {locked && <LockScreen />}
      <Toasts />
    </>
  );
}
