import type { Knex } from 'knex';

export interface PatientPayment {
  id: number;
  appointmentId: number;
  receiptNumber: string | null;
  amount: string;
  currency: string;
  status: string;
  method: string | null;
  createdAt: string;
}

export async function paymentsOfPatient(knex: Knex, patientId: number): Promise<PatientPayment[]> {
  return knex('payments as p')
    .join('appointment_entities as a', 'a.id', 'p.appointment_id')
    .where('a.patient_id', patientId)
    .select(
      'p.id',
      'p.appointment_id as appointmentId',
      'p.order_id as receiptNumber',
      'p.amount',
      'p.currency',
      'p.status',
      'p.payment_method as method',
      'p.created_at as createdAt',
    )
    .orderBy('p.id', 'desc');
}
