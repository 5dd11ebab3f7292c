import { create } from 'zustand';
import type { DoctorDto, SettingsDto } from '../../preload/contract';
import { clinic } from '../api/clinic';

interface ClinicDataState {
  settings: SettingsDto | undefined;
  /** Active doctors, by name: the pick lists of every screen. */
  doctors: DoctorDto[];
  problem: string | undefined;
  load(): Promise<void>;
  /** Main's answer after settings.update, so every screen sees the new zone or slot length at once. */
  setSettings(settings: SettingsDto): void;
}

/**
 * Settings and doctors change rarely and are needed everywhere (time zone, currency, pick
 * lists), so they are fetched once per sign-in and again after a resync or an admin's edit.
 */
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export const useClinicData = create<ClinicDataState>((set, get) => ({
  settings: undefined,
  doctors: [],
  problem: undefined,
  async load() {
    const [settings, doctors] = await Promise.all([clinic.settings.get({}), clinic.doctors.list({})]);
    if (!settings.ok || !doctors.ok) {
      set({ problem: (!settings.ok ? settings.error : !doctors.ok ? doctors.error : undefined)?.message });
      return;
    }
    const sorted = [...doctors.value].sort((a, b) => a.name.localeCompare(b.name));
    // Unchanged lists keep their identity, so screens keyed on them do not refetch for nothing.
    const old = get();
    set({ settings: same(old.settings, settings.value) ? old.settings : settings.value, doctors: same(old.doctors, sorted) ? old.doctors : sorted, problem: undefined });
  },
  setSettings(settings) {
    set({ settings, problem: undefined });
  },
}));

/** The clinic's zone before settings arrive: the PC's own, so dates are never blank. */
export const useTimeZone = () => useClinicData((s) => s.settings?.timeZone) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
