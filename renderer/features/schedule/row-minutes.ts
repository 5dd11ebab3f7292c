import { ROW_MINUTES, type RowMinutes } from './geometry';

/** Minutes per row of the schedule, chosen per desk PC (a doctor of short visits wants 5, the front desk 15). */
const KEY = 'clinic-desk.schedule.rowMinutes';
const DEFAULT: RowMinutes = 15;

export function storedRowMinutes(): RowMinutes {
  const value = Number(localStorage.getItem(KEY));
  return (ROW_MINUTES as readonly number[]).includes(value) ? (value as RowMinutes) : DEFAULT;
}

export const rememberRowMinutes = (minutes: RowMinutes) => localStorage.setItem(KEY, String(minutes));
