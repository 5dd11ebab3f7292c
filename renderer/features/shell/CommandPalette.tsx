import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { Dialog } from '../../ui/Dialog';
import { usePatientSearch } from '../patients/usePatientSearch';
import type { Command } from './commands';

type Item = { kind: 'command'; command: Command } | { kind: 'patient'; patient: PatientSummary };

/**
 * Ctrl/Cmd+K: type what you want — an action ("book", "lock") or a patient's name, phone or
 * number — then arrows and Enter.
 */
export function CommandPalette({ commands, onCommand, onPatient, onClose }: { commands: Command[]; onCommand(c: Command): void; onPatient(p: PatientSummary): void; onClose(): void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const q = query.trim().toLowerCase();
  const { results } = usePatientSearch(q.length >= 2 ? query : '', 8);
  const items: Item[] = [
    ...commands.filter((c) => !q || c.label.toLowerCase().includes(q)).map((command) => ({ kind: 'command' as const, command })),
    ...(q.length >= 2 ? results.map((patient) => ({ kind: 'patient' as const, patient })) : []),
  ];
  useEffect(() => setActive(0), [query, results]);

  const choose = (item: Item | undefined) => {
    if (!item) return;
    onClose();
    if (item.kind === 'command') onCommand(item.command);
    else onPatient(item.patient);
  };
  const idOf = (i: number) => `palette-item-${i}`;

  return (
    <Dialog title="Go to or do" onClose={onClose}>
      <input
        className="palette-input"
        role="combobox"
        aria-label="Command or patient"
        aria-expanded="true"
        aria-controls="palette-list"
        aria-activedescendant={items[active] ? idOf(active) : undefined}
        placeholder="Type an action or a patient’s name, phone or number"
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((i) => Math.min(items.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1))));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(items[active]);
          }
        }}
      />
      <ul id="palette-list" role="listbox" aria-label="Results" className="palette-list">
        {items.map((item, i) => (
          <li key={item.kind === 'command' ? item.command.id : `p${item.patient.id}`} id={idOf(i)} role="option" aria-selected={i === active} onMouseEnter={() => setActive(i)} onClick={() => choose(item)}>
            {item.kind === 'command' ? (
              <>
                <span>{item.command.label}</span>
                {item.command.shortcut && <kbd>{item.command.shortcut}</kbd>}
              </>
            ) : (
              <>
                <span>
                  Open patient <strong>{item.patient.name}</strong> · #{item.patient.id}
                </span>
                <span className="ui-hint">{item.patient.phone ?? ''}</span>
              </>
            )}
          </li>
        ))}
        {items.length === 0 && <li className="ui-hint">Nothing matches.</li>}
      </ul>
    </Dialog>
  );
}
