import { z } from 'zod';
import { PRIORITIES } from './appointments';
import { idSchema } from './dto';

/**
 * The waiting room's token display: read-only and never a full name — a token, its priority
 * and, if the clinic chose so, initials.
 */
const boardTokenSchema = z.object({ tokenNo: z.number(), initials: z.string().nullable(), priority: z.enum(PRIORITIES).nullable() });

export const boardSchema = z.object({
  clinicName: z.string(),
  /** The clinic's zone, for the board's clock (the TV's own may be set to anything). */
  timeZone: z.string(),
  /** Each call is said aloud as well as shown (the clinic's setting). */
  speaks: z.boolean(),
  doctors: z.array(
    z.object({
      doctorId: idSchema,
      doctorName: z.string(),
      room: z.string().nullable(),
      /** The token called last and not yet done, or null. */
      now: boardTokenSchema.nullable(),
      next: z.array(boardTokenSchema),
    }),
  ),
});
export type BoardDto = z.infer<typeof boardSchema>;

/** A display-only ticket: it opens the board and nothing else (no session, no patient data). */
export const displayTicketSchema = z.string().regex(/^[A-Za-z0-9_-]{32,64}$/, 'Not a display ticket');
export const showBoardSchema = z.strictObject({ ticket: displayTicketSchema });

/** The app's frameless display window on one of the PC's screens (by default the last one). */
export const openDisplayWindowSchema = z.strictObject({ screenId: z.number().int().optional() });
