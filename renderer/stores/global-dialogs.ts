import { create } from 'zustand';
import type { PatientSummary } from '../../preload/contract';
// Type-only: the booking folder owns the shape of its draft; nothing of booking is loaded here.
import type { BookingDraft } from '../features/booking/BookingDialog';
import type { NoticePreset } from '../features/messaging/NoticeDialog';

/**
 * The dialogs any screen may open over the whole frame, by id, with what each one is opened
 * with. The shell renders them (features/shell/GlobalDialogs.tsx); a feature only names one, so
 * e.g. the patient record books without importing the booking folder.
 */
interface GlobalDialogs {
  palette: undefined;
  help: undefined;
  /** Alt+N opens an empty booking; a patient record or a free slot fills some in. */
  book: BookingDraft | undefined;
  walkin: undefined;
  /** After registering, the shell opens the new record unless the opener says otherwise. */
  newPatient: { initialName?: string; onRegistered?(patient: PatientSummary): void } | undefined;
  /** A notice to a doctor's patients: blank from the Inbox, or preset for a doctor's day (running late, a leave). */
  notice: NoticePreset | undefined;
}

export type GlobalDialogId = keyof GlobalDialogs;

type OpenGlobalDialog = { [K in GlobalDialogId]: { id: K; payload: GlobalDialogs[K] } }[GlobalDialogId];

interface GlobalDialogState {
  /** One at a time: opening another replaces it, as the shell's shortcuts always did. */
  open: OpenGlobalDialog | null;
}

export const useGlobalDialog = create<GlobalDialogState>(() => ({ open: null }));

type Args<K extends GlobalDialogId> = undefined extends GlobalDialogs[K] ? [payload?: GlobalDialogs[K]] : [payload: GlobalDialogs[K]];

/** Open a global dialog by id, e.g. `openGlobal('book', { patient })`. */
export function openGlobal<K extends GlobalDialogId>(id: K, ...args: Args<K>): void {
  useGlobalDialog.setState({ open: { id, payload: args[0] } as OpenGlobalDialog });
}

export function closeGlobal(): void {
  useGlobalDialog.setState({ open: null });
}
