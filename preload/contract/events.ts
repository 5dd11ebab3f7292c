import { z } from 'zod';
import { idSchema, sessionSchema } from './dto';

const change = z.object({
  op: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  id: idSchema.nullable(),
  doctorId: idSchema.nullable(),
  patientId: idSchema.nullable(),
  appointmentId: idSchema.nullable(),
  date: z.iso.date().nullable(),
  /**
   * An UPDATE's doctor and date before it (null on INSERT and DELETE): an appointment moved to
   * another doctor or day changes both the old column/day and the new one.
   */
  oldDoctorId: idSchema.nullable(),
  oldDate: z.iso.date().nullable(),
});
export type ChangeEvent = z.infer<typeof change>;

/** Main → renderer notifications. `window.clinic.on(name, fn)` returns an unsubscribe function. */
export const events = {
  'appointments.changed': change,
  'availability.changed': change,
  'patients.changed': change,
  'payments.changed': change,
  /** A doctor's profile was added, changed or removed (id is the doctor's). Signed-in, unlocked main windows only. */
  'doctors.changed': change,
  /** A user account was added or changed (id is the user's). Unlocked ADMIN main windows only. */
  'users.changed': change,
  /**
   * The clinic settings (what settings.get returns) changed. The same change shape as the
   * others, so one code path handles every table event; id is the settings row's (always 1).
   * Signed-in, unlocked main windows only.
   */
  'settings.changed': change,
  /**
   * A waitlist entry or an offer of freed time was made, taken or removed (an offer's id, doctor
   * and date; an entry's id, patient and doctor). Signed-in, unlocked main windows only.
   */
  'waitlist.changed': change,
  /** A recall was made, booked or dismissed (id, patient, doctor). Signed-in, unlocked main windows only. */
  'recalls.changed': change,
  /** An appointment type, or the doctors offering it, changed. Signed-in, unlocked main windows only. */
  'appointmentTypes.changed': change,
  /** A clinic holiday was added, renamed or removed (id and date are the holiday's). Signed-in, unlocked main windows only. */
  'holidays.changed': change,
  /** An OPD session was added, removed or its tokens counted again (id is the session's). */
  'opd.changed': change,
  /**
   * A patient's join link was issued, revoked or opened in the lobby, or a call of the
   * appointment started or ended (appointmentId says which).
   */
  'video.lobbyChanged': change,
  /** A patient's reply arrived or was dealt with (patientId and appointmentId say whose). */
  'messaging.inboxChanged': change,
  /** A patient's messaging channel, language, consent or kind switches changed (patientId; null: a doctor's switch). */
  'messaging.prefsChanged': change,
  /** The token display should read the board again (display streams get only this, with nothing in it). */
  'board.changed': z.object({}),
  /** Live updates were interrupted: refetch whatever is on screen. */
  resync: z.object({ reason: z.string() }),
  /** The clinic database became unreachable or reachable again. */
  'connection.changed': z.object({ online: z.boolean(), message: z.string() }),
  /** This window's session was locked, unlocked, changed or ended (null). */
  'session.changed': z.object({ session: sessionSchema.nullable() }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
