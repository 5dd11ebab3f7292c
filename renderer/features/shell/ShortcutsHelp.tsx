import { useT } from '../../i18n/use-t';
import { Dialog } from '../../ui/Dialog';
import type { Command } from './commands';

/** The shortcuts sheet (Shift+?), generated from the same command list as the palette. */
export function ShortcutsHelp({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const { t } = useT('shell');
  const rows = [
    { label: t('shortcuts.palette'), shortcut: 'Ctrl+K / ⌘K' },
    ...commands.filter((c) => c.shortcut).map((c) => ({ label: c.label, shortcut: c.shortcut! })),
    // The desktop app's own (main/app/call-next-shortcut.ts): a browser tab has no OS-wide keys.
    ...(window.clinic && commands.some((c) => c.id === 'callNext') ? [{ label: t('shortcuts.callNextAnywhere'), shortcut: 'Ctrl+Alt+N / ⌘⌥N' }] : []),
    { label: t('shortcuts.undo'), shortcut: 'Ctrl+Z / ⌘Z' },
    { label: t('shortcuts.lists'), shortcut: '↑ ↓, Enter' },
    { label: t('shortcuts.closeDialog'), shortcut: 'Esc' },
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <table className="ui-table" aria-label={t('shortcuts.title')}>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label}>
              <td>{r.label}</td>
              <td>
                <kbd>{r.shortcut}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
