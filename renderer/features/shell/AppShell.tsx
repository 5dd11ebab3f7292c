import { useCallNext } from '../queue/waitingRoom';
import { Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { PatientSummary } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useClinicData } from '../../api/clinic-data';
import { roleName } from '../../lib/labels';
import { setFormatCountry } from '../../lib/locale';
import { useNavigation } from '../../stores/navigation';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Loading, preloadWhenIdle } from '../../ui/lazy';
import { ThemePicker } from '../../ui/ThemePicker';
import { Toasts, useToasts } from '../../ui/toasts';
import { useUndoShortcut } from '../appointments/actions';
import { APPOINTMENT_DIALOGS } from '../appointments/useAppointmentDialogs';
import { typingIn } from '../../lib/typing-in';
import { LockScreen } from '../auth/LockScreen';
import { useBackupWarning } from '../backup/useBackupWarning';
import { PrintArea } from '../print/print';
import { closeGlobal, openGlobal } from '../../stores/global-dialogs';
import { commandsFor, shortcutOf, type Command } from './commands';
import { GLOBAL_DIALOGS, GlobalDialogs } from './GlobalDialogs';
import { LanguagePicker } from './LanguagePicker';
import { sectionsFor } from './sections';
import { useIdleLock } from './useIdleLock';

/**
 * The signed-in frame: sections, who is here, lock and sign-out, the connection banner, the
 * command palette and shortcuts, and the lock screen over everything.
 */
export function AppShell() {
  const { session, setSession } = useSession();
  const { t } = useT('shell');
  const callNext = useCallNext();
  const { settings } = useClinicData();
  // Dates and amounts follow the clinic's country (idempotent; before anything below renders).
  if (settings) setFormatCountry(settings.effectivePhoneCountry);
  const [offline, setOffline] = useState(false);
  const { section, go } = useNavigation();
  useIdleLock();

  useEffect(() => {
    // Main's message is English; the desk says the same in its own words.
    return clinic.on('connection.changed', ({ online }) => setOffline(!online));
  }, []);

  // Nothing of this user's work outlives the frame: the next person starts on Today, with no
  // patient open and no toasts naming patients.
  useEffect(
    () => () => {
      useNavigation.setState({ section: 'queue', patientId: undefined, tab: undefined });
      useToasts.setState({ toasts: [] });
      closeGlobal();
    },
    [],
  );

  const role = session?.role;
  const locked = !!session?.locked;
  useEffect(() => {
    if (!role) return;
    const [today, ...others] = sectionsFor(role).map((s) => s.Screen);
    // Today's chunk first (the one being drawn); once it is in, the dialogs and then the other
    // screens are fetched in idle time, so no click waits for its chunk.
    return preloadWhenIdle([today!, ...APPOINTMENT_DIALOGS, ...GLOBAL_DIALOGS, ...others]);
  }, [role]);
  useUndoShortcut(!!role && !locked);
  // A layout effect, so the shortcuts listen from the frame that first paints the screen: a
  // passive effect runs a task later, and a key pressed in between was lost.
  useLayoutEffect(() => {
    if (!role) return;
    const commands = commandsFor(role);
    const onKeyDown = (e: KeyboardEvent) => {
      if (locked) return;
      const shortcut = shortcutOf(e);
      if (!shortcut || (shortcut === 'Shift+?' && typingIn(e.target))) return;
      if (shortcut === 'Mod+K') {
        e.preventDefault();
        openGlobal('palette');
        return;
      }
      const command = commands.find((c) => c.shortcut === shortcut);
      if (!command) return;
      e.preventDefault();
      void runCommand(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  if (!session || !role) return null;
  const sections = sectionsFor(role);
  const current = sections.find((s) => s.id === section) ?? sections[0]!;
  const commands = commandsFor(role);

  async function lock() {
    // Hide the screen at once, whatever main answers (it locks its session even when the database is down).
    if (session) setSession({ ...session, locked: true });
    const r = await clinic.auth.lock({});
    if (r.ok) setSession(r.value);
  }

  async function signOut() {
    await clinic.auth.logout({});
    setSession(null);
  }

  async function runCommand(command: Command) {
    const action = command.run;
    if ('go' in action) go(action.go);
    else if ('open' in action) openGlobal(action.open);
    else if ('callNext' in action) {
      if (session?.doctorId) await callNext(session.doctorId, session.displayName || 'Your queue');
    } else if (action.session === 'lock') await lock();
    else await signOut();
  }

  const openPatient = (p: PatientSummary) => {
    closeGlobal();
    go('patients', { patientId: p.id });
  };

  return (
    <>
      <div className="shell-frame" aria-hidden={locked} inert={locked} style={locked ? { visibility: 'hidden' } : undefined}>
        <header className="shell-bar" aria-label={t('signedInAs', { name: session.displayName || session.email, role: roleName(role) })}>
          <strong>{settings?.clinicName || t('appName')}</strong>
          <nav className="shell-nav" aria-label={t('sections')}>
            {sections.map((s) => (
              <Button
                key={s.id}
                aria-current={s.id === current.id ? 'page' : undefined}
                aria-keyshortcuts={`Alt+${s.key.toUpperCase()}`}
                onClick={() => go(s.id)}
              >
                {t(`section.${s.id}`)}
                {s.Badge && <s.Badge />}
              </Button>
            ))}
          </nav>
          <span className="spacer" />
          <Button onClick={() => openGlobal('palette')} aria-keyshortcuts="Control+K Meta+K" title="Ctrl+K">
            {t('searchOrDo')}
          </Button>
          <span>
            {session.displayName || session.email} · {roleName(role)}
          </span>
          <LanguagePicker />
          <ThemePicker />
          <Button onClick={lock} aria-keyshortcuts="Alt+L">
            {t('lock')}
          </Button>
          <Button onClick={signOut}>{t('signOut')}</Button>
        </header>
        {offline && <Banner tone="warning">{t('offline')}</Banner>}
        {role === 'ADMIN' && (
          // Its words load with it: the frame never waits for them.
          <Suspense fallback={null}>
            <BackupWarning onOpen={() => go('admin', { tab: 'backups' })} />
          </Suspense>
        )}
        <main className="shell-main" aria-label={t(`section.${current.id}`)}>
          <Loading key={current.id} what={t(`section.${current.id}`)} place="section">
            <current.Screen />
          </Loading>
        </main>
        <GlobalDialogs commands={commands} onCommand={(c) => void runCommand(c)} onPatient={openPatient} />
        <Toasts />
      </div>
      {locked && <LockScreen />}
      <PrintArea />
    </>
  );
}

/** An ADMIN's banner while the latest backup failed, with the way to the backups. */
function BackupWarning({ onOpen }: { onOpen(): void }) {
  const warning = useBackupWarning();
  const { t } = useT('shell');
  if (!warning) return null;
  return (
    <Banner tone="warning">
      {warning} <Button onClick={onOpen}>{t('openBackups')}</Button>
    </Banner>
  );
}
