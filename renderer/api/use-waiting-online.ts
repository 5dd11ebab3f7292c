import { useMemo } from 'react';
import type { Res } from '../../preload/contract';
import { useClinicQuery } from './query';

const NONE: ReadonlySet<number> = new Set();

/** One question for both hooks below: asked with the same ids, they share the cached answer. */
function useLobbyAnswer(appointmentIds: readonly number[], pick: (answer: Res<'video.waitingOnline'>) => number[]): ReadonlySet<number> {
  const ids = useMemo(() => [...appointmentIds].sort((a, b) => a - b), [appointmentIds]);
  const answer = useClinicQuery('video.waitingOnline', { appointmentIds: ids }, { enabled: ids.length > 0 });
  return useMemo(() => (answer.data && ids.length > 0 ? new Set(pick(answer.data)) : NONE), [answer.data, ids.length, pick]);
}

const waiting = (answer: Res<'video.waitingOnline'>) => answer.appointmentIds;
const neverJoined = (answer: Res<'video.waitingOnline'>) => answer.noShowIds;

/**
 * Which of these appointments have their patient in the online lobby (opened the join link
 * inside its window), kept current by the gateway's lobby events.
 */
export function useWaitingOnline(appointmentIds: readonly number[]): ReadonlySet<number> {
  return useLobbyAnswer(appointmentIds, waiting);
}

/** Which of these appointments had their last video call end without the patient ever joining. */
export function useNeverJoinedVideo(appointmentIds: readonly number[]): ReadonlySet<number> {
  return useLobbyAnswer(appointmentIds, neverJoined);
}
