import { useEffect } from 'react';
import { useSession } from '../stores/session';

/**
 * A window speaks its signed-in user's language, and switches when they choose another (from any
 * window: main tells each of theirs); signed out, it keeps this PC's last one.
 */
export function useSessionLanguage(): void {
  const language = useSession((s) => s.session?.language);
  useEffect(() => {
    // Already loaded by main.tsx: this import() only keeps i18next out of the start-up chunk.
    if (language) void import('.').then((m) => m.switchLanguage(language));
  }, [language]);
}
