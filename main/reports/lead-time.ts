import type { AttendanceDto } from '../../preload/contract';

/** How many appointments were booked `days` ahead of their date. */
export interface LeadCount {
  days: number;
  count: number;
}

const BUCKETS: readonly { label: string; upTo: number }[] = [
  { label: 'same day', upTo: 0 },
  { label: '1–2 days', upTo: 2 },
  { label: '3–7 days', upTo: 7 },
  { label: '8–30 days', upTo: 30 },
  { label: 'over 30 days', upTo: Infinity },
];

/**
 * The lead-time summary from its histogram, so a year of appointments is counted per day of
 * lead in SQL rather than sorted for a median. The figures are PostgreSQL's: the average
 * rounded half up to one decimal as `round(avg, 1)` prints it, the median interpolated as
 * `percentile_cont(0.5)`.
 */
export function leadTimeOf(histogram: readonly LeadCount[]): AttendanceDto['leadTime'] {
  const sorted = [...histogram].filter((h) => h.count > 0).sort((a, b) => a.days - b.days);
  const appointments = sorted.reduce((n, h) => n + h.count, 0);
  const buckets = BUCKETS.map(({ label, upTo }, i) => {
    const above = BUCKETS[i - 1]?.upTo ?? -1;
    return { label, count: sorted.filter((h) => h.days > above && h.days <= upTo).reduce((n, h) => n + h.count, 0) };
  });
  if (appointments === 0) return { appointments, averageDays: null, medianDays: null, buckets };
  const total = sorted.reduce((n, h) => n + h.days * h.count, 0);
  // Integers throughout: tenths = floor(10 * total / appointments + 1/2).
  const tenths = Math.floor((20 * total + appointments) / (2 * appointments));
  const nth = (k: number) => {
    let seen = 0;
    for (const h of sorted) {
      seen += h.count;
      if (k < seen) return h.days;
    }
    throw new Error(`no appointment ${k} among ${appointments}`);
  };
  const middle = (appointments - 1) / 2;
  const low = nth(Math.floor(middle));
  const medianDays = low + (nth(Math.ceil(middle)) - low) * (middle - Math.floor(middle));
  return { appointments, averageDays: `${Math.floor(tenths / 10)}.${tenths % 10}`, medianDays, buckets };
}
