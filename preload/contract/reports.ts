import { z } from 'zod';
import type { ChannelSpec } from './channels';
import { idSchema } from './dto';
import { dateSchema } from './patients';

/** The longest range a report or an export covers: three clinic years (and a leap day). */
export const MAX_REPORT_DAYS = 1097;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

/** Appointments of any of these types (an untyped appointment matches none); main refuses a type that does not exist. */
const appointmentTypeIdsSchema = z
  .array(idSchema)
  .min(1, 'Choose at least one appointment type, or leave the filter out')
  .max(50, 'Choose at most 50 appointment types')
  .transform((ids) => [...new Set(ids)]);

/**
 * What every report is narrowed by. Dates are the clinic's calendar days, both ends included.
 * `userId` is the desk user who booked (appointment reports) or who received the money
 * (revenue). `appointmentTypeIds` narrows to appointments of those types, and revenue to the
 * payments for them.
 */
export const reportFiltersSchema = z
  .strictObject({
    from: dateSchema,
    to: dateSchema,
    /** A DOCTOR's reports are always their own: main sets this to their doctor. */
    doctorId: idSchema.optional(),
    specialization: z.string().trim().min(1).max(100).optional(),
    userId: idSchema.optional(),
    appointmentTypeIds: appointmentTypeIdsSchema.optional(),
  })
  .refine((v) => v.to >= v.from, { message: 'The end date must not be before the start date', path: ['to'] })
  .refine((v) => dayNumber(v.to) - dayNumber(v.from) < MAX_REPORT_DAYS, { message: 'Choose at most three years', path: ['to'] });
export type ReportFilters = z.output<typeof reportFiltersSchema>;

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;

export const daySheetRequestSchema = z.strictObject({
  date: dateSchema,
  doctorId: idSchema.optional(),
  appointmentTypeIds: appointmentTypeIdsSchema.optional(),
});

/** Money is an exact decimal string everywhere below; counts are integers; minutes are whole minutes. */
const money = z.string();

export const daySheetSchema = z.object({
  date: z.string(),
  timeZone: z.string(),
  clinicName: z.string(),
  currency: z.string(),
  doctors: z.array(
    z.object({
      doctorId: idSchema,
      doctorName: z.string(),
      specialization: z.string().nullable(),
      rows: z.array(
        z.object({
          appointmentId: idSchema,
          startTime: z.string(),
          endTime: z.string(),
          tokenNo: z.number().int().nullable(),
          patientId: idSchema,
          patientName: z.string(),
          /** Whole years on the sheet's date; null without a birth date. */
          age: z.number().int().nullable(),
          reason: z.string().nullable(),
          phone: z.string().nullable(),
          status: z.string(),
          /** What the clinic holds for it (payments less refunds). */
          paid: money,
          /** PAID: the fee is covered; PART: something paid, some due; UNPAID: nothing held (a fee-less visit with nothing paid is UNPAID too). */
          payment: z.enum(['PAID', 'PART', 'UNPAID']),
        }),
      ),
    }),
  ),
});
export type DaySheetDto = z.infer<typeof daySheetSchema>;

const statusCounts = {
  scheduled: z.number().int(),
  completed: z.number().int(),
  cancelled: z.number().int(),
  noShow: z.number().int(),
  total: z.number().int(),
};

export const statusOverTimeRequestSchema = z.strictObject({ filters: reportFiltersSchema, period: z.enum(REPORT_PERIODS).default('day') });
export const statusOverTimeSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  /** One row per period that has appointments; `start` is the period's first day (weeks start on Monday). */
  rows: z.array(z.object({ start: z.string(), ...statusCounts })),
});
export type StatusOverTimeDto = z.infer<typeof statusOverTimeSchema>;

const rateCounts = { total: z.number().int(), noShows: z.number().int(), cancellations: z.number().int() };
export const attendanceSchema = z.object({
  byDoctor: z.array(z.object({ doctorId: idSchema, doctorName: z.string(), ...rateCounts })),
  /** Weekday 1 = Monday … 7 = Sunday, hour of the start time 0–23; cells without appointments are left out. */
  heatMap: z.array(z.object({ weekday: z.number().int(), hour: z.number().int(), ...rateCounts })),
  /** Days from booking (the clinic's date it was made) to the appointment's date. */
  leadTime: z.object({
    appointments: z.number().int(),
    averageDays: z.string().nullable(),
    medianDays: z.number().nullable(),
    buckets: z.array(z.object({ label: z.string(), count: z.number().int() })),
  }),
});
export type AttendanceDto = z.infer<typeof attendanceSchema>;

export const utilisationSchema = z.object({
  rows: z.array(
    z.object({
      doctorId: idSchema,
      doctorName: z.string(),
      /** Working windows less leave. */
      availableMinutes: z.number().int(),
      /** Appointments that held time: all but CANCELLED. */
      bookedMinutes: z.number().int(),
      /** COMPLETED appointments. */
      seenMinutes: z.number().int(),
    }),
  ),
});
export type UtilisationDto = z.infer<typeof utilisationSchema>;

