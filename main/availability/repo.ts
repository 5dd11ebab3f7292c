import type { Knex } from 'knex';
import type { AvailabilityWindow } from '../../preload/contract';
import { runPrepared } from '../db/prepared';
import type { TemplateRule, Window } from './slots';

export interface WindowRow {
  id: number;
  doctor_id: number;
  date: string;
  start_time: string;
  end_time: string;
  slot_minutes: number;
  kind: AvailabilityWindow['kind'];
  is_available: boolean;
  note: string | null;
}

// Only what a window is: its bookkeeping columns (who made it, when) would be parsed on every
// row of every day view and free-slot search for nothing.
const WINDOW_COLUMNS = ['id', 'doctor_id', 'date', 'start_time', 'end_time', 'slot_minutes', 'kind', 'is_available', 'note'] as const;

export const toWindow = (r: WindowRow): AvailabilityWindow => ({
  id: r.id,
  doctorId: r.doctor_id,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  slotMinutes: r.slot_minutes,
  kind: r.kind,
  available: r.is_available,
  note: r.note,
});

export async function readTemplate(knex: Knex, doctorId: number): Promise<{ rules: TemplateRule[]; validFrom: string | null; validTo: string | null }> {
  const rows = await knex('availability_templates')
    .where({ doctor_id: doctorId })
    .orderBy([{ column: 'weekday' }, { column: 'start_time' }]);
  return {
    rules: rows.map((r) => ({ weekday: r.weekday, startTime: r.start_time, endTime: r.end_time, slotMinutes: r.slot_minutes })),
    validFrom: rows[0]?.valid_from ?? null,
    validTo: rows[0]?.valid_to ?? null,
  };
}

/** Replaces a doctor's weekly pattern (days already expanded keep their windows). */
export async function replaceTemplate(
  trx: Knex,
  doctorId: number,
  rules: readonly TemplateRule[],
  validity: { validFrom: string; validTo: string | null },
  userId: number,
): Promise<void> {
  await trx('availability_templates').where({ doctor_id: doctorId }).del();
  if (rules.length === 0) return;
  await trx('availability_templates').insert(
    rules.map((r) => ({
      doctor_id: doctorId,
      weekday: r.weekday,
      start_time: r.startTime,
      end_time: r.endTime,
      slot_minutes: r.slotMinutes,
      valid_from: validity.validFrom,
      valid_to: validity.validTo,
      created_by: userId,
    })),
  );
}

/** Inserts windows that are not there yet; returns how many were new. */
export async function insertWindows(
  knex: Knex,
  doctorId: number,
  windows: readonly Window[],
  kind: 'TEMPLATE' | 'EXTRA',
  userId: number,
  note: string | null = null,
): Promise<AvailabilityWindow[]> {
  const inserted: AvailabilityWindow[] = [];
  for (let i = 0; i < windows.length; i += 1000) {
    const rows: WindowRow[] = await knex('doctor_availabilities')
      .insert(
        windows.slice(i, i + 1000).map((w) => ({
          doctor_id: doctorId,
          date: w.date,
          start_time: w.startTime,
          end_time: w.endTime,
          slot_minutes: w.slotMinutes,
          kind,
          is_available: true,
          note,
          created_by: userId,
        })),
      )
      .onConflict(knex.raw('(doctor_id, date, start_time, end_time, kind)'))
      .ignore()
      .returning(WINDOW_COLUMNS);
    inserted.push(...rows.map(toWindow));
  }
  return inserted;
}

export async function insertLeave(
  knex: Knex,
  leave: { doctorId: number; date: string; startTime: string; endTime: string; note: string | null },
  userId: number,
): Promise<AvailabilityWindow> {
  const [row] = await knex('doctor_availabilities')
    .insert({
      doctor_id: leave.doctorId,
      date: leave.date,
      start_time: leave.startTime,
      end_time: leave.endTime,
      // Leave offers no slots; the column only needs a valid value.
      slot_minutes: 15,
      kind: 'LEAVE',
      is_available: false,
      note: leave.note,
      created_by: userId,
    })
    .onConflict(knex.raw('(doctor_id, date, start_time, end_time, kind)'))
    .merge(['note'])
    .returning(WINDOW_COLUMNS);
  return toWindow(row as WindowRow);
}

export async function findWindow(knex: Knex, id: number): Promise<AvailabilityWindow | undefined> {
  const row: WindowRow | undefined = await knex('doctor_availabilities').where({ id }).first(WINDOW_COLUMNS);
  return row && toWindow(row);
}

export async function deleteWindow(knex: Knex, id: number): Promise<void> {
  await knex('doctor_availabilities').where({ id }).del();
}

/** Takes every doctor's working time off one day (their leave stays); how many windows went. */
export async function deleteOpenWindowsOn(knex: Knex, date: string): Promise<number> {
  return knex('doctor_availabilities').where({ date, is_available: true }).del();
}

/** The schedule's other read, and every booking's: one text whatever the doctors, so it can stay prepared. */
export async function windowsInRange(knex: Knex, doctorIds: readonly number[], from: string, to: string): Promise<AvailabilityWindow[]> {
  const rows = (await runPrepared(
    knex,
    'availability.windowsInRange',
    (p) =>
      knex('doctor_availabilities')
        .select(WINDOW_COLUMNS)
        .whereRaw('doctor_id = ANY(?::bigint[])', [p.doctorIds])
        .whereBetween('date', [p.from, p.to])
        .orderBy([{ column: 'date' }, { column: 'doctor_id' }, { column: 'start_time' }, { column: 'kind' }, { column: 'id' }]),
    { doctorIds: [...doctorIds], from, to },
  )) as WindowRow[];
  return rows.map(toWindow);
}
