import { Faker, base, en, en_IN } from '@faker-js/faker';
import { addDays } from './calendar';
import { SAMPLE_APPOINTMENTS, SAMPLE_DOCTORS, SAMPLE_PATIENTS, type DoctorRecord, type PatientRecord } from './catalogue';
import { generateDoctors, generatePatients } from './people';
import { planPayments, type PaymentRecord } from './receipts';
import { planAppointments, planWindows, type AppointmentRecord, type WindowRecord } from './schedule';

export const DEFAULT_DEMO_SEED = 20261125;
const DEMO_PATIENT_COUNT = 2000;
/** Two months of history to report on, one month ahead to book into. */
const DAYS_BEFORE_TODAY = 60;
const DAYS_AFTER_TODAY = 30;

export interface DemoPlanOptions {
  today: string;
  seed: number;
  slotMinutes: number;
  timeZone: string;
}

/** The whole demo clinic as rows; doctors, patients and appointments are referred to by position. */
export interface DemoPlan {
  doctors: DoctorRecord[];
  patients: PatientRecord[];
  windows: WindowRecord[];
  appointments: AppointmentRecord[];
  payments: PaymentRecord[];
}

/**
 * Pure: the same options give the same clinic. Everything draws from one faker in a fixed order,
 * so changing what is drawn early (say, the doctors) reshuffles everything after it.
 */
export function planDemoClinic(options: DemoPlanOptions): DemoPlan {
  const faker = new Faker({ locale: [en_IN, en, base] });
  faker.seed(options.seed);
  const span = { from: addDays(options.today, -DAYS_BEFORE_TODAY), to: addDays(options.today, DAYS_AFTER_TODAY) };

  const doctors = [...SAMPLE_DOCTORS, ...generateDoctors(faker, new Set(SAMPLE_DOCTORS.map((d) => d.email)))];
  const patients = [...SAMPLE_PATIENTS, ...generatePatients(faker, DEMO_PATIENT_COUNT - SAMPLE_PATIENTS.length, options.today)];
  const windows = planWindows(faker, doctors.length, span, SAMPLE_APPOINTMENTS);
  const appointments = planAppointments(faker, {
    doctors,
    patientCount: patients.length,
    windows,
    samples: SAMPLE_APPOINTMENTS,
    span,
    today: options.today,
    slotMinutes: options.slotMinutes,
    timeZone: options.timeZone,
  });
  const payments = planPayments(faker, appointments, doctors, options.timeZone);
  return { doctors, patients, windows, appointments, payments };
}
