import { Faker, base, en, en_IN } from '@faker-js/faker';
import type { Knex } from 'knex';
import { addDays } from '../../main/demo/calendar';
import type { DoctorRecord } from '../../main/demo/catalogue';
import { planPayments } from '../../main/demo/receipts';
import { availabilityRow, planAppointments, planWindows, type WindowRecord } from '../../main/demo/schedule';
import { SettingsService } from '../../main/settings/service';
import { clinicNow } from '../../main/settings/clinic-time';
import type { Scale } from '../scale';
import { insertUnnest } from './bulk';
import { PeopleSource } from './people';

export const BENCH_SEED = 8_2026;
const BENCH_TIME_ZONE = 'Asia/Kolkata';
const PATIENT_BATCH = 10_000;

export interface LoadReport {
  today: string;
  rows: { patients: number; doctors: number; availabilityWindows: number; appointments: number; payments: number };
  /** Seconds per step, and in all (generation included: it overlaps the inserts). */
  seconds: { patients: number; doctors: number; availability: number; appointmentsAndPayments: number; analyze: number; total: number };
}

const since = (t: number) => (performance.now() - t) / 1000;

/** Patients in batches; the next batch is generated while the database takes the last. */
async function loadPatients(knex: Knex, people: PeopleSource, count: number, today: string): Promise<number[]> {
  const ids: number[] = [];
  let pending: Promise<number[]> | undefined;
  for (let done = 0; done < count; done += PATIENT_BATCH) {
    const batch = people.patients(Math.min(PATIENT_BATCH, count - done), done + 1, today);
    if (pending) ids.push(...(await pending));
    pending = insertUnnest(
      knex,
      'patient_entities',
      { name: 'text', email: 'text', phone: 'text', date_of_birth: 'date', gender: 'text', address: 'text', medical_history: 'text' },
      batch,
      true,
    );
  }
  if (pending) ids.push(...(await pending));
  return ids;
}

async function loadDoctors(knex: Knex, doctors: readonly DoctorRecord[]): Promise<number[]> {
  return insertUnnest(
    knex,
    'doctor_entities',
    {
      name: 'text',
      email: 'text',
      phone: 'text',
      specialization: 'text',
      experience: 'smallint',
      consultation_fee: 'numeric',
      rating: 'numeric',
      bio: 'text',
      address: 'text',
    },
    doctors.map((d) => ({ ...d })),
    true,
  );
}

async function loadWindows(knex: Knex, windows: readonly WindowRecord[], doctorIds: readonly number[], slotMinutes: number): Promise<void> {
  const columns = {
    doctor_id: 'bigint',
    date: 'date',
    start_time: 'time',
    end_time: 'time',
    is_available: 'boolean',
    kind: 'text',
    slot_minutes: 'smallint',
    note: 'text',
  } as const;
  for (let i = 0; i < windows.length; i += PATIENT_BATCH) {
    const rows = windows.slice(i, i + PATIENT_BATCH).map((w) => availabilityRow(w, doctorIds[w.doctor]!, slotMinutes));
    await insertUnnest(knex, 'doctor_availabilities', columns, rows);
  }
}

/**
 * Appointments a fortnight at a time (the demo's planner, which keeps a patient to one booking
 * a day), each fortnight's payments right after it, receipts numbered on across fortnights.
 */
