import type { PatientSummary } from '../../../preload/contract';
import { closeGlobal, useGlobalDialog } from '../../stores/global-dialogs';
import { Loading, preloadable } from '../../ui/lazy';
import { LazyBookingDialog as BookingDialog } from '../booking/LazyBookingDialog';
import type { Command } from './commands';

// Each fetched on first open (or earlier, when the desk is idle): none is part of the start-up
// JavaScript, and the palette brings cmdk with it.
const CommandPalette = preloadable(() => import('./CommandPalette').then((m) => m.CommandPalette));
const WalkInDialog = preloadable(() => import('../queue/WalkInDialog').then((m) => m.WalkInDialog));
const ShortcutsHelp = preloadable(() => import('./ShortcutsHelp').then((m) => m.ShortcutsHelp));
const NewPatientDialog = preloadable(() => import('../patients/NewPatientDialog').then((m) => m.NewPatientDialog));
const NoticeDialog = preloadable(() => import('../messaging/NoticeDialog').then((m) => m.NoticeDialog));

/** The dialogs most opened first, to fetch once the Today screen is up. */
export const GLOBAL_DIALOGS = [BookingDialog, WalkInDialog, CommandPalette, NewPatientDialog];

const TITLES = {
  palette: 'search',
  help: 'the shortcuts',
  book: 'the booking form',
  walkin: 'the walk-in form',
  newPatient: 'the new patient form',
  notice: 'the notice',
} as const;

interface Props {
  commands: Command[];
  onCommand(c: Command): void;
  onPatient(p: PatientSummary): void;
}

/** Whichever global dialog is open (stores/global-dialogs), over the whole frame. */
export function GlobalDialogs(props: Props) {
  const open = useGlobalDialog((s) => s.open);
  if (!open) return null;
  return (
    <Loading key={open.id} what={TITLES[open.id]} place="dialog" onClose={closeGlobal}>
      <OpenDialog open={open} {...props} />
    </Loading>
  );
}

function OpenDialog({ open, commands, onCommand, onPatient }: Props & { open: NonNullable<ReturnType<typeof useGlobalDialog.getState>['open']> }) {
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
    case 'notice':
      return <NoticeDialog preset={open.payload} onClose={closeGlobal} />;
  }
}
