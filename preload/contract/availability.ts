import { z } from 'zod';
import { idSchema } from './dto';
import { dateSchema } from './patients';

/** A wall-clock time of day, 00:00 to 23:59 ("24:00" is not a time). Sent on as HH:MM:SS. */
export const timeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'Use a time such as 09:30')
  .transform((t) => (t.length === 5 ? `${t}:00` : t));

const slotMinutesSchema = z.number().int().min(5, 'Slots are at least 5 minutes').max(240, 'Slots are at most 240 minutes');

const endsAfterStart = <T extends { startTime: string; endTime: string }>(v: T) => v.endTime > v.startTime;
const END_AFTER_START = { message: 'The end time must be after the start time', path: ['endTime'] };

export const templateRuleSchema = z
  .strictObject({
    weekday: z.number().int().min(1, 'Weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays are 1 (Monday) to 7 (Sunday)'),
    startTime: timeSchema,
    endTime: timeSchema,
    slotMinutes: slotMinutesSchema.default(15),
  })
  .refine(endsAfterStart, END_AFTER_START);

const rulesSchema = z.array(templateRuleSchema).max(70, 'At most 70 working periods a week');

export const saveTemplateSchema = z
  .strictObject({ doctorId: idSchema, rules: rulesSchema, validFrom: dateSchema, validTo: dateSchema.nullable().optional() })
  .refine((v) => !v.validTo || v.validTo >= v.validFrom, { message: 'The end date must not be before the start date', path: ['validTo'] });

export const templateSchema = z.object({
  doctorId: idSchema,
  rules: z.array(z.object({ weekday: z.number(), startTime: z.string(), endTime: z.string(), slotMinutes: z.number() })),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
});

const dateRange = { from: dateSchema, to: dateSchema };
const rangeInOrder = { message: 'The end date must not be before the start date', path: ['to'] };

export const previewTemplateSchema = z.strictObject({ rules: rulesSchema, ...dateRange }).refine((v) => v.to >= v.from, rangeInOrder);

export const previewSchema = z.object({
  windows: z.array(z.object({ date: z.string(), startTime: z.string(), endTime: z.string(), slotMinutes: z.number(), slots: z.number() })),
  totalSlots: z.number(),
});

export const expandSchema = z.strictObject({ doctorId: idSchema, ...dateRange }).refine((v) => v.to >= v.from, rangeInOrder);

/**
 * Cancelling the patients a schedule change strands: `reason` is recorded on each appointment;
 * `tellPatients`, when given, goes in each patient's cancellation message from the start (it is
 * added to the template, so braces would read as variables and are refused).
 */
export const cancelBookedSchema = z.strictObject({
  reason: z.string().trim().min(3, 'Give the reason for cancelling').max(500),
  tellPatients: z
    .string()
    .trim()
    .max(300)
    .refine((v) => !/[{}]/.test(v), 'Leave out { and }: the message cannot show them')
    .optional(),
});

export const addExceptionSchema = z
  .strictObject({
    doctorId: idSchema,
    date: dateSchema,
    kind: z.enum(['LEAVE', 'EXTRA']),
    /** Without times, LEAVE is the whole day. EXTRA hours always need them. */
    startTime: timeSchema.optional(),
    endTime: timeSchema.optional(),
    slotMinutes: slotMinutesSchema.optional(),
    note: z.string().trim().max(500).optional(),
    cancelBooked: cancelBookedSchema.optional(),
  })
  .refine((v) => (v.startTime === undefined) === (v.endTime === undefined), { message: 'Give both a start and an end time, or neither', path: ['endTime'] })
  .refine((v) => v.kind === 'LEAVE' || v.startTime !== undefined, { message: 'Extra hours need a start and an end time', path: ['startTime'] })
  .refine((v) => !v.startTime || !v.endTime || v.endTime > v.startTime, END_AFTER_START);

export const availabilityWindowSchema = z.object({
  id: idSchema,
  doctorId: idSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  slotMinutes: z.number(),
  kind: z.enum(['TEMPLATE', 'EXTRA', 'LEAVE']),
  available: z.boolean(),
  note: z.string().nullable(),
});
export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;

export const affectedAppointmentSchema = z.object({
  id: idSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  patientName: z.string(),
});

/** A change that would strand booked patients is not made; the caller sees who, and may cancel them. */
export const availabilityChangeResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), window: availabilityWindowSchema.nullable(), cancelledAppointments: z.number() }),
  z.object({ status: z.literal('blocked'), appointments: z.array(affectedAppointmentSchema) }),
]);

export const removeWindowSchema = z.strictObject({ id: idSchema, cancelBooked: cancelBookedSchema.optional() });

export const availabilityRangeSchema = z
  .strictObject({ doctorIds: z.array(idSchema).min(1).max(100), ...dateRange })
  .refine((v) => v.to >= v.from, rangeInOrder);
