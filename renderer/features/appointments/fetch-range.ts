import type { AppointmentDto, AvailabilityWindow, Req, Result } from '../../../preload/contract';
import { clinic } from '../../api/clinic';

/** The contract caps one call at 100 doctors; a larger clinic is asked in batches. */
const DOCTORS_PER_CALL = 100;

type Outcome<T> = { ok: true; value: T[] } | { ok: false; message: string };

async function inBatches<T>(doctorIds: number[], call: (ids: number[]) => Promise<Result<T[]>>): Promise<Outcome<T>> {
  const batches: number[][] = [];
  for (let i = 0; i < doctorIds.length; i += DOCTORS_PER_CALL) batches.push(doctorIds.slice(i, i + DOCTORS_PER_CALL));
  const replies = await Promise.all(batches.map(call));
  const values: T[] = [];
  for (const r of replies) {
    if (!r.ok) return { ok: false, message: r.error.message };
    values.push(...r.value);
  }
  return { ok: true, value: values };
}

type Range = Omit<Req<'appointments.list'>, 'doctorIds'>;

export const appointmentsIn = (doctorIds: number[], range: Range): Promise<Outcome<AppointmentDto>> =>
  inBatches(doctorIds, (ids) => clinic.appointments.list({ doctorIds: ids, ...range }));

export const availabilityIn = (doctorIds: number[], range: Range): Promise<Outcome<AvailabilityWindow>> =>
  inBatches(doctorIds, (ids) => clinic.availability.range({ doctorIds: ids, ...range }));

