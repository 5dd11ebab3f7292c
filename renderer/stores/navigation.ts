import { create } from 'zustand';

export type SectionId = 'queue' | 'schedule' | 'patients' | 'waitlist' | 'recalls' | 'inbox' | 'payments' | 'reports' | 'doctors' | 'admin';

interface NavigationState {
  section: SectionId;
  /** The patient to open when arriving at Patients (from the schedule, the queue or the palette). */
  patientId: number | undefined;
  /** The tab to open in a tabbed section (Admin's backups, from the failed-backup banner). */
  tab: string | undefined;
  go(section: SectionId, opts?: { patientId?: number; tab?: string }): void;
}

/** Where the signed-in frame is; kept in memory only, so nothing about patients outlives the window. */
export const useNavigation = create<NavigationState>((set) => ({
  section: 'queue',
  patientId: undefined,
  tab: undefined,
  go(section, opts = {}) {
    set({ section, patientId: opts.patientId, tab: opts.tab });
  },
}));
