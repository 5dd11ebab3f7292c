import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { compare } from 'bcryptjs';
import { DemoRefusedError, seedDemoClinic, type DemoSummary } from '../../main/demo/seed-demo-clinic';
import { MODES, openMigrated, sqlState, type Mode } from '../support/databases';
import { UNUSED_DEMO_LOGINS } from '../support/demo-logins';

const TODAY = '2026-11-25';
const SPAN_FROM = '2026-09-26'; // TODAY − 60 days
const SPAN_TO = '2026-12-25'; // TODAY + 30 days

const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

interface AppointmentRow {
  id: number;
  doctor_id: number;
  patient_id: number;
  appointment_date: string;
  start_time: string;
  end_time: string;
  status: string;
}

describe.each(MODES)('demo clinic (%s)', (mode: Mode) => {
  let knex: Knex;
  let dispose: () => Promise<void>;
  let summary: DemoSummary;

  beforeAll(async () => {
    const s = await openMigrated(mode);
    knex = s.db.knex;
    dispose = s.dispose;
    summary = await seedDemoClinic(knex, { today: TODAY });
  });

  afterAll(() => dispose());

  const count = async (table: string, where: Record<string, unknown> = {}): Promise<number> => {
    const row = await knex(table).where(where).count<{ n: number }[]>({ n: '*' }).first();
    return Number(row?.n);
  };

  it('stores what it reports: 12 doctors, 2000 patients, windows, appointments, a payment per completed visit', async () => {
    expect(summary).toMatchObject({ doctors: 12, patients: 2000 });
    expect(await count('doctor_entities')).toBe(12);
    expect(await count('patient_entities')).toBe(2000);
    expect(await count('doctor_availabilities')).toBe(summary.availabilityWindows);
    expect(summary.availabilityWindows).toBeGreaterThan(500);
    expect(await count('appointment_entities')).toBe(summary.appointments);
    expect(summary.appointments).toBeGreaterThan(5_000);
    expect(summary.appointments).toBeLessThan(20_000);
    expect(await count('payments')).toBe(summary.payments);
    expect(summary.payments).toBe(await count('appointment_entities', { status: 'COMPLETED' }));
    expect(await count('doctor_availabilities', { is_available: false })).toBeGreaterThan(0);
  });

  it("keeps the seed document's sample doctors, patients and appointments verbatim", async () => {
    const doctors = await knex('doctor_entities')
      .whereIn('email', ['doctor1@example.com', 'doctor2@example.com'])
      .orderBy('email')
      .select('name', 'email', 'phone', 'specialization', 'experience', 'consultation_fee', 'rating', 'bio');
    expect(doctors).toEqual([
      {
        name: 'Dr. John Smith',
        email: 'doctor1@example.com',
        phone: '+1234567890',
        specialization: 'Cardiology',
        experience: 10,
        consultation_fee: '150.00',
        rating: '4.50',
        bio: 'Experienced cardiologist with expertise in heart diseases',
      },
      {
        name: 'Dr. Sarah Johnson',
        email: 'doctor2@example.com',
        phone: '+1234567891',
        specialization: 'Dermatology',
        experience: 8,
        consultation_fee: '120.00',
        rating: '4.80',
        bio: 'Specialized in skin conditions and treatments',
      },
    ]);
    const patients = await knex('patient_entities')
      .whereIn('email', ['patient1@example.com', 'patient2@example.com'])
      .orderBy('email')
      .select('name', 'email', 'phone', 'date_of_birth', 'gender', 'address', 'medical_history');
    expect(patients).toEqual([
      {
        name: 'John Doe',
        email: 'patient1@example.com',
        phone: '+1234567892',
        date_of_birth: '1990-01-15',
        gender: 'MALE',
        address: '123 Main St, City, State',
        medical_history: 'No significant medical history',
      },
      {
        name: 'Jane Smith',
        email: 'patient2@example.com',
        phone: '+1234567893',
        date_of_birth: '1985-05-20',
        gender: 'FEMALE',
        address: '456 Oak Ave, City, State',
        medical_history: 'Allergic to penicillin',
      },
    ]);
    const appointments = await knex('appointment_entities as a')
      .join('patient_entities as p', 'p.id', 'a.patient_id')
      .join('doctor_entities as d', 'd.id', 'a.doctor_id')
      .where('a.appointment_date', '<', '2025-01-01')
      .orderBy('a.appointment_date')
      .select('p.email as patient', 'd.email as doctor', 'a.appointment_date', 'a.start_time', 'a.end_time', 'a.status', 'a.reason');
    expect(appointments).toEqual([
      {
        patient: 'patient1@example.com',
        doctor: 'doctor1@example.com',
        appointment_date: '2024-01-20',
        start_time: '10:00:00',
        end_time: '10:30:00',
        status: 'SCHEDULED',
        reason: 'Regular checkup',
      },
      {
        patient: 'patient2@example.com',
        doctor: 'doctor2@example.com',
        appointment_date: '2024-01-21',
        start_time: '14:00:00',
        end_time: '14:30:00',
        status: 'SCHEDULED',
        reason: 'Skin consultation',
      },
    ]);
  });

  it('has appointment types with their doctors, a few weekly series booked from tomorrow, and a waitlist', async () => {
    expect(await knex('appointment_types').orderBy('id').pluck('name')).toEqual(['Consultation', 'Follow-up', 'Minor procedure']);
    expect(await count('doctor_appointment_types')).toBe(12);
    const series = await knex('appointment_series as s')
      .join('appointment_entities as a', 'a.series_id', 's.id')
      .groupBy('s.id', 's.rule')
      .select('s.rule', knex.raw('count(*)::int AS n'), knex.raw('min(a.appointment_date)::text AS first'));
    expect(series).toHaveLength(3);
    for (const s of series) {
      expect(s).toMatchObject({ rule: expect.stringContaining('FREQ=WEEKLY'), n: 4 });
      expect(s.first > TODAY).toBe(true);
    }
    const waiting = await knex('waitlist_entries').where({ status: 'WAITING' }).select('from_date', 'to_date', 'urgency');
    expect(waiting).toHaveLength(5);
    expect(waiting.every((w) => w.to_date > TODAY)).toBe(true);
    expect(new Set(waiting.map((w) => w.urgency))).toEqual(new Set(['URGENT', 'SOON', 'ROUTINE']));
  });

  it('never double-books a doctor or a patient', async () => {
    const { rows } = await knex.raw(`
      SELECT a.id, b.id AS other
        FROM appointment_entities a
        JOIN appointment_entities b
          ON a.id < b.id
         AND (a.doctor_id = b.doctor_id OR a.patient_id = b.patient_id)
         AND a.appointment_date = b.appointment_date
         AND a.start_time < b.end_time AND b.start_time < a.end_time
       WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'`);
    expect(rows).toEqual([]);
  });

  it("books only inside the doctor's available windows, and nothing on a leave day", async () => {
    const { rows } = await knex.raw(`
      SELECT a.id FROM appointment_entities a
       WHERE NOT EXISTS (
               SELECT 1 FROM doctor_availabilities w
                WHERE w.doctor_id = a.doctor_id AND w.date = a.appointment_date AND w.is_available
                  AND w.start_time <= a.start_time AND a.end_time <= w.end_time)
          OR EXISTS (
               SELECT 1 FROM doctor_availabilities w
                WHERE w.doctor_id = a.doctor_id AND w.date = a.appointment_date AND NOT w.is_available)`);
    expect(rows).toEqual([]);
    // A leave day replaces that day's windows rather than sitting beside them.
    const { rows: mixed } = await knex.raw(`
      SELECT doctor_id, date FROM doctor_availabilities
       GROUP BY doctor_id, date HAVING bool_or(is_available) AND bool_or(NOT is_available)`);
    expect(mixed).toEqual([]);
  });

  it('fills 55–75% of the slots of the span, in slots of the clinic length, with plausible outcomes', async () => {
    const windows: { start_time: string; end_time: string }[] = await knex('doctor_availabilities')
      .where({ is_available: true })
      .whereBetween('date', [SPAN_FROM, SPAN_TO])
      .select('start_time', 'end_time');
    expect(windows.every((w) => w.end_time > w.start_time)).toBe(true);
    const slots = windows.reduce((n, w) => n + Math.floor((minutes(w.end_time) - minutes(w.start_time)) / 15), 0);
    const booked: AppointmentRow[] = await knex('appointment_entities').whereBetween('appointment_date', [SPAN_FROM, SPAN_TO]);
    expect(booked.length / slots).toBeGreaterThan(0.5);
    expect(booked.length / slots).toBeLessThan(0.8);
    expect(booked.every((a) => minutes(a.end_time) - minutes(a.start_time) === 15)).toBe(true);

    const past = booked.filter((a) => a.appointment_date < TODAY);
    const share = (status: string) => past.filter((a) => a.status === status).length / past.length;
    expect(share('COMPLETED')).toBeGreaterThan(0.8);
    expect(share('COMPLETED')).toBeLessThan(0.9);
    expect(share('NO_SHOW')).toBeGreaterThan(0.04);
    expect(share('NO_SHOW')).toBeLessThan(0.1);
    expect(share('CANCELLED')).toBeGreaterThan(0.05);
    expect(share('CANCELLED')).toBeLessThan(0.11);
    const upcoming = booked.filter((a) => a.appointment_date >= TODAY);
    expect(upcoming.length).toBeGreaterThan(0);
    expect(new Set(upcoming.map((a) => a.status))).toEqual(new Set(['SCHEDULED', 'CANCELLED']));
    expect(upcoming.filter((a) => a.status === 'CANCELLED').length / upcoming.length).toBeLessThan(0.1);
  });

  it('numbers receipts CD-<year>-<sequence> in consultation order and charges the doctor fee in INR', async () => {
    const payments: {
      order_id: string;
      amount: string;
      fee: string;
      currency: string;
      status: string;
      payment_method: string;
      transaction_id: string | null;
      created_at: string;
      appointment_date: string;
      start_time: string;
      appointment_status: string;
    }[] = await knex('payments as p')
      .join('appointment_entities as a', 'a.id', 'p.appointment_id')
      .join('doctor_entities as d', 'd.id', 'a.doctor_id')
      .orderBy('p.order_id')
      .select(
        'p.order_id',
        'p.amount',
        'd.consultation_fee as fee',
        'p.currency',
        'p.status',
        'p.payment_method',
        'p.transaction_id',
        'p.created_at',
        'a.appointment_date',
        'a.start_time',
        'a.status as appointment_status',
      );
    expect(payments.length).toBe(summary.payments);
    const nextOfYear = new Map<string, number>();
    let previous = '';
    for (const p of payments) {
      const match = /^CD-(\d{4})-(\d{6})$/.exec(p.order_id);
      expect(match, p.order_id).not.toBeNull();
      const [, year = '', sequence = ''] = match ?? [];
      expect(year).toBe(p.appointment_date.slice(0, 4));
      const expected = (nextOfYear.get(year) ?? 0) + 1;
      expect(Number(sequence)).toBe(expected);
      nextOfYear.set(year, expected);
      const when = `${p.appointment_date} ${p.start_time}`;
      expect(when >= previous).toBe(true);
      previous = when;

      expect(p.amount).toBe(p.fee);
      expect(p).toMatchObject({ currency: 'INR', status: 'PAID', appointment_status: 'COMPLETED' });
      expect(['CASH', 'CARD', 'UPI']).toContain(p.payment_method);
      expect(p.transaction_id === null).toBe(p.payment_method === 'CASH');
      // The tests' clinic runs in UTC (the settings default), so the instant's date is the clinic's.
      expect(p.created_at.slice(0, 10)).toBe(p.appointment_date);
    }
    expect(new Set(payments.map((p) => p.order_id)).size).toBe(payments.length);
    expect(await count('payments', { status: 'PAID' })).toBe(payments.length);
    const { rows: unpaid } = await knex.raw(`
      SELECT a.id FROM appointment_entities a
       WHERE a.status = 'COMPLETED' AND (SELECT count(*) FROM payments p WHERE p.appointment_id = a.id) <> 1`);
    expect(unpaid).toEqual([]);
  });

  it('generates varied, well-formed doctors and patients', async () => {
    const doctors: {
      email: string;
      phone: string;
      specialization: string;
      experience: number;
      consultation_fee: string;
      rating: string;
    }[] = await knex('doctor_entities').whereNot('email', 'like', '%@example.com').select();
    expect(doctors).toHaveLength(10);
    expect(new Set(doctors.map((d) => d.specialization)).size).toBe(10);
    for (const d of doctors) {
      expect(d.phone).toMatch(/^\+91[6-9]\d{9}$/);
      expect(d.experience).toBeGreaterThanOrEqual(1);
      expect(d.experience).toBeLessThanOrEqual(35);
      expect(d.consultation_fee).toMatch(/^\d+\.00$/);
      expect(d.rating >= '3.50' && d.rating <= '5.00').toBe(true);
    }

    const patients: { name: string; phone: string; date_of_birth: string; gender: string; medical_history: string | null }[] = await knex(
      'patient_entities',
    ).select('name', 'phone', 'date_of_birth', 'gender', 'medical_history');
    expect(new Set(patients.map((p) => p.name)).size).toBeGreaterThan(1_800);
    expect(new Set(patients.map((p) => p.gender))).toEqual(new Set(['MALE', 'FEMALE', 'OTHER']));
    expect(patients.every((p) => /^\+\d{8,15}$/.test(p.phone))).toBe(true);
    expect(patients.every((p) => p.date_of_birth <= TODAY && p.date_of_birth > '1930-11-25')).toBe(true);
    expect(patients.some((p) => p.date_of_birth > '2020-11-25')).toBe(true);
    expect(patients.some((p) => p.date_of_birth < '1940-11-25')).toBe(true);
    const withHistory = patients.filter((p) => p.medical_history !== null).length;
    expect(withHistory).toBeGreaterThan(200);
    expect(withHistory).toBeLessThan(1_500);
  });

  it('creates the demo logins with cost-12 bcrypt hashes of the passwords it returns', async () => {
    const users: { email: string; password: string; role: string }[] = await knex('users').select('email', 'password', 'role');
    expect(users).toHaveLength(summary.logins.length);
    expect(summary.logins).toHaveLength(16);
    const byEmail = new Map(users.map((u) => [u.email, u]));
    for (const login of summary.logins) {
      expect(byEmail.get(login.email)?.role).toBe(login.role);
      expect(byEmail.get(login.email)?.password).toMatch(/^\$2[ab]\$12\$.{53}$/);
      expect(login.password.length).toBeGreaterThanOrEqual(12);
    }
    expect(new Set(summary.logins.map((l) => l.password)).size).toBe(summary.logins.length);
    expect(summary.logins.filter((l) => l.role === 'ADMIN').map((l) => l.email)).toEqual(['admin@clinic.demo']);
    expect(summary.logins.filter((l) => l.role === 'RECEPTIONIST').map((l) => l.email)).toEqual(['reception@clinic.demo']);
    expect(summary.logins.filter((l) => l.role === 'PATIENT').map((l) => l.email)).toEqual(['patient1@example.com', 'patient2@example.com']);
    const unlinked = await knex('users').where({ role: 'DOCTOR' }).whereNull('doctor_id').count<{ n: number }[]>({ n: '*' });
    expect(unlinked).toEqual([{ n: 0 }]);
    // A doctor signs in with the email of their doctor record.
    const doctorEmails: string[] = await knex('doctor_entities').orderBy('email').pluck('email');
    expect(
      summary.logins
        .filter((l) => l.role === 'DOCTOR')
        .map((l) => l.email)
        .sort(),
    ).toEqual(doctorEmails);

    for (const login of [summary.logins[0]!, summary.logins.find((l) => l.role === 'PATIENT')!]) {
      expect(await compare(login.password, byEmail.get(login.email)!.password)).toBe(true);
    }
  });

  it('refuses a second load and leaves the database as it was', async () => {
    const tables = ['doctor_entities', 'patient_entities', 'doctor_availabilities', 'appointment_entities', 'payments', 'users'];
    const before = await Promise.all(tables.map((t) => count(t)));
    const second = seedDemoClinic(knex, { today: TODAY });
    await expect(second).rejects.toBeInstanceOf(DemoRefusedError);
    await expect(second).rejects.toThrow(/already holds 2000 patients, 12 doctors and \d+ appointments; .* only loaded into an empty database/);
    expect(await Promise.all(tables.map((t) => count(t)))).toEqual(before);
  });

  // Run in one mode only, to keep the suite's time down; the code path is the same in both.
  if (mode === 'server')
    it('leaves a fresh database untouched when a late insert fails', async () => {
      const other = await openMigrated(mode);
      try {
        const k = other.db.knex;
        // Payments go in after everything but the users: a refusal there must undo all the rest.
        await k.raw('ALTER TABLE payments ADD CONSTRAINT chk_test_refuse_payments CHECK (false) NOT VALID');
        expect(await sqlState(seedDemoClinic(k, { today: TODAY }))).toBe('23514');
        for (const table of ['doctor_entities', 'patient_entities', 'doctor_availabilities', 'appointment_entities', 'payments', 'users']) {
          expect(await k(table).count<{ n: number }[]>({ n: '*' }).first(), table).toEqual({ n: 0 });
        }
      } finally {
        await other.dispose();
      }
    });

  if (mode === 'server')
    it('leaves a fresh database untouched when hashing the logins fails, with the hasher’s error', async () => {
      const other = await openMigrated(mode);
      try {
        const k = other.db.knex;
        const failing = { hashPasswords: () => Promise.reject(new Error('no hashing thread could start')) };
        await expect(seedDemoClinic(k, { today: TODAY, ...failing })).rejects.toThrow('no hashing thread could start');
        for (const table of ['doctor_entities', 'patient_entities', 'doctor_availabilities', 'appointment_entities', 'payments', 'users']) {
          expect(await k(table).count<{ n: number }[]>({ n: '*' }).first(), table).toEqual({ n: 0 });
        }
      } finally {
        await other.dispose();
      }
    });

  if (mode === 'server')
    it('gives the same clinic for the same seed in another fresh database', async () => {
      const other = await openMigrated(mode);
      try {
        const again = await seedDemoClinic(other.db.knex, { today: TODAY, ...UNUSED_DEMO_LOGINS });
        expect({ ...again, logins: undefined }).toEqual({ ...summary, logins: undefined });
        const names = (k: Knex) => k('patient_entities').orderBy('id').pluck('name');
        expect(await names(other.db.knex)).toEqual(await names(knex));
        // Same accounts, but fresh passwords: a published seed must not publish the logins.
        expect(again.logins.map((l) => l.email)).toEqual(summary.logins.map((l) => l.email));
        expect(again.logins[0]!.password).not.toBe(summary.logins[0]!.password);
        // Hashed by the hasher it was given (bcrypt's least cost), each of its own password.
        const stored = await other.db.knex('users').orderBy('email').select('email', 'password');
        expect(stored.map((u) => u.password.slice(0, 7))).toEqual(stored.map(() => '$2b$04$'));
        const login = again.logins.find((l) => l.role === 'PATIENT')!;
        expect(await compare(login.password, stored.find((u) => u.email === login.email)!.password)).toBe(true);
      } finally {
        await other.dispose();
      }
    });
});
