import { z } from 'zod';
import { idSchema, instantSchema } from './dto';

export const GENDERS = ['MALE', 'FEMALE', 'OTHER'] as const;

/** A calendar date that exists (2023-02-30 does not). */
export const dateSchema = z.iso.date('Use a date such as 2024-01-20');

const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} is limited to ${max} characters`)
    .transform((s) => s.trim())
    .nullable()
    .optional();

export const patientFieldsSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter the patient’s name').max(255, 'The name is limited to 255 characters'),
  /** As typed; main normalises it (E.164 when it carries a country code). */
  phone: z.string().max(40, 'That is too long for a phone number').nullable().optional(),
  email: z
    .string()
    .trim()
    .max(255)
    .pipe(z.email('Enter a valid email address').or(z.literal('')))
    .nullable()
    .optional(),
  dateOfBirth: dateSchema.nullable().optional(),
  gender: z.enum(GENDERS, 'Choose MALE, FEMALE or OTHER').nullable().optional(),
  address: optionalText(2000, 'The address'),
  /** Only DOCTOR and ADMIN may read or write it. */
  medicalHistory: optionalText(20000, 'The medical history'),
});

export const createPatientSchema = patientFieldsSchema.extend({
  /** Set after the desk has seen the possible duplicates and wants a new record all the same. */
  confirmNotDuplicate: z.boolean().default(false),
});

export const updatePatientSchema = patientFieldsSchema.partial().extend({ id: idSchema });

export const patientSummarySchema = z.object({
  id: idSchema,
  name: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
});
export type PatientSummary = z.infer<typeof patientSummarySchema>;

export const patientDetailSchema = patientSummarySchema.extend({
  address: z.string().nullable(),
  /** Absent for a RECEPTIONIST. */
  medicalHistory: z.string().nullable().optional(),
  createdAt: instantSchema,
  updatedAt: instantSchema.nullable(),
});
export type PatientDetail = z.infer<typeof patientDetailSchema>;

export const createPatientResultSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('created'), patient: patientDetailSchema }),
  z.object({ status: z.literal('possible_duplicates'), candidates: z.array(patientSummarySchema) }),
]);

export const patientSearchSchema = z.strictObject({
  query: z.string().trim().min(1, 'Type at least one letter or digit').max(100),
  limit: z.number().int().min(1).max(50).default(20),
});

export const patientAppointmentSchema = z.object({
  id: idSchema,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  status: z.string(),
  doctorId: idSchema,
  doctorName: z.string(),
  reason: z.string().nullable(),
});

export type PatientAppointmentDto = z.infer<typeof patientAppointmentSchema>;

export const patientPaymentSchema = z.object({
  id: idSchema,
  appointmentId: idSchema,
  receiptNumber: z.string().nullable(),
  amount: z.string(),
  currency: z.string(),
  status: z.string(),
  method: z.string().nullable(),
  createdAt: instantSchema,
});
export type PatientPaymentDto = z.infer<typeof patientPaymentSchema>;

export const patientPageSchema = z.object({
  patient: patientDetailSchema,
  upcoming: z.array(patientAppointmentSchema),
  past: z.array(patientAppointmentSchema),
  payments: z.array(patientPaymentSchema),
});
