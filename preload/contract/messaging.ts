import { z } from 'zod';
import { idSchema, instantSchema } from './dto';

export const MESSAGE_KINDS = [
  'CONFIRMATION',
  'REMINDER',
  'RESCHEDULED',
  'CANCELLED',
  'VIDEO_LINK',
  'NOTICE',
  'THANK_YOU',
  'PAYMENT_LINK',
  'WAITLIST_OFFER',
  'OFFER_GONE',
  'RECALL_REMINDER',
] as const;
export const MESSAGE_CHANNELS = ['SMS', 'WHATSAPP', 'EMAIL'] as const;
export const MESSAGE_STATUSES = ['QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED', 'CANCELLED', 'SKIPPED'] as const;
export const messageKindSchema = z.enum(MESSAGE_KINDS);
export const messageChannelSchema = z.enum(MESSAGE_CHANNELS);

/** One outbox message as the desk sees it: what, how, when and what became of it (with the reason). */
export const messageSchema = z.object({
  id: idSchema,
  appointmentId: idSchema.nullable(),
  patientId: idSchema,
  patientName: z.string(),
  kind: messageKindSchema,
  channel: messageChannelSchema,
  status: z.enum(MESSAGE_STATUSES),
  body: z.string().nullable(),
  dueAt: instantSchema,
  sentAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  attempts: z.number().int(),
  error: z.string().nullable(),
});
export type MessageDto = z.infer<typeof messageSchema>;

export const inboundSchema = z.object({
  id: idSchema,
  channel: messageChannelSchema,
  /** Both null once cleared, the reply settled and older than the clinic's message retention. */
  fromAddress: z.string().nullable(),
  body: z.string().nullable(),
  patientId: idSchema.nullable(),
  patientName: z.string().nullable(),
  appointmentId: idSchema.nullable(),
  /** The linked appointment's day, time and doctor (null without one); optional for replies built before they were listed. */
  appointmentDate: z.string().nullable().optional(),
  appointmentTime: z.string().nullable().optional(),
  doctorName: z.string().nullable().optional(),
  action: z.enum(['CONFIRMED', 'CANCELLED', 'OPTED_OUT', 'OPTED_IN', 'INBOX', 'OFFER_TAKEN', 'OFFER_GONE']),
  receivedAt: instantSchema,
  handledAt: instantSchema.nullable(),
});
export type InboundDto = z.infer<typeof inboundSchema>;

export const appointmentMessagesSchema = z.object({ messages: z.array(messageSchema), replies: z.array(inboundSchema) });

/** A reminder, the video join link, or a link to pay what the visit owes (the open one, else a new one). */
export const sendMessageNowSchema = z.strictObject({ appointmentId: idSchema, kind: z.enum(['REMINDER', 'VIDEO_LINK', 'PAYMENT_LINK']) });

const e164 = z
  .string()
  .trim()
  .regex(/^\+[1-9]\d{6,14}$/, 'Enter the number in E.164 form, e.g. +919812345678');
const httpsUrl = (what: string) =>
  z
    .string()
    .trim()
    .max(2000)
    .regex(/^https:\/\/[A-Za-z0-9.-]+(:\d{1,5})?(\/[^\s]*)?$/, `${what} must be a full https:// address`);
const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Enter a time as HH:MM');

/** The messaging set-up as an ADMIN sees it; secrets are write-only (only whether they are set). */
export const messagingSettingsSchema = z.object({
  enabled: z.boolean(),
  enabledKinds: z.array(messageKindSchema),
  reminderOffsetsMinutes: z.array(z.number().int()),
  quietStart: z.string(),
  quietEnd: z.string(),
  defaultChannel: messageChannelSchema,
  defaultLanguage: z.string(),
  smsFrom: z.string().nullable(),
  whatsappFrom: z.string().nullable(),
  twilioAccountSid: z.string().nullable(),
  twilioAuthTokenSet: z.boolean(),
  statusCallbackUrl: z.string().nullable(),
  inboundUrl: z.string().nullable(),
  smtpHost: z.string().nullable(),
  smtpPort: z.number().int().nullable(),
  smtpSecure: z.boolean(),
  smtpUser: z.string().nullable(),
  smtpPasswordSet: z.boolean(),
  emailFrom: z.string().nullable(),
  rebookLink: z.string().nullable(),
  sendRatePerSecond: z.number(),
  dailyCapPerPatient: z.number().int(),
  messageRetentionDays: z.number().int(),
});
export type MessagingSettingsDto = z.infer<typeof messagingSettingsSchema>;

export const updateMessagingSettingsSchema = z.strictObject({
  enabled: z.boolean().optional(),
  enabledKinds: z.array(messageKindSchema).max(MESSAGE_KINDS.length).optional(),
  reminderOffsetsMinutes: z
    .array(z.number().int().min(5, 'A reminder comes at least 5 minutes before').max(20160, 'A reminder comes at most 14 days before'))
    .max(5, 'At most five reminders')
    .optional(),
  quietStart: clock.optional(),
  quietEnd: clock.optional(),
  defaultChannel: messageChannelSchema.optional(),
  defaultLanguage: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'A language code such as en or hi')
    .optional(),
  smsFrom: e164.nullable().optional(),
  whatsappFrom: e164.nullable().optional(),
  twilioAccountSid: z
    .string()
    .trim()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'An Account SID starts with AC followed by 32 hex digits')
    .nullable()
    .optional(),
  twilioAuthToken: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{16,200}$/, 'Paste the Auth Token exactly as Twilio shows it')
    .nullable()
    .optional(),
  statusCallbackUrl: httpsUrl('The status callback address').nullable().optional(),
  inboundUrl: httpsUrl('The replies address').nullable().optional(),
  smtpHost: z.string().trim().min(1).max(255).nullable().optional(),
  smtpPort: z.number().int().min(1).max(65535).nullable().optional(),
  smtpSecure: z.boolean().optional(),
  smtpUser: z.string().trim().max(255).nullable().optional(),
  smtpPassword: z.string().min(1).max(500).nullable().optional(),
  emailFrom: z.email('Enter a valid sender address').max(255).nullable().optional(),
  rebookLink: httpsUrl('The rebooking link').nullable().optional(),
  sendRatePerSecond: z.number().positive().max(1000).optional(),
  dailyCapPerPatient: z.number().int().min(1).max(100).optional(),
  // At least 90 days: a reply is matched to the latest message sent to its number.
  messageRetentionDays: z.number().int('Whole days').min(90, 'Keep messages at least 90 days').max(3650, 'Keep messages at most ten years').optional(),
});

