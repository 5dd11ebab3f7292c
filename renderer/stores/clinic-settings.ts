import { useEffect } from 'react';
import { create } from 'zustand';
import type { SettingsDto } from '../../preload/contract';
import { clinic } from '../api/clinic';

interface ClinicSettingsState {
  settings: SettingsDto | undefined;
  problem: string | undefined;
  load(): Promise<void>;
  /** Main's answer after settings.update, so every screen sees the new zone or slot length. */
  set(settings: SettingsDto): void;
}

/** The clinic's settings (time zone above all), read once and shared by the screens that need them. */
export const useClinicSettings = create<ClinicSettingsState>((set) => ({
  settings: undefined,
  problem: undefined,
  async load() {
    const r = await clinic.settings.get({});
    if (r.ok) set({ settings: r.value, problem: undefined });
    else set({ problem: r.error.message });
  },
  set(settings) {
    set({ settings, problem: undefined });
  },
}));

/** The settings, asking main for them the first time a screen needs them. */
export function useLoadedClinicSettings() {
  const state = useClinicSettings();
  const { settings, load } = state;
  useEffect(() => {
    if (!settings) void load();
  }, [settings, load]);
  return state;
}
