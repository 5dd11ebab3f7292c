import { useMemo } from 'react';
import { useClinicQuery } from '../../api/query';

const NONE: ReadonlyMap<string, string> = new Map();

/** The clinic's holidays among the days shown: date → the holiday's name. */
export function useClosedDays(from: string, to: string): ReadonlyMap<string, string> {
  const holidays = useClinicQuery('holidays.list', { from, to }).data;
  return useMemo(() => (holidays?.length ? new Map(holidays.map((h) => [h.date, h.name])) : NONE), [holidays]);
}