export const segmentCountSchema = z.object({ encoding: z.enum(['GSM-7', 'UCS-2']), units: z.number().int(), segments: z.number().int() });

export const messageTemplateSchema = z.object({
  id: idSchema,
  kind: messageKindSchema,
  language: z.string(),
  channel: messageChannelSchema,
  subject: z.string().nullable(),
  body: z.string(),
  dltEntityId: z.string().nullable(),
  dltTemplateId: z.string().nullable(),
  whatsappContentSid: z.string().nullable(),
  segments: segmentCountSchema,
});
export type MessageTemplateDto = z.infer<typeof messageTemplateSchema>;

/** India's DLT ids (TRAI's registration of the sender and of each SMS text): the principal entity id and the content template id are 19 digits each. */
const dltIdSchema = (which: 'entity' | 'template') =>
  z
    .string()
    .trim()
    .regex(/^\d{19}$/, `A DLT ${which} id is the 19 digits the DLT portal gave, without spaces`)
    .nullable();

export const saveMessageTemplateSchema = z.strictObject({
  kind: messageKindSchema,
  language: z.string().regex(/^[a-z]{2,3}$/, 'A language code such as en or hi'),
  channel: messageChannelSchema,
  subject: z.string().trim().max(200).nullable(),
  body: z.string().max(1600),
  dltEntityId: dltIdSchema('entity'),
  dltTemplateId: dltIdSchema('template'),
  whatsappContentSid: z
    .string()
    .trim()
    .regex(/^HX[0-9a-fA-F]{32}$/, 'A content SID starts with HX followed by 32 hex digits')
    .nullable(),
});

/** A template (saved, or as being edited) filled with one real appointment's data. */
export const messagePreviewSchema = z.strictObject({
  appointmentId: idSchema,
  kind: messageKindSchema,
  language: z.string().regex(/^[a-z]{2,3}$/),
  channel: messageChannelSchema,
  body: z.string().max(1600).optional(),
});
export const messagePreviewResultSchema = z.object({ subject: z.string().nullable(), body: z.string(), segments: segmentCountSchema });

/** A notice to every patient of one doctor's day ("running 40 minutes late", "on leave"). */
export const doctorDayNoticeSchema = z.strictObject({
  doctorId: idSchema,
  date: z.iso.date(),
  /** The whole message; to appointments a leave cancelled, the reason added to their cancellation message. */
  text: z.string().trim().min(1, 'Write the notice').max(1000),
  /** Only these appointments of the day (the ones a leave just cancelled); without it, everyone still to come that day. */
  appointmentIds: z.array(idSchema).min(1).max(500).optional(),
});

/** What a notice would do before it is sent: how many patients it goes to, and the first one's message. */
export const noticePreviewSchema = z.object({
  count: z.number().int(),
  sample: z.object({ appointmentId: idSchema, patientName: z.string(), body: z.string(), segments: segmentCountSchema }),
});

/** How a patient wants to hear from the clinic: a channel, or none at all (null: the clinic's default). */
export const PATIENT_CHANNELS = [...MESSAGE_CHANNELS, 'NONE'] as const;
/** The languages every shipped template is written in. */
export const MESSAGE_LANGUAGES = ['en', 'hi'] as const;

export const consentSchema = z.object({
  channel: messageChannelSchema,
  givenAt: instantSchema.nullable(),
  givenHow: z.string().nullable(),
  withdrawnAt: instantSchema.nullable(),
  withdrawnHow: z.string().nullable(),
});
export type ConsentDto = z.infer<typeof consentSchema>;

/** A patient's messaging preferences with the clinic's defaults they fall back to, and consent per channel (only channels with a record). */
export const patientMessagingSchema = z.object({
  patientId: idSchema,
  channel: z.enum(PATIENT_CHANNELS).nullable(),
  language: z.string().nullable(),
  kindsOff: z.array(messageKindSchema),
  consents: z.array(consentSchema),
  defaultChannel: messageChannelSchema,
  defaultLanguage: z.string(),
});
export type PatientMessagingDto = z.infer<typeof patientMessagingSchema>;

export const savePatientMessagingSchema = z.strictObject({
  patientId: idSchema,
  channel: z.enum(PATIENT_CHANNELS).nullable(),
  language: z.enum(MESSAGE_LANGUAGES).nullable(),
  kindsOff: z.array(messageKindSchema).max(MESSAGE_KINDS.length),
});

/** Consent given (or withdrawn) on one channel, and how: "signed the registration form", "asked at the desk". */
export const recordConsentSchema = z.strictObject({
  patientId: idSchema,
  channel: messageChannelSchema,
  given: z.boolean(),
  how: z.string().trim().min(3, 'Say how the patient said so').max(200),
});
