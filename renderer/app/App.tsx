import { useEffect } from 'react';
import { FirstRunScreen } from '../features/auth/FirstRunScreen';
import { LoginScreen } from '../features/auth/LoginScreen';
import { AppShell } from '../features/shell/AppShell';
import { followSessionEvents, useSession } from '../stores/session';
import { Banner } from '../ui/Banner';
import '../ui/theme.css';

export function App() {
  const { status, problem, refresh } = useSession();

  useEffect(() => {
    void refresh();
    return followSessionEvents();
  }, [refresh]);

  switch (status) {
    case 'loading':
      return <p className="ui-center">Starting Clinic Desk…</p>;
    case 'unavailable':
      return (
        <main className="ui-center">
          <Banner tone="error">{problem}</Banner>
        </main>
      );
    case 'first-run':
      return <FirstRunScreen />;
    case 'signed-out':
      return <LoginScreen />;
    case 'signed-in':
      return <AppShell />;
  }
}
