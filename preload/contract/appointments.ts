import { z } from 'zod';
import { timeSchema } from './availability';
import { idSchema, instantSchema } from './dto';
import { dateSchema } from './patients';
import { recallInDaysSchema, recallReasonSchema } from './recalls';

export const APPOINTMENT_STATUSES = ['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;

export const appointmentSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  doctorId: idSchema,
  doctorName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  status: z.enum(APPOINTMENT_STATUSES),
  reason: z.string().nullable(),
  checkedInAt: instantSchema.nullable(),
  completedAt: instantSchema.nullable(),
  tokenNo: z.number().nullable(),
  isWalkIn: z.boolean(),
  cancelReason: z.string().nullable(),
  overrideReason: z.string().nullable(),
  /** The appointment type it was booked as (issue 20); optional so screens built before types still type-check. */
  appointmentTypeId: idSchema.nullable().optional(),
  appointmentTypeName: z.string().nullable().optional(),
  colour: z.string().nullable().optional(),
  /** The fee it was booked at (the type's, or its doctor's own for it): an exact decimal. */
  fee: z.string().nullable().optional(),
  bufferBeforeMinutes: z.number().optional(),
  bufferAfterMinutes: z.number().optional(),
  /** The recurring series it belongs to, if any. */
  seriesId: idSchema.nullable().optional(),
  /** A token of an OPD session (issue 21): the session and its token number; its time is the token's estimate. */
  sessionId: idSchema.nullable().optional(),
  sessionToken: z.number().nullable().optional(),
  /** Where the patient goes: the session's room, else the doctor's. */
  room: z.string().nullable().optional(),
});
export type AppointmentDto = z.infer<typeof appointmentSchema>;

/** Booking outside the doctor's hours: a DOCTOR or ADMIN only, always with a reason (audited). */
const overrideSchema = z.strictObject({ reason: z.string().trim().min(3, 'Say why this booking is outside the doctor’s hours').max(500) });
const reasonText = z.string().trim().max(1000, 'At most 1000 characters');

const slotFields = {
  date: dateSchema,
  startTime: timeSchema,
  /** Without it, the appointment lasts one slot of the doctor's hours (or the clinic default). */
  endTime: timeSchema.optional(),
};
const endAfterStart = { message: 'The end time must be after the start time', path: ['endTime'] };
/** A type sets the length; an end time beside it would say two different things. */
const typeOrEnd = {
  check: (v: { endTime?: string; appointmentTypeId?: number }) => !(v.endTime && v.appointmentTypeId),
  error: { message: 'The appointment type sets the length: leave the end time out', path: ['endTime'] },
};

export const bookSchema = z
  .strictObject({
    patientId: idSchema,
    doctorId: idSchema,
    ...slotFields,
    /** Its length, fee and buffers follow; without it (and without an end time), the doctor's default type if any. */
    appointmentTypeId: idSchema.optional(),
    reason: reasonText.optional(),
    override: overrideSchema.optional(),
  })
  .refine((v) => !v.endTime || v.endTime > v.startTime, endAfterStart)
  .refine(typeOrEnd.check, typeOrEnd.error);

export const rescheduleSchema = z
  .strictObject({
    id: idSchema,
    doctorId: idSchema.optional(),
    ...slotFields,
    /** Changes the type (its length, fee and buffers follow); without it a typed appointment keeps its own. */
    appointmentTypeId: idSchema.optional(),
    override: overrideSchema.optional(),
  })
  .refine((v) => !v.endTime || v.endTime > v.startTime, endAfterStart)
  .refine(typeOrEnd.check, typeOrEnd.error);

/** An undo that puts the appointment back in the book passes the booking's rules: outside hours, it needs an override too. */
export const undoSchema = z.strictObject({ id: idSchema, override: overrideSchema.optional() });

/** Completing a visit, optionally with "see again in N days": a recall with the visit's doctor, made in the same step. */
export const completeSchema = z.strictObject({
  id: idSchema,
  recall: z.strictObject({ inDays: recallInDaysSchema, reason: recallReasonSchema.optional() }).optional(),
});

export const cancelSchema = z.strictObject({ id: idSchema, reason: z.string().trim().min(3, 'Give a reason for the cancellation').max(500) });

