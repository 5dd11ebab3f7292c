import type { PatientSummary } from '../../../preload/contract';
import { closeGlobal, useGlobalDialog } from '../../stores/global-dialogs';
import { BookingDialog } from '../booking/BookingDialog';
import { NewPatientDialog } from '../patients/NewPatientDialog';
import { WalkInDialog } from '../queue/WalkInDialog';
import { CommandPalette } from './CommandPalette';
import type { Command } from './commands';
import { ShortcutsHelp } from './ShortcutsHelp';

/** Whichever global dialog is open (stores/global-dialogs), over the whole frame. */
export function GlobalDialogs({ commands, onCommand, onPatient }: { commands: Command[]; onCommand(c: Command): void; onPatient(p: PatientSummary): void }) {
  const open = useGlobalDialog((s) => s.open);
  if (!open) return null;
  switch (open.id) {
    case 'palette':
      return <CommandPalette commands={commands} onCommand={onCommand} onPatient={onPatient} onClose={closeGlobal} />;
    case 'help':
      return <ShortcutsHelp commands={commands} onClose={closeGlobal} />;
    case 'book':
      return <BookingDialog draft={open.payload} onClose={closeGlobal} />;
    case 'walkin':
      return <WalkInDialog onClose={closeGlobal} />;
    case 'newPatient':
      return <NewPatientDialog initialName={open.payload?.initialName} onRegistered={open.payload?.onRegistered ?? onPatient} onClose={closeGlobal} />;
  }
}
