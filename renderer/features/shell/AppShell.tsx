import { useEffect, useState } from 'react';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { LockScreen } from '../auth/LockScreen';
import { PatientsScreen } from '../patients/PatientsScreen';
import { useIdleLock } from './useIdleLock';

const ROLE_NAMES = { ADMIN: 'Administrator', DOCTOR: 'Doctor', RECEPTIONIST: 'Front desk' } as const;

/** The signed-in frame: who is here, lock and sign-out, the connection banner, and the lock screen over everything. */
export function AppShell() {
  const { session, setSession } = useSession();
  const [clinicName, setClinicName] = useState('');
  const [offline, setOffline] = useState<string>();
  const [view, setView] = useState<'home' | 'patients'>('home');
  useIdleLock();

  useEffect(() => {
    void clinic.settings.get({}).then((r) => r.ok && setClinicName(r.value.clinicName));
    return clinic.on('connection.changed', ({ online, message }) => setOffline(online ? undefined : message));
  }, []);

  if (!session) return null;
  const locked = session.locked;

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
        <header className="shell-bar">
          <strong>{clinicName || 'Clinic Desk'}</strong>
          <nav className="shell-nav" aria-label="Sections">
            <Button aria-current={view === 'home' ? 'page' : undefined} onClick={() => setView('home')}>
              Home
            </Button>
            <Button aria-current={view === 'patients' ? 'page' : undefined} onClick={() => setView('patients')}>
              Patients
            </Button>
          </nav>
          <span className="spacer" />
          <span>
            {session.displayName || session.email} · {ROLE_NAMES[session.role]}
          </span>
          <Button onClick={lock}>Lock</Button>
          <Button onClick={signOut}>Sign out</Button>
        </header>
        {offline && <Banner tone="warning">{offline}</Banner>}
        {view === 'home' ? (
          <main className="shell-main" aria-labelledby="welcome">
            <h1 id="welcome">Welcome, {session.displayName || session.email}</h1>
            <p className="ui-hint">Find a patient under Patients. The schedule, queue and payments screens arrive here next.</p>
          </main>
        ) : (
          <main className="shell-main" aria-label="Patients">
            <PatientsScreen />
          </main>
        )}
      </div>
      {locked && <LockScreen />}
    </>
  );
}
