import { clinic } from '../../api/clinic';
import { useLive } from '../../lib/use-live';

const NONE: ReadonlySet<number> = new Set();

/**
 * Which of these appointments have their patient in the online lobby (opened the join link
 * inside its window), refreshed when the gateway marks one on any PC.
 */
export function useWaitingOnline(appointmentIds: readonly number[]): ReadonlySet<number> {
  const ids = [...appointmentIds].sort((a, b) => a - b);
  const live = useLive<ReadonlySet<number>>(
    ids.join(','),
    async () => {
      if (ids.length === 0) return { ok: true, value: NONE };
      const r = await clinic.video.waitingOnline({ appointmentIds: ids });
      return r.ok ? { ok: true, value: new Set(r.value.appointmentIds) } : { ok: false, message: r.error.message };
    },
    (again) => [clinic.on('video.lobbyChanged', (c) => (c.appointmentId === null || ids.includes(c.appointmentId)) && again()), clinic.on('resync', again)],
  );
  return live.value ?? NONE;
}
