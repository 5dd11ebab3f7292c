import type { Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';

export type FreeSlot = Res<'appointments.freeSlots'>[number];
const NONE: FreeSlot[] = [];

/**
 * The doctor's next free times from a date (of the type's length and buffers, when a type is
 * chosen); asked again only for changes on this doctor from that day on (a booking moved away
 * from them frees a slot as surely as one made takes it).
 */
export function useFreeSlots(doctorId: number | undefined, from: string, appointmentTypeId?: number, count = 8) {
  const slots = useClinicQuery('appointments.freeSlots', { doctorId, from, days: 30, count, appointmentTypeId }, { enabled: !!doctorId && !!from });
  return { slots: slots.data ?? NONE, problem: problemOf(slots.error) };
}
