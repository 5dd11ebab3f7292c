import { useState } from 'react';
import type { Result } from '../../../preload/contract';
import type { CancelBooked, ChangeResult, Stranded } from './BlockedDialog';

export interface Blocked {
  appointments: Stranded;
  retry(cancelBooked: CancelBooked): Promise<Result<ChangeResult>>;
  done(cancelled: number): void;
}

/**
 * A schedule change main held back because patients are booked in that time: what it would
 * strand, how to repeat it with their cancellation, and what to say once it is made.
 */
export function useBlockedChange() {
  const [blocked, setBlocked] = useState<Blocked>();
  return {
    blocked,
    /** The change's first reply: done at once when saved, otherwise held for the dialog. */
    answer(result: ChangeResult, retry: Blocked['retry'], done: Blocked['done']) {
      if (result.status === 'saved') return done(result.cancelledAppointments);
      setBlocked({ appointments: result.appointments, retry, done });
    },
    close: () => setBlocked(undefined),
  };
}
