import type { Knex } from 'knex';
import { linkDoctorAccountsByEmail } from '../users/repo';
import { idAt, insertInBatches, insertReturningIds } from './bulk-insert';
import { SAMPLE_PATIENTS } from './catalogue';
import { DEFAULT_DEMO_SEED, planDemoClinic, type DemoPlan } from './generate';
import { hashPasswords, readablePassword } from './passwords';
import { availabilityRow } from './schedule';
import { planSchedulingDepth, type SchedulingDepthPlan } from './scheduling-depth';
import { refuseTakenLogins, refuseUnlessEmpty } from './refusal';

export { DemoRefusedError } from './refusal';

interface DemoLogin {
  email: string;
  password: string;
  role: 'ADMIN' | 'RECEPTIONIST' | 'DOCTOR' | 'PATIENT';
}

export interface DemoSummary {
  doctors: number;
  patients: number;
  /** Rows in doctor_availabilities: the working windows and the whole-day leave rows. */
  availabilityWindows: number;
  appointments: number;
  payments: number;
  /** The only copy of the passwords: the database keeps bcrypt hashes. */
  logins: DemoLogin[];
}

export interface SeedDemoOptions {
  /** The clinic's current date, 'YYYY-MM-DD': history is generated before it, bookings from it on. */
  today: string;
  /** Faker seed; the same seed and today give the same clinic (but never the same passwords). */
  seed?: number;
  /**
   * Hashes the logins' passwords, in order; the app's cost-12 bcrypt unless given. A load whose
   * logins nobody signs in with (a backup's payload in a test) may pass a cheaper bcrypt.
   */
  hashPasswords?: (passwords: readonly string[], signal: AbortSignal) => Promise<string[]>;
}

// The column defaults, should the settings row ever be missing.
const FALLBACK_SLOT_MINUTES = 15;
const FALLBACK_TIME_ZONE = 'UTC';

function assertCalendarDate(today: string): void {
  const parsed = new Date(`${today}T00:00:00Z`);
  if (!/^\d{4}-\d\d-\d\d$/.test(today) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== today) {
    throw new RangeError(`today must be a calendar date 'YYYY-MM-DD', got '${today}'`);
  }
}

type DemoAccount = Omit<DemoLogin, 'password'> & { displayName: string };

function demoAccounts(plan: DemoPlan): DemoAccount[] {
  return [
    { email: 'admin@clinic.demo', role: 'ADMIN', displayName: 'Clinic Administrator' },
    { email: 'reception@clinic.demo', role: 'RECEPTIONIST', displayName: 'Front Desk' },
    // A DOCTOR user is tied to its doctor record by the shared email.
    ...plan.doctors.map((d) => ({ email: d.email, role: 'DOCTOR' as const, displayName: d.name })),
    ...SAMPLE_PATIENTS.map((p) => ({ email: p.email, role: 'PATIENT' as const, displayName: p.name })),
  ];
}

/**
 * Loads a reproducible demo clinic (the seed document's sample rows plus generated doctors,
 * patients, three months of schedule and desk payments, appointment types, a few weekly series
 * and a waitlist) into an empty database, in one transaction: all of it arrives, or none of it does.
 */
export async function seedDemoClinic(knex: Knex, options: SeedDemoOptions): Promise<DemoSummary> {
  assertCalendarDate(options.today);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;

  return knex.transaction(async (trx) => {
    await refuseUnlessEmpty(trx);
    const settings: { default_slot_minutes: number; time_zone: string } | undefined = await trx('clinic_settings')
      .where({ id: 1 })
      .first('default_slot_minutes', 'time_zone');
    const slotMinutes = settings?.default_slot_minutes ?? FALLBACK_SLOT_MINUTES;
    const plan = planDemoClinic({
      today: options.today,
      seed,
      slotMinutes,
      timeZone: settings?.time_zone ?? FALLBACK_TIME_ZONE,
    });
    const depth = planSchedulingDepth(plan, options.today, slotMinutes);
    const accounts = demoAccounts(plan);
    await refuseTakenLogins(
      trx,
      accounts.map((a) => a.email),
    );

    const logins = accounts.map((a) => ({ ...a, password: readablePassword() }));
    // Hashed while the rows go in; awaited only for the users, the last insert.
    const stopHashing = new AbortController();
    const hashing = (options.hashPasswords ?? hashPasswords)(
      logins.map((l) => l.password),
      stopHashing.signal,
    );
    hashing.catch(() => undefined);
    try {
      await insertClinic(trx, plan, slotMinutes, depth);
      const hashes = await hashing;
      await insertInBatches(
        trx,
        'users',
        logins.map((l, i) => ({ email: l.email, password: hashes[i]!, role: l.role, display_name: l.displayName })),
      );
      await linkDoctorAccountsByEmail(trx);
    } finally {
      stopHashing.abort();
    }

    return {
      doctors: plan.doctors.length,
      patients: plan.patients.length,
      availabilityWindows: plan.windows.length,
      appointments: plan.appointments.length + depth.series.reduce((n, s) => n + s.dates.length, 0),
      payments: plan.payments.length,
      logins: logins.map(({ email, role, password }) => ({ email, role, password })),
    };
  });
}

