import type { Knex } from 'knex';

export interface NewSeries {
  patientId: number;
  doctorId: number;
  appointmentTypeId: number | null;
  rule: string;
  createdBy: number;
}

export async function insertSeries(knex: Knex, s: NewSeries): Promise<number> {
  const [row] = await knex('appointment_series')
    .insert({ patient_id: s.patientId, doctor_id: s.doctorId, appointment_type_id: s.appointmentTypeId, rule: s.rule, created_by: s.createdBy })
    .returning('id');
  return row.id;
}
