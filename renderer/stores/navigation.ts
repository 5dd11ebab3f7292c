import { create } from 'zustand';

export type SectionId = 'queue' | 'schedule' | 'patients' | 'payments' | 'doctors' | 'admin';

interface NavigationState {
  section: SectionId;
  /** The patient to open when arriving at Patients (from the schedule, the queue or the palette). */
  patientId: number | undefined;
  go(section: SectionId, opts?: { patientId?: number }): void;
}

/** Where the signed-in frame is; kept in memory only, so nothing about patients outlives the window. */
export const useNavigation = create<NavigationState>((set) => ({
  section: 'queue',
  patientId: undefined,
  go(section, opts = {}) {
    set({ section, patientId: opts.patientId });
  },
}));
