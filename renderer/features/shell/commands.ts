import type { Role } from '../../../preload/contract';
import { t } from '../../i18n/instance';
import type { GlobalDialogId } from '../../stores/global-dialogs';
import { sectionsFor } from './sections';

export interface Command {
  id: string;
  label: string;
  /** As shown in the help sheet and announced with aria-keyshortcuts. */
  shortcut?: string;
  run: CommandAction;
}

type CommandAction = { go: ReturnType<typeof sectionsFor>[number]['id'] } | { open: GlobalDialogId } | { session: 'lock' | 'signOut' } | { callNext: true };

/** Every action the palette offers and the shortcuts sheet lists, for this role. */
export function commandsFor(role: Role): Command[] {
  return [
    { id: 'book', label: t('shell:command.book'), shortcut: 'Alt+N', run: { open: 'book' } },
    { id: 'walkin', label: t('shell:command.walkin'), shortcut: 'Alt+W', run: { open: 'walkin' } },
    { id: 'newPatient', label: t('shell:command.newPatient'), shortcut: 'Alt+R', run: { open: 'newPatient' } },
    // A doctor calls their next patient from any screen.
    ...(role === 'DOCTOR' ? [{ id: 'callNext', label: t('shell:command.callNext'), shortcut: 'Alt+C', run: { callNext: true as const } }] : []),
    ...sectionsFor(role).map((s) => ({
      id: `go-${s.id}`,
      label: t('shell:command.go', { section: t(`shell:section.${s.id}`) }),
      shortcut: `Alt+${s.key.toUpperCase()}`,
      run: { go: s.id },
    })),
    { id: 'lock', label: t('shell:command.lock'), shortcut: 'Alt+L', run: { session: 'lock' } },
    { id: 'signOut', label: t('shell:command.signOut'), run: { session: 'signOut' } },
    { id: 'help', label: t('shell:command.help'), shortcut: 'Shift+?', run: { open: 'help' } },
  ];
}

/** Alt+key as a browser reports it; Alt changes e.key on macOS, so the physical key decides. */
export function shortcutOf(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string; key: string }): string | undefined {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'Mod+K';
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^Key[A-Z]$/.test(e.code)) return `Alt+${e.code.slice(3)}`;
  if (e.key === '?' && !e.altKey && !e.ctrlKey && !e.metaKey) return 'Shift+?';
  return undefined;
}
