import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import type { PatientSummary } from '../../../preload/contract';
import { Combobox } from '../../ui/Combobox';
import { Dialog } from '../../ui/Dialog';
import { usePatientSearch } from '../patients/usePatientSearch';
import type { Command } from './commands';

type Item = { kind: 'command'; command: Command } | { kind: 'patient'; patient: PatientSummary };

/**
 * Ctrl/Cmd+K: type what you want — an action ("book", "lock") or a patient's name, phone or
 * number — then arrows and Enter.
 */
export function CommandPalette({
  commands,
  onCommand,
  onPatient,
  onClose,
}: {
  commands: Command[];
  onCommand(c: Command): void;
  onPatient(p: PatientSummary): void;
  onClose(): void;
}) {
  const { t } = useT('shell');
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const { results } = usePatientSearch(q.length >= 2 ? query : '', 8);
  const items: Item[] = [
    ...commands.filter((c) => !q || c.label.toLowerCase().includes(q)).map((command) => ({ kind: 'command' as const, command })),
    ...(q.length >= 2 ? results.map((patient) => ({ kind: 'patient' as const, patient })) : []),
  ];

  const choose = (item: Item) => {
    onClose();
    if (item.kind === 'command') onCommand(item.command);
    else onPatient(item.patient);
  };

  return (
    <Dialog title={t('palette.title')} onClose={onClose}>
      <Combobox
        className="palette"
        label={t('palette.label')}
        listLabel={t('palette.results')}
        placeholder={t('palette.placeholder')}
        query={query}
        onQueryChange={setQuery}
        items={items}
        keyOf={(item) => (item.kind === 'command' ? `c-${item.command.id}` : `p-${item.patient.id}`)}
        onPick={choose}
        empty={t('palette.empty')}
        autoFocus
        render={(item) =>
          item.kind === 'command' ? (
            <>
              <span>{item.command.label}</span>
              {item.command.shortcut && <kbd>{item.command.shortcut}</kbd>}
            </>
          ) : (
            <>
              <span>
                {t('palette.openPatient')} <strong>{item.patient.name}</strong> · #{item.patient.id}
              </span>
              <span className="ui-hint">{item.patient.phone ?? ''}</span>
            </>
          )
        }
      />
    </Dialog>
  );
}
