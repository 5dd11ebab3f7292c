import { useEffect, useRef } from 'react';
import { useClinicMutation } from '../../api/query';
import { useVideo, type RoomState } from './VideoProvider';

/** Keeps the call window's session awake during a call: the doctor is on camera, not idle. */
const TOUCH_MS = 60_000;

/** The room's state, whether the call is on (connected, or reconnecting after a drop), and the session kept awake meanwhile. */
export function useRoomState(): { state: RoomState; inCall: boolean } {
  const { state } = useVideo();
  const inCall = state === 'connected' || state === 'reconnecting';
  const touch = useRef(useClinicMutation('auth.touch').call);
  useEffect(() => {
    if (!inCall) return;
    const timer = setInterval(() => void touch.current({}), TOUCH_MS);
    return () => clearInterval(timer);
  }, [inCall]);
  return { state, inCall };
}
