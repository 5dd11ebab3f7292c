import { z } from 'zod';
import { affectedAppointmentSchema, cancelBookedSchema } from './availability';
import { idSchema } from './dto';
import { dateSchema } from './patients';

/** Lists main ships; each is the clinic's to edit once imported. */
export const HOLIDAY_LISTS = ['IN-2027'] as const;

export const holidayNameSchema = z.string().trim().min(1, 'Give the holiday a name').max(100, 'A holiday name is at most 100 characters');

export const holidaySchema = z.object({ id: idSchema, date: z.string(), name: z.string() });
export type Holiday = z.infer<typeof holidaySchema>;

export const listHolidaysSchema = z
  .strictObject({ from: dateSchema, to: dateSchema })
  .refine((v) => v.to >= v.from, { message: 'The end date must not be before the start date', path: ['to'] });

/** Closing a day that patients are booked on is refused with their list, unless they are cancelled (as leave is). */
export const addHolidaySchema = z.strictObject({ date: dateSchema, name: holidayNameSchema, cancelBooked: cancelBookedSchema.optional() });

export const addHolidayResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), holiday: holidaySchema, cancelledAppointments: z.number(), removedWindows: z.number() }),
  z.object({ status: z.literal('blocked'), appointments: z.array(affectedAppointmentSchema) }),
]);

export const renameHolidaySchema = z.strictObject({ id: idSchema, name: holidayNameSchema });

export const importHolidaysSchema = z.strictObject({ list: z.enum(HOLIDAY_LISTS) });

/** Days already a holiday are left as they are; days with booked patients are left for the admin to add one by one. */
export const importHolidaysResultSchema = z.object({
  added: z.array(holidaySchema),
  alreadyThere: z.number(),
  booked: z.array(z.object({ date: z.string(), name: z.string(), appointments: z.number() })),
});