export const listAppointmentsSchema = z
  .strictObject({ doctorIds: z.array(idSchema).min(1).max(100), from: dateSchema, to: dateSchema })
  .refine((v) => v.to >= v.from, { message: 'The end date must not be before the start date', path: ['to'] });

export const freeSlotsSchema = z
  .strictObject({
    doctorId: idSchema.optional(),
    specialization: z.string().trim().min(1).max(100).optional(),
    from: dateSchema.optional(),
    days: z.number().int().min(1).max(62).default(30),
    count: z.number().int().min(1).max(50).default(10),
    durationMinutes: z.number().int().min(5).max(240).optional(),
    /** Slots of this type: its (per-doctor) length and buffers, notice and horizon; only doctors who offer it. */
    appointmentTypeId: idSchema.optional(),
  })
  .refine((v) => (v.doctorId === undefined) !== (v.specialization === undefined), { message: 'Choose a doctor or a specialization', path: ['doctorId'] })
  .refine((v) => !(v.durationMinutes && v.appointmentTypeId), { message: 'The appointment type sets the length', path: ['durationMinutes'] });

export const freeSlotSchema = z.object({ doctorId: idSchema, doctorName: z.string(), date: z.string(), startTime: z.string(), endTime: z.string() });

/** An emergency, with its reason: it may take a session's tokens kept in reserve. */
export const emergencySchema = z.strictObject({ reason: z.string().trim().min(3, 'Say why this is an emergency').max(500) });

export const PRIORITIES = ['EMERGENCY', 'ELDERLY', 'PREGNANT', 'CHILD'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** A walk-in who goes ahead from the start, with the reason; only an emergency may take a session's reserved tokens. */
const walkInPrioritySchema = z.strictObject({
  kind: z.enum(PRIORITIES),
  reason: z.string().trim().min(3, 'Say why this patient goes first').max(500),
});

/** A patient here now; at a token doctor in session, the session's next token. */
export const walkInSchema = z.strictObject({
  patientId: idSchema,
  doctorId: idSchema,
  appointmentTypeId: idSchema.optional(),
  reason: reasonText.optional(),
  priority: walkInPrioritySchema.optional(),
});

export const historyEntrySchema = z.object({
  id: idSchema,
  kind: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  changedBy: idSchema.nullable(),
  changedByName: z.string().nullable(),
  changedAt: instantSchema,
  undoneAt: instantSchema.nullable(),
});

/** Where a checked-in patient is in the waiting room; done is the COMPLETED status. */
export const QUEUE_STAGES = ['ARRIVED', 'CALLED', 'WITH_DOCTOR'] as const;
export const queueSchema = z.array(
  z.object({
    doctorId: idSchema,
    doctorName: z.string(),
    /** Median consultation length over recent days (from "with the doctor" to done), else today's, else the slot length. */
    consultMinutes: z.number(),
    /** Median minutes from check-in to being called over recent days, when there are enough to say. */
    typicalWaitMinutes: z.number().nullable(),
    /** Everybody checked in and not yet done, in the order "Call next" takes them (those already called first). */
    waiting: z.array(
      z.object({
        appointment: appointmentSchema,
        stage: z.enum(QUEUE_STAGES),
        priority: z.enum(PRIORITIES).nullable(),
        priorityReason: z.string().nullable(),
        skipped: z.boolean(),
        calledAt: instantSchema.nullable(),
        waitingMinutes: z.number(),
        estimatedWaitMinutes: z.number(),
      }),
    ),
  }),
);

/** The doctor's (or the desk's) "Call next": the next waiting token of this doctor today. */
export const callNextSchema = z.strictObject({ doctorId: idSchema });

/**
 * A stage change of one patient: `start` (with the doctor), `skip` (not here: recall after the
 * others) or `sendBack` (to waiting, keeping the token's place).
 */
export const stageSchema = z.strictObject({ id: idSchema, action: z.enum(['start', 'skip', 'sendBack']) });

/** An emergency or priority token goes first, always with a reason; `priority: null` takes it back. */
export const prioritySchema = z.strictObject({
  id: idSchema,
  priority: z.enum(PRIORITIES).nullable(),
  reason: z.string().trim().min(3, 'Say why this token goes first (or no longer does)').max(500),
});
