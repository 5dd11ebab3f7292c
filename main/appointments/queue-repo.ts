import type { Knex } from 'knex';
import { CALL_ORDER } from './repo';

/** "Called" and not yet with the doctor: at most one per doctor's day (uq_appointment_called). */
const IS_CALLED = `called_at IS NOT NULL AND consult_started_at IS NULL AND status = 'SCHEDULED'`;

/** The token a doctor has called and who has not come in yet, if any. */
export async function calledOf(knex: Knex, doctorId: number, date: string): Promise<{ id: number; tokenNo: number } | undefined> {
  return knex('appointment_entities').where({ doctor_id: doctorId, appointment_date: date }).whereRaw(IS_CALLED).first('id', 'token_no as tokenNo');
}

/**
 * Calls the next waiting token of a doctor's day in one statement: the row is chosen and
 * locked in call order and stamped only if still uncalled, so two callers never stamp the
 * same patient; the partial unique index refuses a second "called" patient outright. Undefined
 * when nobody is waiting.
 */
export async function callNextToken(knex: Knex, doctorId: number, date: string, time: string): Promise<number | undefined> {
  const { rows } = await knex.raw<{ rows: { id: number }[] }>(
    `UPDATE appointment_entities SET called_at = now(), skipped_at = NULL, updated_at = now()
      WHERE id = (SELECT a.id FROM appointment_entities a
                   WHERE a.doctor_id = ? AND a.appointment_date = ? AND a.status = 'SCHEDULED'
                     AND a.checked_in_at IS NOT NULL AND a.called_at IS NULL
                   ORDER BY ${CALL_ORDER} LIMIT 1 FOR UPDATE)
        AND called_at IS NULL
      RETURNING id`,
    [doctorId, date, time],
  );
  return rows[0]?.id;
}

/** The stage changes of one waiting patient: the stage it must be in, and what changes. */
const STAGE_MOVES = {
  start: { from: IS_CALLED, set: 'consult_started_at = now()' },
  skip: { from: IS_CALLED, set: 'called_at = NULL, skipped_at = now()' },
  sendBack: { from: `called_at IS NOT NULL AND status = 'SCHEDULED'`, set: 'called_at = NULL, consult_started_at = NULL' },
} as const;
export type StageAction = keyof typeof STAGE_MOVES;

/** Applies a stage change only while the patient is in the stage it starts from; false when not. */
export async function moveStage(knex: Knex, id: number, action: StageAction): Promise<boolean> {
  const move = STAGE_MOVES[action];
  const { rows } = await knex.raw<{ rows: unknown[] }>(
    `UPDATE appointment_entities SET ${move.set}, updated_at = now() WHERE id = ? AND ${move.from} RETURNING id`,
    [id],
  );
  return rows.length > 0;
}

/** Sets or clears a waiting (checked-in, not yet seen) patient's priority; false when not waiting. */
export async function setPriorityIf(knex: Knex, id: number, priority: string | null, reason: string | null): Promise<boolean> {
  const rows = await knex('appointment_entities')
    .where({ id, status: 'SCHEDULED' })
    .whereNotNull('checked_in_at')
    .whereNull('consult_started_at')
    .update({ priority, priority_reason: reason, updated_at: knex.fn.now() })
    .returning('id');
  return rows.length > 0;
}

export interface PaceOfDoctor {
  doctorId: number;
  consultMinutes: number | null;
  waitMinutes: number | null;
}

/**
 * Median consultation ("with the doctor" to done) and wait (check-in to called) per doctor
 * over a span of days, each only where at least `minSamples` visits were stamped: one quick
 * visit or a lunch break moves a median little, unlike the last visit or a mean.
 */
export async function paceOfDoctors(knex: Knex, doctorIds: readonly number[], from: string, to: string, minSamples: number): Promise<PaceOfDoctor[]> {
  if (doctorIds.length === 0) return [];
  const consulted = `status = 'COMPLETED' AND consult_started_at IS NOT NULL AND completed_at > consult_started_at`;
  const called = `called_at IS NOT NULL AND called_at >= checked_in_at`;
  const { rows } = await knex.raw<{ rows: { doctorId: number; consult: number | null; consultN: number; wait: number | null; waitN: number }[] }>(
    `SELECT doctor_id AS "doctorId",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_at - consult_started_at) / 60) FILTER (WHERE ${consulted}) AS consult,
            count(*) FILTER (WHERE ${consulted})::int AS "consultN",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM called_at - checked_in_at) / 60) FILTER (WHERE ${called}) AS wait,
            count(*) FILTER (WHERE ${called})::int AS "waitN"
       FROM appointment_entities
      WHERE doctor_id = ANY(?::bigint[]) AND appointment_date BETWEEN ?::date AND ?::date
      GROUP BY doctor_id`,
    [[...doctorIds], from, to],
  );
  return rows.map((r) => ({
    doctorId: Number(r.doctorId),
    consultMinutes: r.consultN >= minSamples && r.consult !== null ? Math.round(Number(r.consult)) : null,
    waitMinutes: r.waitN >= minSamples && r.wait !== null ? Math.round(Number(r.wait)) : null,
  }));
}
