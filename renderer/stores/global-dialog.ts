import { create } from 'zustand';
import type { PatientSummary } from '../../preload/contract';

export type GlobalDialog = 'palette' | 'help' | 'book' | 'walkin' | 'newPatient';

interface GlobalDialogState {
  open: GlobalDialog | null;
  /** The patient a booking starts with, when it was asked for from their record. */
  patient: PatientSummary | undefined;
  show(dialog: GlobalDialog | null, opts?: { patient?: PatientSummary }): void;
}

/**
 * The one dialog the signed-in frame shows over every section. Screens ask for it here rather
 * than importing another feature's dialog (a patient's record books through the frame, so
 * patients never imports booking).
 */
export const useGlobalDialog = create<GlobalDialogState>((set) => ({
  open: null,
  patient: undefined,
  show(dialog, opts = {}) {
    set({ open: dialog, patient: opts.patient });
  },
}));
