import { z } from 'zod';
import { appointmentSchema } from './appointments';
import { timeSchema } from './availability';
import { idSchema } from './dto';
import { dateSchema } from './patients';
import { phraseSchema } from './result';

export const MAX_SERIES_OCCURRENCES = 52;

/** Every N days, or every N weeks on chosen weekdays (ISO: 1 Monday … 7 Sunday); a count or an end date. */
export const recurrenceSchema = z
  .strictObject({
    frequency: z.enum(['DAILY', 'WEEKLY']),
    interval: z.number().int('A whole number').min(1, 'At least every 1').max(52, 'At most every 52').default(1),
    /** Weekly only; without them, the start date's weekday. */
    weekdays: z
      .array(z.number().int().min(1, 'Weekdays are 1 (Monday) to 7 (Sunday)').max(7, 'Weekdays are 1 (Monday) to 7 (Sunday)'))
      .min(1)
      .max(7)
      .optional(),
    count: z.number().int().min(1).max(MAX_SERIES_OCCURRENCES, `At most ${MAX_SERIES_OCCURRENCES} appointments in a series`).optional(),
    until: dateSchema.optional(),
  })
  .refine((r) => (r.count === undefined) !== (r.until === undefined), { message: 'Give a number of appointments or an end date', path: ['count'] })
  .refine((r) => r.frequency === 'WEEKLY' || r.weekdays === undefined, { message: 'Weekdays are for a weekly series', path: ['weekdays'] });

const seriesFields = {
  patientId: idSchema,
  doctorId: idSchema,
  startDate: dateSchema,
  startTime: timeSchema,
  /** Its length, fee and buffers follow; without it (and without an end time) the doctor's default type, if any. */
  appointmentTypeId: idSchema.optional(),
  endTime: timeSchema.optional(),
  reason: z.string().trim().max(1000, 'At most 1000 characters').optional(),
  recurrence: recurrenceSchema,
};
const seriesChecks = <
  T extends z.ZodType<{ startTime: string; endTime?: string; appointmentTypeId?: number; startDate: string; recurrence: { until?: string } }>,
>(
  schema: T,
) =>
  schema
    .refine((v) => !v.endTime || v.endTime > v.startTime, { message: 'The end time must be after the start time', path: ['endTime'] })
    .refine((v) => !(v.endTime && v.appointmentTypeId), { message: 'The appointment type sets the length: leave the end time out', path: ['endTime'] })
    .refine((v) => !v.recurrence.until || v.recurrence.until >= v.startDate, {
      message: 'The end date must not be before the start date',
      path: ['recurrence', 'until'],
    });

export const previewSeriesSchema = seriesChecks(z.strictObject(seriesFields));

/** What the desk does with an occurrence that cannot be booked as planned: leave it out, or book it at another time. */
export const occurrenceChoiceSchema = z.discriminatedUnion('action', [
  z.strictObject({ date: dateSchema, action: z.literal('skip') }),
  z.strictObject({ date: dateSchema, action: z.literal('alternative'), toDate: dateSchema, toStartTime: timeSchema }),
]);

export const bookSeriesSchema = seriesChecks(
  z.strictObject({ ...seriesFields, choices: z.array(occurrenceChoiceSchema).max(MAX_SERIES_OCCURRENCES).default([]) }),
);

export const OCCURRENCE_PROBLEMS = ['PAST', 'NOTICE', 'TOO_FAR', 'CLOSED', 'LEAVE', 'OUTSIDE_HOURS', 'CLASH'] as const;

const span = z.object({ date: z.string(), startTime: z.string(), endTime: z.string() });

export const seriesPreviewSchema = z.object({
  occurrences: z.array(
    span.extend({
      /** Null: it can be booked as planned. */
      problem: z.object({ kind: z.enum(OCCURRENCE_PROBLEMS), message: z.string(), phrase: phraseSchema }).nullable(),
      /** For one that cannot: the doctor's next free time from that day on, free for the patient too. */
      suggestion: span.nullable(),
    }),
  ),
});

export const bookedSeriesSchema = z.object({ seriesId: idSchema, appointments: z.array(appointmentSchema), skipped: z.array(z.string()) });

export const SERIES_SCOPES = ['this', 'following', 'all'] as const;

export const cancelSeriesSchema = z.strictObject({
  /** The appointment the desk is on. */
  id: idSchema,
  scope: z.enum(SERIES_SCOPES),
  reason: z.string().trim().min(3, 'Give a reason for the cancellation').max(500),
});

/** Moves the chosen scheduled appointments of the series to another time of day, or by some days. */
export const moveSeriesSchema = z.strictObject({
  id: idSchema,
  scope: z.enum(SERIES_SCOPES),
  startTime: timeSchema,
  shiftDays: z.number().int().min(-30).max(30).default(0),
});

export const seriesChangeSchema = z.object({ seriesId: idSchema, appointments: z.array(appointmentSchema) });