const sums = { currency: z.string(), received: money, refunded: money, net: money, payments: z.number().int(), refunds: z.number().int() };
export const revenueSchema = z.object({
  totals: z.array(z.object(sums)),
  byDoctor: z.array(z.object({ doctorId: idSchema, doctorName: z.string(), ...sums })),
  byMethod: z.array(z.object({ method: z.string().nullable(), ...sums })),
  byUser: z.array(z.object({ userId: idSchema.nullable(), userName: z.string().nullable(), ...sums })),
});
export type RevenueDto = z.infer<typeof revenueSchema>;

export const AGE_BUCKETS = ['0–30 days', '31–60 days', '61–90 days', 'over 90 days'] as const;
export const duesSchema = z.object({
  /** The clinic's date the ages are counted to. */
  asOf: z.string(),
  currency: z.string(),
  /** Seen (COMPLETED) appointments whose fee is not covered, aged by the appointment's date. */
  dues: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), appointments: z.number().int(), amount: money })),
  /** Money held ahead of a visit (not yet seen, cancelled or missed and not refunded, or above the fee), aged by the last payment's date. */
  advances: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), appointments: z.number().int(), amount: money })),
  byDoctor: z.array(z.object({ doctorId: idSchema, doctorName: z.string(), dues: money, advances: money })),
});
export type DuesDto = z.infer<typeof duesSchema>;

/** @alias The same request as statusOverTime, named for its own channel. */
export const patientMixRequestSchema = statusOverTimeRequestSchema;
export const patientMixSchema = z.object({
  period: z.enum(REPORT_PERIODS),
  /** Patients seen or booked (not cancelled) per period: new = their first such appointment ever falls in it. */
  rows: z.array(z.object({ start: z.string(), newPatients: z.number().int(), returningPatients: z.number().int() })),
});
export type PatientMixDto = z.infer<typeof patientMixSchema>;

export const REPORT_KINDS = ['daySheet', 'statusOverTime', 'attendance', 'utilisation', 'revenue', 'dues', 'patientMix'] as const;
/** Raw lists; patients for ADMIN only. */
export const LIST_KINDS = ['appointments', 'payments', 'patients'] as const;
export const EXPORT_KINDS = [...REPORT_KINDS, ...LIST_KINDS] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const exportRequestSchema = z.strictObject({
  kind: z.enum(EXPORT_KINDS, 'Choose a report or a list to export'),
  format: z.enum(['csv', 'xlsx'], 'Choose CSV or Excel'),
  filters: reportFiltersSchema,
  period: z.enum(REPORT_PERIODS).default('day'),
});

/**
 * Where an export went: a path on this PC the desk chose (the app), or a one-time download the
 * browser fetches from the bridge (browser mode). Null both when the desk cancelled the dialog.
 */
export const exportResultSchema = z.object({
  fileName: z.string(),
  rows: z.number().int(),
  savedTo: z.string().nullable(),
  downloadId: z.string().nullable(),
});
export type ExportResultDto = z.infer<typeof exportResultSchema>;

export const calendarRequestSchema = z
  .strictObject({ from: dateSchema, to: dateSchema, doctorId: idSchema.optional() })
  .refine((v) => v.to >= v.from, { message: 'The end date must not be before the start date', path: ['to'] })
  .refine((v) => dayNumber(v.to) - dayNumber(v.from) < MAX_REPORT_DAYS, { message: 'Choose at most three years', path: ['to'] });

const DOCTOR_OR_ADMIN = ['ADMIN', 'DOCTOR'] as const;

/**
 * The reports' channels, spread into the channel map. All are ADMIN and DOCTOR only; main
 * narrows a DOCTOR to their own doctor (asking for another is FORBIDDEN) and keeps the patient
 * list export to ADMIN. The day sheet names patients, so it is audited as a read; every export
 * and calendar file is audited with what left (written before the reply, like a change).
 */
export const reportChannels = {
  'reports.daySheet': { req: daySheetRequestSchema, res: daySheetSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'report', kind: 'read' } },
  'reports.statusOverTime': { req: statusOverTimeRequestSchema, res: statusOverTimeSchema, roles: DOCTOR_OR_ADMIN },
  'reports.attendance': { req: reportFiltersSchema, res: attendanceSchema, roles: DOCTOR_OR_ADMIN },
  'reports.utilisation': { req: reportFiltersSchema, res: utilisationSchema, roles: DOCTOR_OR_ADMIN },
  'reports.revenue': { req: reportFiltersSchema, res: revenueSchema, roles: DOCTOR_OR_ADMIN },
  'reports.dues': { req: reportFiltersSchema, res: duesSchema, roles: DOCTOR_OR_ADMIN },
  'reports.patientMix': { req: patientMixRequestSchema, res: patientMixSchema, roles: DOCTOR_OR_ADMIN },
  'reports.export': { req: exportRequestSchema, res: exportResultSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'export', kind: 'write' } },
  'reports.calendar': { req: calendarRequestSchema, res: exportResultSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'export', kind: 'write' } },
} as const satisfies Record<string, ChannelSpec>;
