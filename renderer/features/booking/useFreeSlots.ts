import type { Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useLive } from '../../lib/use-live';

export type FreeSlot = Res<'appointments.freeSlots'>[number];
const NONE: FreeSlot[] = [];

/**
 * The doctor's next free times from a date, asked again after any booking change anywhere: one
 * that moved away from this doctor frees a slot as surely as one made for them takes it.
 */
export function useFreeSlots(doctorId: number | undefined, from: string, count = 8) {
  const live = useLive<FreeSlot[]>(
    `${doctorId ?? ''}|${from}|${count}`,
    async () => {
      if (!doctorId || !from) return { ok: true, value: [] };
      const r = await clinic.appointments.freeSlots({ doctorId, from, days: 30, count });
      return r.ok ? r : { ok: false, message: r.error.message };
    },
    (again) => [clinic.on('appointments.changed', again), clinic.on('availability.changed', (c) => (c.doctorId === null || c.doctorId === doctorId) && again())],
  );
  return { slots: live.value ?? NONE, problem: live.problem };
}
