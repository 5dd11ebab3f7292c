import { z } from 'zod';

export const ROLES = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/** ISO instant in UTC, as main sends every TIMESTAMP. */
export const instantSchema = z.iso.datetime();

const emailSchema = z
  .email('Enter a valid email address')
  .max(255)
  .transform((e) => e.trim().toLowerCase());
/** A password as typed; the strength rules live in main, so the message can say which one failed. */
const passwordSchema = z.string().min(1, 'Enter the password').max(1000);
const displayNameSchema = z.string().trim().min(1, 'Enter a name').max(120);

/** The desk's languages; each user has one, and the session carries it. */
export const LANGUAGES = ['en', 'hi'] as const;
export const languageSchema = z.enum(LANGUAGES, 'Choose English or Hindi');
export type Language = z.infer<typeof languageSchema>;

export const sessionSchema = z.object({
  userId: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  doctorId: idSchema.nullable(),
  locked: z.boolean(),
  idleLockMinutes: z.number().int(),
  language: languageSchema,
});
export type SessionDto = z.infer<typeof sessionSchema>;

export const authStatusSchema = z.object({
  needsFirstAdmin: z.boolean(),
  session: sessionSchema.nullable(),
});

export const firstAdminSchema = z.strictObject({
  clinicName: z.string().trim().min(1, 'Enter the clinic name').max(200),
  timeZone: z.string().min(1).max(64),
  email: emailSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
});

export const setLanguageSchema = z.strictObject({ language: languageSchema });

export const loginSchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export const unlockSchema = z.strictObject({ password: passwordSchema });
export const changePasswordSchema = z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema });

export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  displayName: z.string(),
  role: z.enum([...ROLES, 'PATIENT']),
  doctorId: idSchema.nullable(),
  disabled: z.boolean(),
  lockedUntil: instantSchema.nullable(),
  lastLoginAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type UserDto = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  displayName: displayNameSchema,
  role: roleSchema,
  password: passwordSchema,
  /** For a DOCTOR: the doctor profile; omitted, the profile with the same email is used. */
  doctorId: idSchema.optional(),
});

export const updateUserSchema = z.strictObject({
  id: idSchema,
  displayName: displayNameSchema.optional(),
  role: roleSchema.optional(),
  doctorId: idSchema.nullable().optional(),
});

/** Receipts print on A5 or A4 sheets or an 80 mm thermal roll; the day-end summary is always A4. */
export const RECEIPT_PAPERS = ['A5', 'A4', '80MM'] as const;
export type ReceiptPaper = (typeof RECEIPT_PAPERS)[number];
/** What the token display may show beside a token: nothing, or the patient's initials. */
export const BOARD_NAMES = ['NONE', 'INITIALS'] as const;
export type BoardNames = (typeof BOARD_NAMES)[number];

export const settingsSchema = z.object({
  clinicName: z.string(),
  clinicAddress: z.string(),
  timeZone: z.string(),
  defaultSlotMinutes: z.number().int(),
  currency: z.string(),
  idleLockMinutes: z.number().int(),
  /** ISO 3166 country whose national phone numbers the desk types; null: the time zone's country. */
  phoneCountry: z.string().nullable(),
  /** The country actually used: phoneCountry, or the time zone's (India where a zone has none). */
  effectivePhoneCountry: z.string(),
  receiptPaper: z.enum(RECEIPT_PAPERS),
  boardNames: z.enum(BOARD_NAMES),
  /** The token display says each call aloud (English and Hindi). */
  boardSpeaks: z.boolean(),
  updatedAt: instantSchema,
});
export type SettingsDto = z.infer<typeof settingsSchema>;

export const updateSettingsSchema = z.strictObject({
  clinicName: z.string().trim().min(1, 'Enter the clinic name').max(200).optional(),
  clinicAddress: z.string().trim().max(2000).optional(),
  timeZone: z.string().min(1).max(64).optional(),
  defaultSlotMinutes: z.number().int().min(5, 'At least 5 minutes').max(240, 'At most 240 minutes').optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Use a three-letter currency code such as INR')
    .optional(),
  idleLockMinutes: z.number().int().min(1, 'At least 1 minute').max(240, 'At most 240 minutes').optional(),
  phoneCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'Use a two-letter country code such as IN')
    .nullable()
    .optional(),
  receiptPaper: z.enum(RECEIPT_PAPERS, 'Choose A5, A4 or 80 mm thermal paper').optional(),
  boardNames: z.enum(BOARD_NAMES, 'Choose no names or initials for the token display').optional(),
  boardSpeaks: z.boolean().optional(),
});

/** DENIED: the caller may not; REFUSED: allowed, but the rules said no (a clash, a missing record). */
export const AUDIT_OUTCOMES = ['OK', 'DENIED', 'REFUSED', 'FAILED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const auditEntrySchema = z.object({
  id: idSchema,
  occurredAt: instantSchema,
  userId: idSchema.nullable(),
  userEmail: z.string().nullable(),
  workstation: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: idSchema.nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntrySchema>;

const dateOrInstant = z.iso.datetime({ offset: true }).or(z.iso.date());

export const auditQuerySchema = z.strictObject({
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  userId: idSchema.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  entity: z.string().trim().min(1).max(50).optional(),
  entityId: idSchema.optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  /** Keyset paging: entries older than this id. */
  beforeId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
});
