import { z } from 'zod';
import { createAppointmentTypeSchema, type AppointmentTypeDto, type DoctorDto, type Req } from '../../../preload/contract';

/** One row per doctor: whether they offer the type, and their own fee and length ("" is the type's). */
interface DoctorRow {
  doctorId: number;
  offered: boolean;
  fee: string;
  durationMinutes: string;
  isDefault: boolean;
}

export interface TypeValues {
  name: string;
  durationMinutes: number;
  fee: string;
  colour: string;
  mode: AppointmentTypeDto['mode'];
  visitKind: AppointmentTypeDto['visitKind'];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  /** "" is no limit. */
  maxDaysAhead: string;
  /** Kept while the type is switched to in person and back; sent only for a video type. */
  prepayRequired: boolean;
  doctors: DoctorRow[];
}

type TypeRequest = Req<'appointmentTypes.create'>;

/** The form's rows for a type (new: nobody offers it yet), one per doctor, in the doctors' order. */
export function typeValues(type: AppointmentTypeDto | undefined, doctors: DoctorDto[]): TypeValues {
  const own = (id: number) => type?.doctors.find((d) => d.doctorId === id);
  return {
    name: type?.name ?? '',
    durationMinutes: type?.durationMinutes ?? 15,
    fee: type?.fee ?? '0.00',
    colour: type?.colour ?? '#4a90d9',
    mode: type?.mode ?? 'IN_PERSON',
    visitKind: type?.visitKind ?? 'NEW',
    bufferBeforeMinutes: type?.bufferBeforeMinutes ?? 0,
    bufferAfterMinutes: type?.bufferAfterMinutes ?? 0,
    minNoticeMinutes: type?.minNoticeMinutes ?? 0,
    maxDaysAhead: type?.maxDaysAhead ? String(type.maxDaysAhead) : '',
    prepayRequired: type?.prepayRequired ?? false,
    doctors: doctors.map((d) => {
      const mine = own(d.id);
      return {
        doctorId: d.id,
        offered: !!mine,
        fee: mine?.fee ?? '',
        durationMinutes: mine?.durationMinutes ? String(mine.durationMinutes) : '',
        isDefault: !!mine?.isDefault,
      };
    }),
  };
}

const offeredRows = (v: TypeValues) => v.doctors.flatMap((d, row) => (d.offered ? [{ d, row }] : []));

export function toTypeRequest(v: TypeValues): TypeRequest {
  return {
    name: v.name,
    durationMinutes: v.durationMinutes,
    fee: v.fee,
    colour: v.colour,
    mode: v.mode,
    visitKind: v.visitKind,
    bufferBeforeMinutes: v.bufferBeforeMinutes,
    bufferAfterMinutes: v.bufferAfterMinutes,
    minNoticeMinutes: v.minNoticeMinutes,
    maxDaysAhead: v.maxDaysAhead.trim() === '' ? null : Number(v.maxDaysAhead),
    prepayRequired: v.mode === 'VIDEO' && v.prepayRequired,
    doctors: offeredRows(v).map(({ d }) => ({
      doctorId: d.doctorId,
      fee: d.fee.trim() === '' ? null : d.fee,
      durationMinutes: d.durationMinutes.trim() === '' ? null : Number(d.durationMinutes),
      isDefault: d.isDefault,
    })),
  };
}

/**
 * The request's `doctors.N` is the Nth doctor offering the type; on the form it is that
 * doctor's row among all of them.
 */
export function formPathOf(v: TypeValues, path: readonly PropertyKey[]): PropertyKey[] {
  if (path[0] !== 'doctors' || typeof path[1] !== 'number') return [...path];
  const row = offeredRows(v)[path[1]]?.row;
  return row === undefined ? ['doctors'] : ['doctors', row, ...path.slice(2)];
}

/** The values checked as the request they become, by the contract's own schema, with messages on the form's boxes. */
export const typeSchema = z.custom<TypeValues>().superRefine((v, ctx) => {
  const parsed = createAppointmentTypeSchema.safeParse(toTypeRequest(v));
  if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: formPathOf(v, issue.path) });
});
