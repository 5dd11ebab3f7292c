import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Knex } from 'knex';
import { MODES, openMigrated, sqlState, type Mode } from '../support/databases';

describe.each(MODES)('product constraints (%s)', (mode: Mode) => {
  let knex: Knex;
  let dispose: () => Promise<void>;
  let doctorA: number;
  let doctorB: number;
  let patient1: number;
  let patient2: number;

  beforeAll(async () => {
    const s = await openMigrated(mode);
    knex = s.db.knex;
    dispose = s.dispose;
    [{ id: doctorA }, { id: doctorB }] = await knex('doctor_entities')
      .insert([
        { name: 'Dr. A', email: 'a@clinic.test' },
        { name: 'Dr. B', email: 'b@clinic.test' },
      ])
      .returning('id');
    [{ id: patient1 }, { id: patient2 }] = await knex('patient_entities')
      .insert([
        { name: 'P One', email: 'p1@clinic.test' },
        { name: 'P Two', email: 'p2@clinic.test' },
      ])
      .returning('id');
  });

  afterAll(() => dispose());

  beforeEach(async () => {
    await knex('appointment_entities').del();
  });

  const book = (doctor_id: number, patient_id: number, start_time: string, end_time: string, status = 'SCHEDULED') =>
    knex('appointment_entities').insert({
      doctor_id,
      patient_id,
      appointment_date: '2026-12-01',
      start_time,
      end_time,
      status,
      cancel_reason: status === 'CANCELLED' ? 'Patient asked' : null,
    });

  it('refuses an overlapping appointment for the same doctor with 23P01', async () => {
    await book(doctorA, patient1, '10:00', '10:30');
    expect(await sqlState(book(doctorA, patient2, '10:15', '10:45'))).toBe('23P01');
    expect(await knex('appointment_entities').count({ n: '*' }).first()).toEqual({ n: 1 });
  });

  it('refuses an overlapping appointment for the same patient with another doctor', async () => {
    await book(doctorA, patient1, '10:00', '10:30');
    expect(await sqlState(book(doctorB, patient1, '10:29', '10:40'))).toBe('23P01');
  });

  it('accepts back-to-back slots', async () => {
    await book(doctorA, patient1, '10:00', '10:15');
    await book(doctorA, patient2, '10:15', '10:30');
    await book(doctorA, patient1, '10:30', '10:45');
    expect(await knex('appointment_entities').count({ n: '*' }).first()).toEqual({ n: 3 });
  });

  it('lets a CANCELLED appointment be overlapped, and refuses to revive it into a clash', async () => {
    const [{ id }] = await book(doctorA, patient1, '11:00', '11:30', 'CANCELLED').returning('id');
    await book(doctorA, patient2, '11:00', '11:30');
    expect(await sqlState(knex('appointment_entities').where({ id }).update({ status: 'SCHEDULED' }))).toBe('23P01');
  });

  it('treats COMPLETED as occupying its time, while a NO_SHOW gives the doctor its time back (offered to the waitlist)', async () => {
    await book(doctorA, patient1, '12:00', '12:30', 'COMPLETED');
    expect(await sqlState(book(doctorA, patient2, '12:00', '12:30'))).toBe('23P01');
    await book(doctorA, patient1, '12:30', '13:00', 'NO_SHOW');
    expect(await sqlState(book(doctorA, patient2, '12:30', '13:00'))).toBeUndefined();
  });

  it('refuses a cancellation without a reason', async () => {
    const [{ id }] = await book(doctorA, patient1, '15:00', '15:15').returning('id');
    expect(await sqlState(knex('appointment_entities').where({ id }).update({ status: 'CANCELLED' }))).toBe('23514');
  });

  it('refuses an appointment or availability that ends before it starts', async () => {
    expect(await sqlState(book(doctorA, patient1, '10:30', '10:30'))).toBe('23514');
    expect(await sqlState(knex('doctor_availabilities').insert({ doctor_id: doctorA, date: '2026-12-01', start_time: '13:00', end_time: '09:00' }))).toBe(
      '23514',
    );
  });

  it('allows RECEPTIONIST and still refuses unknown roles', async () => {
    await knex('users').insert({ email: 'desk@clinic.test', password: 'x', role: 'RECEPTIONIST' });
    expect(await sqlState(knex('users').insert({ email: 'x@clinic.test', password: 'x', role: 'JANITOR' }))).toBe('23514');
  });

  it('keeps the audit log append-only', async () => {
    const [{ id }] = await knex('audit_log').insert({ action: 'test.write', entity: 'patient', entity_id: patient1 }).returning('id');
    expect(await sqlState(knex('audit_log').where({ id }).update({ action: 'forged' }))).toBe('42501');
    expect(await sqlState(knex('audit_log').where({ id }).del())).toBe('42501');
    expect(await sqlState(knex.raw('TRUNCATE audit_log'))).toBe('42501');
    expect(await knex('audit_log').where({ id }).first()).toMatchObject({ action: 'test.write', outcome: 'OK' });
  });

  it('holds exactly one settings row with the documented defaults', async () => {
    expect(await knex('clinic_settings').select('id', 'time_zone', 'default_slot_minutes', 'currency')).toEqual([
      { id: 1, time_zone: 'UTC', default_slot_minutes: 15, currency: 'INR' },
    ]);
    expect(await sqlState(knex('clinic_settings').insert({ id: 2 }))).toBe('23514');
    expect(await sqlState(knex('clinic_settings').update({ currency: 'inr' }))).toBe('23514');
    expect(await sqlState(knex('clinic_settings').update({ default_slot_minutes: 0 }))).toBe('23514');
  });

  it('returns DATE and TIME as wall-clock strings and money as exact decimals', async () => {
    const [row] = await book(doctorA, patient1, '09:05', '09:20').returning(['appointment_date', 'start_time', 'created_at']);
    expect(row).toMatchObject({ appointment_date: '2026-12-01', start_time: '09:05:00' });
    expect(row.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const [{ id: appointmentId }] = await knex('appointment_entities').select('id');
    const [pay] = await knex('payments').insert({ appointment_id: appointmentId, amount: '1234567.89' }).returning(['amount', 'currency', 'status']);
    expect(pay).toEqual({ amount: '1234567.89', currency: 'INR', status: 'PENDING' });
  });

  it('uses the trigram indexes for a patient name search', async () => {
    await knex.raw('SET enable_seqscan = off');
    try {
      const plan = (await knex.raw(`EXPLAIN SELECT id FROM patient_entities WHERE name ILIKE '%one%'`)).rows
        .map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN'])
        .join('\n');
      expect(plan).toContain('idx_patient_name_trgm');
    } finally {
      await knex.raw('RESET enable_seqscan');
    }
  });
});
