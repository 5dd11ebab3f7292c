import { useEffect, useState } from 'react';
import { minutesNowIn, todayIn } from '../../lib/dates';

const NOW_TICK_MS = 30_000;

/** The clinic's current day and minute, moving on its own, for the now-line. */
export function useNow(timeZone: string) {
  const [now, setNow] = useState(() => ({ date: todayIn(timeZone), minute: minutesNowIn(timeZone) }));
  useEffect(() => {
    const tick = () => setNow({ date: todayIn(timeZone), minute: minutesNowIn(timeZone) });
    tick();
    const timer = setInterval(tick, NOW_TICK_MS);
    return () => clearInterval(timer);
  }, [timeZone]);
  return now;
}
