import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useClinicApi } from '../api/context';
import { prefetchToday } from '../features/queue/prefetch-today';
import { useSessionLanguage } from '../i18n/use-session-language';
import { preloadAllWords, useT } from '../i18n/use-t';
import { LoginScreen } from '../features/auth/LoginScreen';
import { followSessionEvents, useSession } from '../stores/session';
import { Banner } from '../ui/Banner';
import { dateFormats } from '../lib/dates';
import { formChecks } from '../ui/form/use-contract-form';
import { Loading, preloadable, preloadWhenIdle } from '../ui/lazy';
import '../ui/theme.css';

// The start-up JavaScript is the sign-in screen's. The signed-in frame and Today are chunks of
// their own, fetched while the desk types (below) and shown together, in one step, with every
// screen's words (preloadAllWords), so neither the frame nor a screen opened next waits for its
// words; first run happens once per clinic.
const AppShell = preloadable(async () => {
  const [shell, sections] = await Promise.all([import('../features/shell/AppShell'), import('../features/shell/sections'), preloadAllWords()]);
  await sections.preloadToday();
  return shell.AppShell;
});
const FirstRunScreen = preloadable(() => import('../features/auth/FirstRunScreen').then((m) => m.FirstRunScreen));

export function App() {
  const { status, problem, refresh } = useSession();
  const { t } = useT('shell');
  const api = useClinicApi();
  const queryClient = useQueryClient();

  useEffect(() => {
    void refresh();
    return followSessionEvents();
  }, [refresh]);

  // The sign-in form's checks first: the desk's first Sign in needs them.
  useEffect(() => preloadWhenIdle([formChecks, dateFormats, AppShell]), []);

  useSessionLanguage();

  switch (status) {
    case 'loading':
      return <p className="ui-center">{t('starting')}</p>;
    case 'unavailable':
      return (
        <main className="ui-center">
          <Banner tone="error">{problem}</Banner>
        </main>
      );
    case 'first-run':
      return (
        <Loading what={t('firstRun.loading')} place="page">
          <FirstRunScreen />
        </Loading>
      );
    case 'signed-out':
      return <LoginScreen signingIn={() => void prefetchToday(queryClient, api)} />;
    case 'signed-in':
      return (
        <Loading what={t('appName')} place="page">
          <AppShell />
        </Loading>
      );
  }
}
