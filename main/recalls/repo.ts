import type { Knex } from 'knex';
import type { z } from 'zod';
import type { recallSchema } from '../../preload/contract';

export type Recall = z.output<typeof recallSchema>;

export async function insertRecall(
  knex: Knex,
  r: { patientId: number; doctorId: number | null; dueDate: string; reason: string | null; appointmentId: number | null },
  userId: number,
): Promise<number> {
  const [row] = await knex('recalls')
    .insert({
      patient_id: r.patientId,
      doctor_id: r.doctorId,
      due_date: r.dueDate,
      reason: r.reason,
      source_appointment_id: r.appointmentId,
      created_by: userId,
    })
    .returning('id');
  return row.id;
}

/**
 * A recall is booked once the patient has a live appointment (with its doctor, when it names
 * one) dated after the day the recall was made; otherwise due, or overdue past its date.
 */
const STATE = `CASE
  WHEN r.status = 'DISMISSED' THEN 'DISMISSED'
  WHEN EXISTS (SELECT 1 FROM appointment_entities a
                WHERE a.patient_id = r.patient_id AND a.status IN ('SCHEDULED', 'COMPLETED')
                  AND (r.doctor_id IS NULL OR a.doctor_id = r.doctor_id)
                  AND a.appointment_date > (r.created_at AT TIME ZONE ?)::date) THEN 'BOOKED'
  WHEN r.due_date < ?::date THEN 'OVERDUE'
  ELSE 'DUE' END`;

function recalls(knex: Knex, today: string, timeZone: string) {
  return knex
    .from(
      knex('recalls as r')
        .join('patient_entities as p', 'p.id', 'r.patient_id')
        .leftJoin('doctor_entities as d', 'd.id', 'r.doctor_id')
        .select(
          'r.id',
          'r.patient_id as patientId',
          'p.name as patientName',
          'p.phone as patientPhone',
          'r.doctor_id as doctorId',
          'd.name as doctorName',
          'r.due_date as dueDate',
          'r.reason',
          'r.created_at as createdAt',
          knex.raw(`${STATE} AS state`, [timeZone, today]),
        )
        .as('x'),
    )
    .select('*');
}

export async function findRecall(knex: Knex, id: number, today: string, timeZone: string): Promise<Recall | undefined> {
  return recalls(knex, today, timeZone).where('id', id).first();
}

export async function listRecalls(knex: Knex, filter: { state: string; doctorId?: number }, today: string, timeZone: string): Promise<Recall[]> {
  return recalls(knex, today, timeZone)
    .where('state', filter.state)
    .modify((q) => {
      if (filter.doctorId) q.where('doctorId', filter.doctorId);
    })
    .orderBy([{ column: 'dueDate' }, { column: 'id' }]);
}

export async function dismissRecall(knex: Knex, id: number): Promise<boolean> {
  const rows = await knex('recalls').where({ id, status: 'DUE' }).update({ status: 'DISMISSED' }).returning('id');
  return rows.length > 0;
}

/**
 * The recalls a completion made in its own step (`completionId`: its history entry; both rows
 * take the transaction's time), deleted when the completion is undone, with their queued
 * reminders. Their ids.
 */
export async function deleteRecallsOfCompletion(knex: Knex, appointmentId: number, completionId: number): Promise<number[]> {
  const rows = await knex('recalls')
    .where('source_appointment_id', appointmentId)
    .where('created_at', '>=', knex('appointment_history').select('changed_at').where({ id: completionId }))
    .del()
    .returning('id');
  return rows.map((r: { id: number }) => r.id);
}
