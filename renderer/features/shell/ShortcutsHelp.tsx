import { Dialog } from '../../ui/Dialog';
import type { Command } from './commands';

/** The shortcuts sheet (Shift+?), generated from the same command list as the palette. */
export function ShortcutsHelp({ commands, onClose }: { commands: Command[]; onClose(): void }) {
  const rows = [
    { label: 'Command palette: actions and patients', shortcut: 'Ctrl+K / ⌘K' },
    ...commands.filter((c) => c.shortcut).map((c) => ({ label: c.label, shortcut: c.shortcut! })),
    { label: 'In lists: move, open', shortcut: '↑ ↓, Enter' },
    { label: 'Close a dialog', shortcut: 'Esc' },
  ];
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="ui-table" aria-label="Keyboard shortcuts">
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
