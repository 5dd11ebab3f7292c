import type { Harness } from '../support/harness';

/**
 * A small clinic with every figure worked out by hand (see reports.test.ts). Clinic zone
 * Asia/Kolkata (UTC+5:30); the reports cover Monday 2 to Sunday 8 March 2026, "today" is
 * 5 April 2026. Instants are written in UTC with the clinic's time beside them.
 */
export const ZONE = 'Asia/Kolkata';
export const RANGE = { from: '2026-03-02', to: '2026-03-08' };
/** 2026-04-05 11:30 in the clinic. */
const NOW = Date.parse('2026-04-05T06:00:00Z');

export interface SmallClinic {
  asha: number;
  vikram: number;
  patients: { ravi: number; meena: number; tara: number; joseph: number };
  /** a0, a2, a3 and a5 are new visits; a1 and a4 follow-ups; the walk-in a6 has no type. */
  types: { newVisit: number; followUp: number };
  desk: { sessionKey: string; userId: number };
  desk2: { sessionKey: string; userId: number };
  admin: { sessionKey: string; userId: number };
  appointments: Record<'a0' | 'a1' | 'a2' | 'a3' | 'a4' | 'a5' | 'a6', number>;
  payments: Record<'pay1' | 'pay2' | 'refund' | 'pay3' | 'pay4' | 'pending' | 'legacy', number>;
}

