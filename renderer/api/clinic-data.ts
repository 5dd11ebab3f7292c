import { useMemo } from 'react';
import type { DoctorDto, SettingsDto } from '../../preload/contract';
import { money } from '../lib/format';
import { problemOf } from './call';
import { useClinicQuery } from './query';

const NO_DOCTORS: DoctorDto[] = [];

/**
 * Settings and the active doctors: needed on every screen (time zone, currency, pick lists),
 * asked once and kept current by the data layer like everything else.
 */
export function useClinicData(): { settings: SettingsDto | undefined; doctors: DoctorDto[]; problem: string | undefined } {
  const settings = useClinicQuery('settings.get', {});
  const doctors = useClinicQuery('doctors.list', {});
  const sorted = useMemo(() => (doctors.data ? doctorsByName(doctors.data) : NO_DOCTORS), [doctors.data]);
  return { settings: settings.data, doctors: sorted, problem: problemOf(settings.error ?? doctors.error) };
}

/** The doctors in the order every pick list and Today's columns show them. */
export const doctorsByName = (doctors: readonly DoctorDto[]): DoctorDto[] => [...doctors].sort((a, b) => a.name.localeCompare(b.name));

/** The clinic's settings alone, for screens that show no pick list of doctors. */
export function useSettings(): { settings: SettingsDto | undefined; problem: string | undefined } {
  const settings = useClinicQuery('settings.get', {});
  return { settings: settings.data, problem: problemOf(settings.error) };
}

/**
 * The clinic's zone; before settings arrive, the PC's own, so dates are never blank. `ask` false
 * leaves the settings unasked (a caller that will not use the zone, in a window that may not read them).
 */
export function useTimeZone(ask = true): string {
  return useClinicTimeZone(ask) ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** The clinic's zone once settings have arrived: what a day's data is asked by waits for it (see useToday). */
export function useClinicTimeZone(ask = true): string | undefined {
  return useClinicQuery('settings.get', {}, { enabled: ask }).data?.timeZone;
}

/** An amount in the clinic's currency (₹1,25,000.00); before settings arrive, the bare decimal. */
export function useClinicMoney(): (amount: string) => string {
  const currency = useClinicQuery('settings.get', {}).data?.currency;
  return (amount) => (currency ? money(amount, currency) : amount);
}
