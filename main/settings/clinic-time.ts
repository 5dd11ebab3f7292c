import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';

/** The clinic's wall-clock date and time now, in its configured zone (never the PC's). */
export function clinicNow(timeZone: string, now: number = Date.now()): { date: string; time: string } {
  const local = new TZDate(now, timeZone);
  return { date: format(local, 'yyyy-MM-dd'), time: format(local, 'HH:mm:ss') };
}