async function loadAppointments(
  knex: Knex,
  faker: Faker,
  input: {
    doctors: readonly DoctorRecord[];
    doctorIds: readonly number[];
    patientIds: readonly number[];
    windows: readonly WindowRecord[];
    from: string;
    to: string;
    today: string;
    slotMinutes: number;
  },
): Promise<{ appointments: number; payments: number; receipts: Map<string, number> }> {
  const receipts = new Map<string, number>();
  let appointments = 0;
  let payments = 0;
  const byDate = [...input.windows].sort((a, b) => a.date.localeCompare(b.date));
  let w = 0;
  for (let from = input.from; from <= input.to; from = addDays(from, 14)) {
    const to = addDays(from, 13) < input.to ? addDays(from, 13) : input.to;
    const chunk: WindowRecord[] = [];
    while (w < byDate.length && byDate[w]!.date <= to) chunk.push(byDate[w++]!);
    const planned = planAppointments(faker, {
      doctors: input.doctors,
      patientCount: input.patientIds.length,
      windows: chunk,
      samples: [],
      span: { from, to },
      today: input.today,
      slotMinutes: input.slotMinutes,
      timeZone: BENCH_TIME_ZONE,
    });
    const ids = await insertUnnest(
      knex,
      'appointment_entities',
      {
        patient_id: 'bigint',
        doctor_id: 'bigint',
        appointment_date: 'date',
        start_time: 'time',
        end_time: 'time',
        status: 'text',
        reason: 'text',
        cancel_reason: 'text',
        created_at: 'timestamp',
      },
      planned.map((a) => ({
        patient_id: input.patientIds[a.patient]!,
        doctor_id: input.doctorIds[a.doctor]!,
        appointment_date: a.appointment_date,
        start_time: a.start_time,
        end_time: a.end_time,
        status: a.status,
        reason: a.reason,
        cancel_reason: a.status === 'CANCELLED' ? 'Cancelled at the patient’s request' : null,
        created_at: a.created_at,
      })),
      true,
    );
    const paid = planPayments(faker, planned, input.doctors, BENCH_TIME_ZONE, receipts);
    await insertUnnest(
      knex,
      'payments',
      {
        appointment_id: 'bigint',
        order_id: 'text',
        amount: 'numeric',
        currency: 'text',
        status: 'text',
        payment_method: 'text',
        transaction_id: 'text',
        created_at: 'timestamp',
        paid_at: 'timestamptz',
      },
      paid.map((p) => ({
        appointment_id: ids[p.appointment]!,
        order_id: p.order_id,
        amount: p.amount,
        currency: 'INR',
        status: 'PAID',
        payment_method: p.payment_method,
        transaction_id: p.transaction_id,
        created_at: p.created_at,
        paid_at: `${p.created_at}+00`,
      })),
    );
    appointments += planned.length;
    payments += paid.length;
  }
  return { appointments, payments, receipts };
}

/**
 * A synthetic clinic of `scale` in an empty, migrated database, from a fixed seed: the same
 * scale and clinic date give the same rows. `log` hears about progress.
 */
export async function loadClinic(knex: Knex, scale: Scale, log: (line: string) => void): Promise<LoadReport> {
  const started = performance.now();
  const settings = new SettingsService(knex);
  const { defaultSlotMinutes: slotMinutes } = await settings.update({ timeZone: BENCH_TIME_ZONE }, null);
  const today = clinicNow(BENCH_TIME_ZONE).date;
  const people = new PeopleSource(BENCH_SEED);
  const schedule = new Faker({ locale: [en_IN, en, base] });
  schedule.seed(BENCH_SEED);

  let t = performance.now();
  const doctors = people.doctors(scale.doctors);
  const doctorIds = await loadDoctors(knex, doctors);
  const doctorSeconds = since(t);

  t = performance.now();
  const patientIds = await loadPatients(knex, people, scale.patients, today);
  const patientSeconds = since(t);
  log(`  ${patientIds.length.toLocaleString('en')} patients in ${patientSeconds.toFixed(1)} s`);

  t = performance.now();
  const span = { from: addDays(today, -scale.daysBefore), to: addDays(today, scale.daysAfter - 1) };
  const windows = planWindows(schedule, doctors.length, span, []);
  await loadWindows(knex, windows, doctorIds, slotMinutes);
  const availabilitySeconds = since(t);
  log(`  ${windows.length.toLocaleString('en')} availability windows in ${availabilitySeconds.toFixed(1)} s`);

  t = performance.now();
  const booked = await loadAppointments(knex, schedule, { doctors, doctorIds, patientIds, windows, ...span, today, slotMinutes });
  // The next receipt of each year follows the generated ones.
  for (const [year, last] of booked.receipts) {
    await knex('receipt_counters')
      .insert({ year: Number(year), last_no: last })
      .onConflict('year')
      .merge();
  }
  const appointmentSeconds = since(t);
  log(`  ${booked.appointments.toLocaleString('en')} appointments and ${booked.payments.toLocaleString('en')} payments in ${appointmentSeconds.toFixed(1)} s`);

  // The loader bypasses triggers as pg_restore does (bulk.ts), so the tables they keep are filled
  // here, as a restore would bring them with its data: the names' words that the typo search
  // reads, each patient's first visit that new vs returning reads, and what each appointment
  // holds that dues and advances read.
  await knex.raw(`SELECT patient_name_words_apply(ARRAY(SELECT name FROM patient_entities), '{}')`);
  await knex.raw('SELECT patient_first_visits_rebuild()');
  await knex.raw('SELECT appointment_balances_rebuild()');

  t = performance.now();
  await knex.raw('VACUUM ANALYZE');
  const analyzeSeconds = since(t);

  return {
    today,
    rows: {
      patients: patientIds.length,
      doctors: doctorIds.length,
      availabilityWindows: windows.length,
      appointments: booked.appointments,
      payments: booked.payments,
    },
    seconds: {
      patients: patientSeconds,
      doctors: doctorSeconds,
      availability: availabilitySeconds,
      appointmentsAndPayments: appointmentSeconds,
      analyze: analyzeSeconds,
      total: since(started),
    },
  };
}
