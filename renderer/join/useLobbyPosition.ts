import { useEffect, useState } from 'react';
import type { JoinGatewayApi } from './gateway-api';

/**
 * How many patients the doctor sees first, asked of the gateway on entering the lobby and again
 * every `pollMs` while waiting there. A failed ask keeps the last answer: the count is a comfort
 * to the patient, never a reason to leave the lobby.
 */
export function useLobbyPosition(api: JoinGatewayApi, waiting: boolean, pollMs: number): number | null {
  const [ahead, setAhead] = useState<number | null>(null);
  useEffect(() => {
    if (!waiting) return;
    let live = true;
    const ask = () =>
      api.ahead().then(
        (n) => live && setAhead(n),
        () => undefined,
      );
    ask();
    const timer = setInterval(ask, pollMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [api, waiting, pollMs]);
  return ahead;
}
