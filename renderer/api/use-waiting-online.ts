import { useMemo } from 'react';
import type { Req } from '../../preload/contract';
import { useClinicQuery } from './query';

const NONE: ReadonlySet<number> = new Set();

export interface Lobby {
  /** Appointments whose patient is in the online lobby (opened the join link inside its window). */
  online: ReadonlySet<number>;
  /** Appointments whose last video call ended without the patient ever joining. */
  neverJoined: ReadonlySet<number>;
}

/** The lobby's answer, kept current by the gateway's lobby events. */
function useLobby(asked: Req<'video.waitingOnline'>, enabled = true): Lobby {
  const answer = useClinicQuery('video.waitingOnline', asked, { enabled });
  return useMemo(
    () => (answer.data ? { online: new Set(answer.data.appointmentIds), neverJoined: new Set(answer.data.noShowIds) } : { online: NONE, neverJoined: NONE }),
    [answer.data],
  );
}

/** The lobby of every appointment of the day: asked beside the day's appointments, not after them (nor before `dateKnown`). */
export function useLobbyOfDay(date: string, dateKnown: boolean): Lobby {
  return useLobby({ date }, dateKnown);
}

/** Whether this appointment's patient waits in the online lobby. */
export function useWaitingOnline(appointmentId: number): boolean {
  return useLobby({ appointmentIds: [appointmentId] }).online.has(appointmentId);
}
