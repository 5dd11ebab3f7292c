import { z } from 'zod';
import { timeSchema } from './availability';
import { idSchema, instantSchema } from './dto';
import { dateSchema } from './patients';

export const URGENCIES = ['ROUTINE', 'SOON', 'URGENT'] as const;

/** A patient waiting for earlier time: with one doctor, or any doctor of a specialization. */
export const addWaitlistSchema = z
  .strictObject({
    patientId: idSchema,
    doctorId: idSchema.optional(),
    specialization: z.string().trim().min(1).max(100).optional(),
    appointmentTypeId: idSchema.optional(),
    fromDate: dateSchema,
    toDate: dateSchema,
    /** Times of day that suit the patient; without them, any. */
    timeFrom: timeSchema.optional(),
    timeTo: timeSchema.optional(),
    urgency: z.enum(URGENCIES).default('ROUTINE'),
    note: z.string().trim().max(1000, 'At most 1000 characters').optional(),
  })
  .refine((v) => (v.doctorId === undefined) !== (v.specialization === undefined), { message: 'Choose a doctor or a specialization', path: ['doctorId'] })
  .refine((v) => v.toDate >= v.fromDate, { message: 'The end date must not be before the start date', path: ['toDate'] })
  .refine((v) => !v.timeFrom || !v.timeTo || v.timeTo > v.timeFrom, { message: 'The end time must be after the start time', path: ['timeTo'] });

export const listWaitlistSchema = z.strictObject({ doctorId: idSchema.optional() });

export const waitlistEntrySchema = z.object({
  id: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  patientPhone: z.string().nullable(),
  doctorId: idSchema.nullable(),
  specialization: z.string().nullable(),
  appointmentTypeId: idSchema.nullable(),
  fromDate: z.string(),
  toDate: z.string(),
  timeFrom: z.string().nullable(),
  timeTo: z.string().nullable(),
  urgency: z.enum(URGENCIES),
  note: z.string().nullable(),
  status: z.enum(['WAITING', 'BOOKED', 'REMOVED']),
  createdAt: instantSchema,
});

/** Time freed by a cancellation or a move, offered to the best matching entry. */
export const waitlistOfferSchema = z.object({
  id: idSchema,
  entry: waitlistEntrySchema,
  doctorId: idSchema,
  doctorName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  status: z.enum(['OPEN', 'TAKEN', 'GONE']),
  createdAt: instantSchema,
});

export const removeWaitlistSchema = z.strictObject({ id: idSchema });

/** Books an open offer for its patient (the booking's rules apply; the database decides a race). */
export const takeOfferSchema = z.strictObject({ id: idSchema });
