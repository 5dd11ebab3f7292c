import type { Result } from '../../../preload/contract';
import { useLive } from '../../lib/use-live';

/**
 * A report for these filters, fetched when they change. Not refetched on every change another
 * PC makes: a year's figures would be recomputed all day long; the screen's Refresh asks again.
 */
export function useReport<T>(key: string, fetch: () => Promise<Result<T>>) {
  return useLive<T>(
    key,
    async () => {
      const r = await fetch();
      return r.ok ? r : { ok: false, message: r.error.message };
    },
    () => [],
  );
}
