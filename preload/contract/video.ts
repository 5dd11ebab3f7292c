import { z } from 'zod';
import { idSchema, instantSchema } from './dto';
import { dateSchema } from './patients';

/**
 * The clinic's Twilio set-up as an ADMIN sees it. The API Key secret and the Auth Token are
 * write-only: the renderer only ever learns whether they are set.
 */
export const videoSettingsSchema = z.object({
  accountSid: z.string().nullable(),
  apiKeySid: z.string().nullable(),
  apiKeySecretSet: z.boolean(),
  authTokenSet: z.boolean(),
  webhookUrl: z.string().nullable(),
  joinUrlTemplate: z.string().nullable(),
  publicBaseUrl: z.string().nullable(),
  joinOpensMinutes: z.number().int(),
  joinClosesMinutes: z.number().int(),
  /** Everything needed to start a call is there. */
  configured: z.boolean(),
  updatedAt: instantSchema,
});
export type VideoSettingsDto = z.infer<typeof videoSettingsSchema>;

const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/, `${what} must be a full https:// address`);

/** A secret as pasted: no spaces inside; null clears it. */
const secretSchema = z
  .string()
  .trim()
  .min(16, 'This is too short to be a Twilio secret')
  .max(200)
  .regex(/^[A-Za-z0-9]+$/, 'Only letters and digits: paste the secret exactly as Twilio shows it');

export const updateVideoSettingsSchema = z.strictObject({
  accountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'An Account SID starts with AC followed by 32 hex digits')
    .nullable()
    .optional(),
  apiKeySid: z
    .string()
    .trim()
    .regex(/^SK[0-9a-fA-F]{32}$/, 'An API Key SID starts with SK followed by 32 hex digits')
    .nullable()
    .optional(),
  apiKeySecret: secretSchema.nullable().optional(),
  authToken: secretSchema.nullable().optional(),
  /** The address Twilio posts room events to (this clinic's `npm run webhooks`, as the internet sees it). */
  webhookUrl: httpsUrl('The webhook address').nullable().optional(),
  /** The patient's join page; `{token}` is replaced by the patient's token, `{room}` by the room name. */
  joinUrlTemplate: httpsUrl('The join link template')
    .refine((v) => v.includes('{token}'), 'The join link template must contain {token}')
    .nullable()
    .optional(),
  /**
   * The gateway (`npm run gateway`) as the internet sees it; patients' join links start with it,
   * so it is an address a path is added to: no query or fragment.
   */
  publicBaseUrl: httpsUrl('The gateway address')
    .refine((v) => !/[?#]/.test(v), 'The gateway address is where the gateway is reached: leave out any ? or # part')
    .nullable()
    .optional(),
  /** The join window: minutes before the appointment's start … */
  joinOpensMinutes: z.number().int('Whole minutes').min(0, 'At least 0 minutes').max(1440, 'At most a day (1440 minutes)').optional(),
  /** … to minutes after its end. */
  joinClosesMinutes: z.number().int('Whole minutes').min(0, 'At least 0 minutes').max(1440, 'At most a day (1440 minutes)').optional(),
});

export const appointmentRefSchema = z.strictObject({ appointmentId: idSchema });

/** What the call window shows before and during the call. */
export const callInfoSchema = z.object({
  appointmentId: idSchema,
  patientId: idSchema,
  patientName: z.string(),
  doctorName: z.string(),
  date: z.string(),
  startTime: z.string(),
  status: z.string(),
  /** Whether the clinic's Twilio account is set up (nothing about it beyond yes or no). */
  videoConfigured: z.boolean(),
  /** Whether the patient has turned up for any of the appointment's calls (joined a room, or waited in the lobby). */
  patientJoined: z.boolean(),
});
export type CallInfoDto = z.infer<typeof callInfoSchema>;

/** What the call window needs to join: the doctor's token for this appointment's room only. */
export const videoJoinSchema = z.object({
  appointmentId: idSchema,
  roomName: z.string(),
  roomSid: z.string(),
  identity: z.string(),
  token: z.string(),
  expiresAt: instantSchema,
});
export type VideoJoinDto = z.infer<typeof videoJoinSchema>;

export const patientLinkSchema = z.object({
  /** The gateway's join page with a fresh code; any earlier link of the appointment stops working. */
  link: z.string(),
  /** Ready to paste into an SMS or print. */
  message: z.string(),
  /** The end of the join window: the link works until then (from the window's start). */
  expiresAt: instantSchema,
});

export const revokeLinkSchema = z.object({ revoked: z.boolean() });

/**
 * Asked about some appointments (a call window's one), or about every appointment of a day (Today:
 * asked with the day's other reads, without waiting for their ids, and for a day of any size).
 */
export const waitingOnlineRequestSchema = z
  .strictObject({ appointmentIds: z.array(idSchema).max(500, 'At most 500 appointments at once').optional(), date: dateSchema.optional() })
  .refine((v) => (v.appointmentIds === undefined) !== (v.date === undefined), {
    message: 'Ask about some appointments or about a day, one of the two',
    path: ['appointmentIds'],
  });
export type WaitingOnlineRequest = z.infer<typeof waitingOnlineRequestSchema>;

/** Of the appointments asked about, those whose patient is in the online lobby now. */
export const waitingOnlineSchema = z.object({
  appointmentIds: z.array(idSchema),
  /**
   * Of those asked about, the ones whose latest video session ended NO_SHOW: the room ended
   * without the patient ever joining or waiting in the lobby. The appointment itself stays as
   * it was; the desk is offered to mark it "did not come".
   */
  noShowIds: z.array(idSchema),
});

export const VIDEO_EVENT_TYPES = [
  'connected',
  'reconnecting',
  'reconnected',
  'disconnected',
  'participant-connected',
  'participant-disconnected',
  'participant-reconnecting',
  'participant-reconnected',
  'device-error',
] as const;

/** Keys of a call event's data that main fills in from the caller's session. */
const MAIN_SET_EVENT_KEYS = ['source', 'reportedBy'] as const;

export const reportVideoEventSchema = z.strictObject({
  roomSid: z.string().regex(/^RM[0-9a-fA-F]{32}$/, 'Not a Twilio room'),
  type: z.enum(VIDEO_EVENT_TYPES),
  participant: z.string().trim().max(255).optional(),
  /**
   * Short facts for later support (an error code, a device kind); never media or patient data.
   * Who reported it and from where are main's to write, from the session.
   */
  detail: z
    .record(z.string().regex(/^[a-zA-Z]{1,40}$/), z.union([z.string().max(500), z.number(), z.boolean()]))
    .superRefine((detail, ctx) => {
      for (const key of MAIN_SET_EVENT_KEYS) {
        if (Object.hasOwn(detail, key)) ctx.addIssue({ code: 'custom', path: [key], message: 'Set by Clinic Desk itself, not by the call window' });
      }
    })
    .optional(),
});

export const endCallSchema = z.strictObject({ roomSid: reportVideoEventSchema.shape.roomSid });

/**
 * In the app main opens the call window itself; in a browser the caller gets a one-time
 * ticket that signs the new tab in as the same person.
 */
export const openCallWindowResultSchema = z.union([z.object({ opened: z.literal(true) }), z.object({ opened: z.literal(false), ticket: z.string() })]);

export const joinWindowSchema = z.strictObject({ ticket: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'Not a call-window ticket') });
