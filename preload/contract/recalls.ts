import { z } from 'zod';
import { idSchema, instantSchema } from './dto';
import { dateSchema } from './patients';

export const RECALL_STATES = ['DUE', 'OVERDUE', 'BOOKED', 'DISMISSED'] as const;

export const recallInDaysSchema = z.number().int().min(1, 'At least 1 day').max(730, 'At most 730 days');
export const recallReasonSchema = z.string().trim().max(500, 'At most 500 characters');

/** "See again in 2 weeks": a due date (or days from today) per patient, optionally with one doctor. */
export const createRecallSchema = z
  .strictObject({
    patientId: idSchema,
    doctorId: idSchema.optional(),
    dueDate: dateSchema.optional(),
    inDays: recallInDaysSchema.optional(),
    reason: recallReasonSchema.optional(),
    /** The visit that asked for it. */
    appointmentId: idSchema.optional(),
  })
  .refine((v) => (v.dueDate === undefined) !== (v.inDays === undefined), { message: 'Give a due date or a number of days', path: ['dueDate'] });

/** The desk's recall list: due (today or later), overdue, or booked since (an appointment after the day it was made). */
export const listRecallsSchema = z.strictObject({
  state: z.enum(['DUE', 'OVERDUE', 'BOOKED']),
  doctorId: idSchema.optional(),
});

export const recallSchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  doctorId: idSchema.nullable(),
  doctorName: z.string().nullable(),
  dueDate: z.string(),
  reason: z.string().nullable(),
  state: z.enum(RECALL_STATES),
  createdAt: instantSchema,
});
