import { z } from 'zod';
import { moneySchema } from './doctors';
import { idSchema } from './dto';

export const APPOINTMENT_MODES = ['IN_PERSON', 'VIDEO'] as const;
export const VISIT_KINDS = ['NEW', 'FOLLOW_UP'] as const;

const minutes = (what: string, min: number, max: number) =>
  z.number().int(`${what} is in whole minutes`).min(min, `${what} is at least ${min} minutes`).max(max, `${what} is at most ${max} minutes`);

const durationSchema = minutes('The length', 5, 480);
const bufferSchema = minutes('A buffer', 0, 120);

/** A doctor who offers the type, with their own fee or length where they differ from the type's. */
export const typeDoctorSchema = z.strictObject({
  doctorId: idSchema,
  fee: moneySchema.nullable().optional(),
  durationMinutes: durationSchema.nullable().optional(),
  /** The type this doctor's bookings and walk-ins start from (one per doctor). */
  isDefault: z.boolean().optional(),
});

const typeFields = {
  name: z.string().trim().min(1, 'Name the appointment type').max(100, 'At most 100 characters'),
  durationMinutes: durationSchema,
  fee: moneySchema,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #4a90d9'),
  mode: z.enum(APPOINTMENT_MODES),
  visitKind: z.enum(VISIT_KINDS),
  bufferBeforeMinutes: bufferSchema,
  bufferAfterMinutes: bufferSchema,
  /** How long before its start the type can still be booked. */
  minNoticeMinutes: minutes('The notice', 0, 43200),
  /** How many days ahead it can be booked; null: no limit. */
  maxDaysAhead: z.number().int('Whole days').min(1, 'At least 1 day ahead').max(730, 'At most 730 days ahead').nullable(),
  /** A video type whose patients pay (a payment link sent at booking) before the join page admits them. */
  prepayRequired: z.boolean(),
  /** Replaces the list of doctors offering it. */
  doctors: z.array(typeDoctorSchema).max(200),
};

const distinctDoctors = {
  check: (v: { doctors?: { doctorId: number; isDefault?: boolean }[] }) => !v.doctors || new Set(v.doctors.map((d) => d.doctorId)).size === v.doctors.length,
  error: { message: 'Each doctor is listed once', path: ['doctors'] },
};

export const createAppointmentTypeSchema = z
  .strictObject({
    ...typeFields,
    colour: typeFields.colour.default('#4a90d9'),
    mode: typeFields.mode.default('IN_PERSON'),
    visitKind: typeFields.visitKind.default('NEW'),
    bufferBeforeMinutes: bufferSchema.default(0),
    bufferAfterMinutes: bufferSchema.default(0),
    minNoticeMinutes: typeFields.minNoticeMinutes.default(0),
    maxDaysAhead: typeFields.maxDaysAhead.default(null),
    prepayRequired: typeFields.prepayRequired.default(false),
    doctors: typeFields.doctors.default([]),
  })
  .refine(distinctDoctors.check, distinctDoctors.error);

export const updateAppointmentTypeSchema = z
  .strictObject({ id: idSchema, ...z.object(typeFields).partial().shape, active: z.boolean().optional() })
  .refine(distinctDoctors.check, distinctDoctors.error);

export const listAppointmentTypesSchema = z.strictObject({
  /** Only the types this doctor offers, with their fee and length as this doctor's. */
  doctorId: idSchema.optional(),
  includeInactive: z.boolean().default(false),
});

export const appointmentTypeSchema = z.object({
  id: idSchema,
  name: z.string(),
  durationMinutes: z.number(),
  fee: z.string(),
  colour: z.string(),
  mode: z.enum(APPOINTMENT_MODES),
  visitKind: z.enum(VISIT_KINDS),
  bufferBeforeMinutes: z.number(),
  bufferAfterMinutes: z.number(),
  minNoticeMinutes: z.number(),
  maxDaysAhead: z.number().nullable(),
  prepayRequired: z.boolean(),
  active: z.boolean(),
  doctors: z.array(z.object({ doctorId: idSchema, fee: z.string().nullable(), durationMinutes: z.number().nullable(), isDefault: z.boolean() })),
});
export type AppointmentTypeDto = z.infer<typeof appointmentTypeSchema>;
