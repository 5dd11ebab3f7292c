import { useEffect, useState } from 'react';

/**
 * When the call first connected; a rejoin after a drop keeps the first time. The ticking
 * (useElapsed) stays in the clock that shows it, so the whole call screen does not redraw each second.
 */
export function useCallTimer(inCall: boolean): { startedAt: number | undefined } {
  const [startedAt, setStartedAt] = useState<number>();
  useEffect(() => {
    if (inCall) setStartedAt((t) => t ?? Date.now());
  }, [inCall]);
  return { startedAt };
}