async function insertClinic(trx: Knex.Transaction, plan: DemoPlan, slotMinutes: number, depth: SchedulingDepthPlan): Promise<void> {
  const doctorIds = await insertReturningIds(
    trx,
    'doctor_entities',
    plan.doctors.map((d) => ({ ...d })),
  );
  const patientIds = await insertReturningIds(
    trx,
    'patient_entities',
    plan.patients.map((p) => ({ ...p })),
  );
  await insertInBatches(
    trx,
    'doctor_availabilities',
    plan.windows.map((w) => availabilityRow(w, idAt(doctorIds, w.doctor, 'doctor'), slotMinutes)),
  );
  const appointmentIds = await insertReturningIds(
    trx,
    'appointment_entities',
    plan.appointments.map((a) => ({
      patient_id: idAt(patientIds, a.patient, 'patient'),
      doctor_id: idAt(doctorIds, a.doctor, 'doctor'),
      appointment_date: a.appointment_date,
      start_time: a.start_time,
      end_time: a.end_time,
      status: a.status,
      reason: a.reason,
      cancel_reason: a.status === 'CANCELLED' ? 'Cancelled at the patient’s request' : null,
      // Left out rather than null, so the column default (now) applies.
      ...(a.created_at === null ? {} : { created_at: a.created_at }),
    })),
  );
  await insertInBatches(
    trx,
    'payments',
    plan.payments.map((p) => ({
      appointment_id: idAt(appointmentIds, p.appointment, 'appointment'),
      order_id: p.order_id,
      amount: p.amount,
      currency: 'INR',
      status: 'PAID',
      payment_method: p.payment_method,
      transaction_id: p.transaction_id,
      created_at: p.created_at,
    })),
  );
  await insertSchedulingDepth(trx, depth, doctorIds, patientIds);
}

/** Appointment types with their doctors, a few weekly series and a waitlist (issue 20), so the desk's scheduling screens have something to show. */
async function insertSchedulingDepth(trx: Knex.Transaction, depth: SchedulingDepthPlan, doctorIds: number[], patientIds: number[]) {
  const typeIds = await insertReturningIds(
    trx,
    'appointment_types',
    depth.types.map((t) => t.row),
  );
  await insertInBatches(
    trx,
    'doctor_appointment_types',
    depth.types.flatMap((t, i) => t.doctors.map((d) => ({ doctor_id: idAt(doctorIds, d, 'doctor'), appointment_type_id: typeIds[i]! }))),
  );
  for (const s of depth.series) {
    const who = { patient_id: idAt(patientIds, s.patient, 'patient'), doctor_id: idAt(doctorIds, s.doctor, 'doctor') };
    const [seriesId] = await insertReturningIds(trx, 'appointment_series', [{ ...who, rule: s.rule }]);
    await insertInBatches(
      trx,
      'appointment_entities',
      s.dates.map((date) => ({
        ...who,
        appointment_date: date,
        start_time: s.startTime,
        end_time: s.endTime,
        status: 'SCHEDULED',
        reason: 'Weekly review',
        series_id: seriesId!,
      })),
    );
  }
  await insertInBatches(
    trx,
    'waitlist_entries',
    depth.waitlist.map(({ patient, doctor, ...w }) => ({
      ...w,
      patient_id: idAt(patientIds, patient, 'patient'),
      doctor_id: doctor === null ? null : idAt(doctorIds, doctor, 'doctor'),
    })),
  );
}