export async function buildSmallClinic(h: Harness): Promise<SmallClinic> {
  h.clock.now = NOW;
  const admin = await h.signInAs('ADMIN');
  const desk = await h.signInAs('RECEPTIONIST');
  const desk2 = await h.signInAs('RECEPTIONIST');
  const ok = await h.call('settings.update', { clinicName: 'Sunrise Clinic', timeZone: ZONE }, admin.sessionKey);
  if (!ok.ok) throw new Error(ok.error.message);

  const [{ id: asha }, { id: vikram }] = await h
    .knex('doctor_entities')
    .insert([
      { name: 'Dr. Asha Rao', email: 'asha.rao@reports.test', specialization: 'Cardiology', consultation_fee: '500.00' },
      { name: 'Dr. Vikram Sen', email: 'vikram.sen@reports.test', specialization: 'Dermatology', consultation_fee: '300.00' },
    ])
    .returning('id');
  const [{ id: ravi }, { id: meena }, { id: tara }, { id: joseph }] = await h
    .knex('patient_entities')
    .insert([
      { name: 'Ravi Kumar', email: 'ravi@reports.test', phone: '+919812345678', date_of_birth: '1990-06-15' },
      { name: 'Meena Iyer', email: 'meena@reports.test', phone: '+919800000002', date_of_birth: '2000-03-10' },
      { name: 'Tara Das', email: 'tara@reports.test', phone: null, date_of_birth: null },
      { name: 'Joseph Thomas', email: 'joseph@reports.test', phone: '+919800000004', date_of_birth: null },
    ])
    .returning('id');

  const [{ id: newVisit }, { id: followUp }] = await h
    .knex('appointment_types')
    .insert([
      { name: 'New visit', duration_minutes: 15, fee: '500.00' },
      { name: 'Follow-up', duration_minutes: 15, fee: '300.00', visit_kind: 'FOLLOW_UP' },
    ])
    .returning('id');

  const appointment = async (row: Record<string, unknown>) => {
    const [{ id }] = await h.knex('appointment_entities').insert(row).returning('id');
    return id as number;
  };
  // a0 is before the range: Ravi is a returning patient in March.
  const a0 = await appointment({
    appointment_type_id: newVisit,
    patient_id: ravi,
    doctor_id: asha,
    appointment_date: '2026-02-20',
    start_time: '10:00',
    end_time: '10:15',
    status: 'COMPLETED',
    created_at: '2026-02-10 05:00',
  });
  // Booked 2026-02-25 09:30 in the clinic: 5 days ahead.
  const a1 = await appointment({
    appointment_type_id: followUp,
    patient_id: ravi,
    doctor_id: asha,
    appointment_date: '2026-03-02',
    start_time: '09:00',
    end_time: '09:15',
    status: 'COMPLETED',
    token_no: 1,
    reason: 'Chest pain',
    booked_by: desk.userId,
    created_at: '2026-02-25 04:00',
  });
  // Booked 2026-03-01 20:00 UTC = 2026-03-02 01:30 in the clinic: the same day (a day ahead in UTC).
  const a2 = await appointment({
    appointment_type_id: newVisit,
    patient_id: meena,
    doctor_id: asha,
    appointment_date: '2026-03-02',
    start_time: '09:15',
    end_time: '09:30',
    status: 'NO_SHOW',
    booked_by: desk.userId,
    created_at: '2026-03-01 20:00',
  });
  const a3 = await appointment({
    appointment_type_id: newVisit,
    patient_id: tara,
    doctor_id: asha,
    appointment_date: '2026-03-02',
    start_time: '10:00',
    end_time: '10:30',
    status: 'CANCELLED',
    cancel_reason: 'Travelling',
    booked_by: desk2.userId,
    created_at: '2026-02-20 06:00',
  });
  const a4 = await appointment({
    appointment_type_id: followUp,
    patient_id: meena,
    doctor_id: vikram,
    appointment_date: '2026-03-03',
    start_time: '11:00',
    end_time: '11:20',
    status: 'COMPLETED',
    booked_by: desk2.userId,
    created_at: '2026-03-03 03:00',
  });
  const a5 = await appointment({
    appointment_type_id: newVisit,
    patient_id: joseph,
    doctor_id: vikram,
    appointment_date: '2026-03-04',
    start_time: '09:00',
    end_time: '09:15',
    status: 'SCHEDULED',
    booked_by: desk.userId,
    created_at: '2026-01-20 00:00',
  });
  const a6 = await appointment({
    patient_id: ravi,
    doctor_id: vikram,
    appointment_date: '2026-03-04',
    start_time: '09:30',
    end_time: '09:45',
    status: 'COMPLETED',
    is_walk_in: true,
    booked_by: desk.userId,
    created_at: '2026-03-04 03:55',
  });

  await h.knex('doctor_availabilities').insert([
    // Asha, 2 March: 09–13 and extra 12–14 overlap (09–14 = 300 min), less leave 11–12: 240.
    { doctor_id: asha, date: '2026-03-02', start_time: '09:00', end_time: '13:00', kind: 'TEMPLATE' },
    { doctor_id: asha, date: '2026-03-02', start_time: '12:00', end_time: '14:00', kind: 'EXTRA' },
    { doctor_id: asha, date: '2026-03-02', start_time: '11:00', end_time: '12:00', kind: 'LEAVE', is_available: false },
    { doctor_id: asha, date: '2026-03-03', start_time: '09:00', end_time: '13:00', kind: 'TEMPLATE' },
    // Outside the range.
    { doctor_id: asha, date: '2026-03-10', start_time: '09:00', end_time: '13:00', kind: 'TEMPLATE' },
    { doctor_id: vikram, date: '2026-03-03', start_time: '10:00', end_time: '12:00', kind: 'TEMPLATE' },
    { doctor_id: vikram, date: '2026-03-04', start_time: '09:00', end_time: '11:00', kind: 'TEMPLATE' },
  ]);

  const payment = async (row: Record<string, unknown>) => {
    const [{ id }] = await h.knex('payments').insert(row).returning('id');
    return id as number;
  };
  // 600 for a 500 fee: 100 held above the fee (an advance).
  const pay1 = await payment({
    appointment_id: a1,
    amount: '600.00',
    status: 'PAID',
    payment_method: 'CASH',
    order_id: 'R-1',
    received_by: desk.userId,
    paid_at: '2026-03-02T04:00:00Z',
  });
  const pay2 = await payment({
    appointment_id: a4,
    amount: '300.00',
    status: 'PAID',
    payment_method: 'UPI',
    transaction_id: 'UTR1',
    order_id: 'R-2',
    received_by: desk2.userId,
    paid_at: '2026-03-03T06:00:00Z',
  });
  const refund = await payment({
    appointment_id: a4,
    amount: '-100.00',
    status: 'REFUNDED',
    payment_method: 'UPI',
    order_id: 'R-3',
    refund_of: pay2,
    note: 'Goodwill',
    received_by: admin.userId,
    paid_at: '2026-03-04T06:00:00Z',
  });
  // 2026-03-04 18:45 UTC = 2026-03-05 00:15 in the clinic.
  const pay3 = await payment({
    appointment_id: a6,
    amount: '200.00',
    status: 'PAID',
    payment_method: 'CARD',
    transaction_id: 'POS1',
    order_id: 'R-4',
    received_by: desk.userId,
    paid_at: '2026-03-04T18:45:00Z',
  });
  // 2026-03-08 19:00 UTC = 2026-03-09 00:30 in the clinic: after the range (inside it in UTC).
  const pay4 = await payment({
    appointment_id: a5,
    amount: '100.00',
    status: 'PAID',
    payment_method: 'CASH',
    order_id: 'R-5',
    received_by: desk.userId,
    paid_at: '2026-03-08T19:00:00Z',
  });
  const pending = await payment({
    appointment_id: a5,
    amount: '50.00',
    status: 'PENDING',
    payment_method: 'UPI',
    transaction_id: 'UTR2',
    created_at: '2026-03-05 05:00',
  });
  // A row from before paid_at existed: received 2026-03-06 15:30 in the clinic (created_at holds UTC).
  const legacy = await payment({
    appointment_id: a0,
    amount: '500.00',
    status: 'PAID',
    payment_method: 'CASH',
    order_id: 'R-0',
    created_at: '2026-03-06 10:00',
  });

  return {
    asha,
    vikram,
    patients: { ravi, meena, tara, joseph },
    types: { newVisit, followUp },
    desk,
    desk2,
    admin,
    appointments: { a0, a1, a2, a3, a4, a5, a6 },
    payments: { pay1, pay2, refund, pay3, pay4, pending, legacy },
  };
}
