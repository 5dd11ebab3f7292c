import type { Role } from '../../../preload/contract';
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
    { id: 'book', label: 'Book an appointment', shortcut: 'Alt+N', run: { open: 'book' } },
    { id: 'walkin', label: 'Add a walk-in patient', shortcut: 'Alt+W', run: { open: 'walkin' } },
    { id: 'newPatient', label: 'Register a new patient', shortcut: 'Alt+R', run: { open: 'newPatient' } },
    // A doctor calls their next patient from any screen.
    ...(role === 'DOCTOR' ? [{ id: 'callNext', label: 'Call my next patient', shortcut: 'Alt+C', run: { callNext: true as const } }] : []),
    ...sectionsFor(role).map((s) => ({ id: `go-${s.id}`, label: `Go to ${s.label}`, shortcut: `Alt+${s.key.toUpperCase()}`, run: { go: s.id } })),
    { id: 'lock', label: 'Lock the screen', shortcut: 'Alt+L', run: { session: 'lock' } },
    { id: 'signOut', label: 'Sign out', run: { session: 'signOut' } },
    { id: 'help', label: 'Keyboard shortcuts', shortcut: 'Shift+?', run: { open: 'help' } },
  ];
}

/** Alt+key as a browser reports it; Alt changes e.key on macOS, so the physical key decides. */
export function shortcutOf(e: { altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; code: string; key: string }): string | undefined {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') return 'Mod+K';
  if (e.altKey && !e.ctrlKey && !e.metaKey && /^Key[A-Z]$/.test(e.code)) return `Alt+${e.code.slice(3)}`;
  if (e.key === '?' && !e.altKey && !e.ctrlKey && !e.metaKey) return 'Shift+?';
  return undefined;
}
