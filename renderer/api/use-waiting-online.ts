import { useMemo } from 'react';
import { useClinicQuery } from './query';

const NONE: ReadonlySet<number> = new Set();

/**
 * Which of these appointments have their patient in the online lobby (opened the join link
 * inside its window), kept current by the gateway's lobby events.
 */
export function useWaitingOnline(appointmentIds: readonly number[]): ReadonlySet<number> {
  const ids = useMemo(() => [...appointmentIds].sort((a, b) => a - b), [appointmentIds]);
  const online = useClinicQuery('video.waitingOnline', { appointmentIds: ids }, { enabled: ids.length > 0 });
  return useMemo(() => (online.data && ids.length > 0 ? new Set(online.data.appointmentIds) : NONE), [online.data, ids.length]);
}
