import type { Knex } from 'knex';
import type { Priority } from '../../preload/contract';
import { CALL_ORDER } from '../appointments/repo';

export interface BoardRow {
  doctorId: number;
  doctorName: string;
  room: string | null;
  tokenNo: number;
  priority: Priority | null;
  called: boolean;
  initials: string | null;
}

/**
 * Today's live tokens per doctor, each with its room (its session's, else the doctor's): the called (or in) ones first, newest call first, then the
 * waiting in call order. The patient's name never leaves the database: at most its initials
 * (first letters of the first and the last word) are computed here, and only when asked.
 */
export async function boardDay(knex: Knex, date: string, time: string, initials: boolean): Promise<BoardRow[]> {
  const { rows } = await knex.raw<{ rows: BoardRow[] }>(
    `SELECT d.id AS "doctorId", d.name AS "doctorName", COALESCE(s.room, d.room) AS room, a.token_no AS "tokenNo", a.priority,
            a.called_at IS NOT NULL AS called,
            CASE WHEN ?::boolean THEN upper(left(btrim(p.name), 1)) || coalesce(upper(substring(btrim(p.name) FROM '\\s(\\S)\\S*$')), '') END AS initials
       FROM appointment_entities a
       JOIN doctor_entities d ON d.id = a.doctor_id
       JOIN patient_entities p ON p.id = a.patient_id
       LEFT JOIN opd_sessions s ON s.id = a.opd_session_id
      WHERE a.appointment_date = ?::date AND a.status = 'SCHEDULED' AND a.checked_in_at IS NOT NULL AND a.token_no IS NOT NULL
      ORDER BY d.name, d.id, a.called_at DESC NULLS LAST, ${CALL_ORDER}`,
    [initials, date, time],
  );
  return rows.map((r) => ({ ...r, doctorId: Number(r.doctorId) }));
}
