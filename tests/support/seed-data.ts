import type { Knex } from 'knex';
import { SEED_TABLES } from './schema-facts';

/** The seed document's sample data, as a clinic running the seed schema would hold it. */
export async function fillSeedSchema(knex: Knex): Promise<void> {
  await knex('users').insert([
    { email: 'doctor1@example.com', password: '$2a$10$encrypted_password_hash', role: 'DOCTOR' },
    { email: 'doctor2@example.com', password: '$2a$10$encrypted_password_hash', role: 'DOCTOR' },
    { email: 'patient1@example.com', password: '$2a$10$encrypted_password_hash', role: 'PATIENT' },
    { email: 'admin@example.com', password: '$2a$10$encrypted_password_hash', role: 'ADMIN' },
  ]);
  await knex('doctor_entities').insert([
    {
      name: 'Dr. John Smith',
      email: 'doctor1@example.com',
      phone: '+1234567890',
      specialization: 'Cardiology',
      experience: 10,
      consultation_fee: '150.00',
      rating: '4.5',
      bio: 'Experienced cardiologist',
    },
    {
      name: 'Dr. Sarah Johnson',
      email: 'doctor2@example.com',
      phone: '+1234567891',
      specialization: 'Dermatology',
      experience: 8,
      consultation_fee: '120.00',
      rating: '4.8',
    },
  ]);
  await knex('patient_entities').insert([
    {
      name: 'John Doe',
      email: 'patient1@example.com',
      phone: '+1234567892',
      date_of_birth: '1990-01-15',
      gender: 'MALE',
      address: '123 Main St',
      medical_history: 'No significant medical history',
    },
    {
      name: 'Jane Smith',
      email: 'patient2@example.com',
      phone: '+1234567893',
      date_of_birth: '1985-05-20',
      gender: 'FEMALE',
      medical_history: 'Allergic to penicillin',
    },
  ]);
  await knex('appointment_entities').insert([
    {
      patient_id: 1,
      doctor_id: 1,
      appointment_date: '2024-01-20',
      start_time: '10:00:00',
      end_time: '10:30:00',
      status: 'SCHEDULED',
      reason: 'Regular checkup',
    },
    {
      patient_id: 2,
      doctor_id: 2,
      appointment_date: '2024-01-21',
      start_time: '14:00:00',
      end_time: '14:30:00',
      status: 'COMPLETED',
      reason: 'Skin consultation',
    },
    // Cancelled in the old app without a reason: the new rule must not reject the upgrade.
    { patient_id: 2, doctor_id: 1, appointment_date: '2024-01-22', start_time: '09:00:00', end_time: '09:30:00', status: 'CANCELLED' },
  ]);
  await knex('doctor_availabilities').insert([
    { doctor_id: 1, date: '2024-01-20', start_time: '09:00', end_time: '13:00', is_available: true },
    { doctor_id: 2, date: '2024-01-21', start_time: '09:00', end_time: '17:00', is_available: false },
  ]);
  await knex('payments').insert({
    appointment_id: 2,
    order_id: 'ORD-1',
    amount: '120.00',
    status: 'COMPLETED',
    payment_method: 'CARD',
    transaction_id: 'txn_1',
  });
  await knex('video_call_sessions').insert({ appointment_id: 1, session_id: 'RM123', room_name: 'room-1', status: 'CREATED' });
  await knex('video_call_events').insert({
    session_id: 'RM123',
    event_type: 'participant-connected',
    event_data: JSON.stringify({ who: 'doctor' }),
    participant_name: 'Dr. John Smith',
  });
  await knex('twilio_webhook_events').insert({ event_type: 'room-ended', event_data: JSON.stringify({ RoomSid: 'RM123' }) });
}

/** Every seed table's rows, seed columns only, in a stable order. */
export async function seedRows(knex: Knex): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of SEED_TABLES) {
    const columns: string[] = (
      await knex.raw(`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position`, [table])
    ).rows.map((r: { column_name: string }) => r.column_name);
    out[table] = await knex(table).select(columns).orderBy('id');
  }
  return out;
}
