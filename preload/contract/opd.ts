import { z } from 'zod';
import { appointmentSchema, emergencySchema } from './appointments';
import { timeSchema } from './availability';
import { idSchema } from './dto';
import { dateSchema } from './patients';

/** The most tokens one session may issue. */
export const MAX_SESSION_CAPACITY = 500;

const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const sessionFields = {
  startTime: timeSchema,
  endTime: timeSchema,
  capacity: z.number().int().min(1, 'A session issues at least one token').max(MAX_SESSION_CAPACITY, `At most ${MAX_SESSION_CAPACITY} tokens`),
  emergencyReserve: z.number().int().min(0).default(0),
  room: z.string().trim().max(40, 'At most 40 characters').optional(),
};

type SessionPlan = { startTime: string; endTime: string; capacity: number; emergencyReserve: number };

/** The checks one session's plan must pass, new or edited. */
function checkedPlan<T extends z.ZodType<SessionPlan>>(schema: T) {
  return schema
    .refine((v) => v.endTime > v.startTime, { message: 'The end time must be after the start time', path: ['endTime'] })
    .refine((v) => v.emergencyReserve < v.capacity, { message: 'Keep fewer emergency tokens than the session has', path: ['emergencyReserve'] })
    .refine((v) => v.endTime <= v.startTime || minutesOf(v.endTime) - minutesOf(v.startTime) >= v.capacity, {
      message: 'Allow at least a minute per token: a longer session or fewer tokens',
      path: ['capacity'],
    });
}

/**
 * An OPD session of a token doctor: from start to end, `capacity` tokens, the last
 * `emergencyReserve` of them kept for emergencies, in `room` (else the doctor's own room).
 */
export const createSessionSchema = checkedPlan(z.strictObject({ doctorId: idSchema, date: dateSchema, ...sessionFields }));

/** A session's new plan: its doctor, day and token numbers stay; its issued tokens move to the new pace. */
export const updateSessionSchema = checkedPlan(z.strictObject({ id: idSchema, ...sessionFields }));

export const listSessionsSchema = z
  .strictObject({ doctorId: idSchema.optional(), from: dateSchema, to: dateSchema })
  .refine((v) => v.to >= v.from, { message: 'The end date must not be before the start date', path: ['to'] });

export const opdSessionSchema = z.object({
  id: idSchema,
  doctorId: idSchema,
  doctorName: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  emergencyReserve: z.number().int(),
  /** The session's room, else the doctor's, else null. */
  room: z.string().nullable(),
  /** Live (not cancelled) tokens. */
  booked: z.number().int(),
  /** Its tokens are firstToken .. firstToken + capacity - 1 of the doctor's day (the evening continues after the morning). */
  firstToken: z.number().int(),
  /** The highest live token, null when none is booked: the capacity cannot go below it. */
  highestToken: z.number().int().nullable(),
  /** Minutes per token: the session's length over its capacity. */
  paceMinutes: z.number(),
});
export type OpdSessionDto = z.infer<typeof opdSessionSchema>;

/** A token in a session for a patient; an emergency (with its reason) may take a reserved token. */
export const bookTokenSchema = z.strictObject({
  sessionId: idSchema,
  patientId: idSchema,
  reason: z.string().trim().max(1000, 'At most 1000 characters').optional(),
  emergency: emergencySchema.optional(),
});

export const bookedTokenSchema = z.object({
  appointment: appointmentSchema,
  token: z.number().int(),
  /** When the token is expected to be seen, at the session's pace (HH:MM:SS). */
  estimatedTime: z.string(),
  room: z.string().nullable(),
});
export type BookedTokenDto = z.infer<typeof bookedTokenSchema>;
