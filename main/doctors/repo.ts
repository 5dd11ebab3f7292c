import type { Knex } from 'knex';
import type { AvailabilityWindow, DoctorDto } from '../../preload/contract';
import { toWindow, type WindowRow } from '../availability/repo';
import { runPrepared } from '../db/prepared';
import { columnMapper } from '../shared/columns';

interface DoctorRow {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  specialization: string | null;
  experience: number | null;
  consultation_fee: string | null;
  rating: string | null;
  bio: string | null;
  address: string | null;
  active: boolean;
  created_at: string;
}

export interface DoctorFields {
  name: string;
  email: string;
  phone: string | null;
  specialization: string | null;
  experience: number | null;
  consultationFee: string | null;
  rating: string | null;
  bio: string | null;
  address: string | null;
}

const FIELD_COLUMNS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  specialization: 'specialization',
  experience: 'experience',
  consultationFee: 'consultation_fee',
  rating: 'rating',
  bio: 'bio',
  address: 'address',
} as const satisfies Record<keyof DoctorFields, keyof DoctorRow>;
const columns = columnMapper<DoctorFields>(FIELD_COLUMNS);
const toColumns = columns.toColumns;

// What toDto reads, named rather than `d.*` where a statement stays prepared (main/db/prepared.ts).
const DOCTOR_COLUMNS: readonly (keyof DoctorRow)[] = ['id', ...Object.values(FIELD_COLUMNS), 'active', 'created_at'];

function toDto(r: DoctorRow): DoctorDto {
  return { id: r.id, ...columns.fromRow(r), active: r.active, createdAt: r.created_at };
}

export async function findDoctorIdByEmail(knex: Knex, email: string): Promise<number | undefined> {
  const row = await knex('doctor_entities').whereRaw('lower(email) = lower(?)', [email]).first('id');
  return row?.id;
}

export async function doctorExists(knex: Knex, id: number): Promise<boolean> {
  return (await knex('doctor_entities').where({ id }).first('id')) !== undefined;
}

export async function findDoctor(knex: Knex, id: number): Promise<DoctorDto | undefined> {
  const row = await knex<DoctorRow>('doctor_entities').where({ id }).first();
  return row && toDto(row);
}

/** What a booking checks of a doctor's day besides the doctor: see findDoctorDay. */
export interface DoctorDay {
  doctor: DoctorDto;
  windows: AvailabilityWindow[];
  /** The clinic's holiday that day, if it made one. */
  holiday: { id: number; date: string; name: string } | null;
  /** The doctor's OPD sessions that day, in order: their time is for tokens, not for slots. */
  sessions: { startTime: string; endTime: string }[];
}

/**
 * A doctor with what a booking checks of their day, in one statement: their working windows,
 * the clinic's holiday and their OPD sessions. Each statement is a round trip that sixteen
 * desks booking at once all pay for.
 */
export async function findDoctorDay(knex: Knex, id: number, date: string): Promise<DoctorDay | undefined> {
  const row = await runPrepared(
    knex,
    'doctors.dayOf',
    (p) =>
      knex<DoctorRow>('doctor_entities as d')
        .where('d.id', p.id)
        .first(
          ...DOCTOR_COLUMNS.map((c) => `d.${c}`),
          knex.raw(
            `COALESCE((SELECT json_agg(w ORDER BY w.start_time, w.kind, w.id) FROM doctor_availabilities w WHERE w.doctor_id = d.id AND w.date = :day::date), '[]') AS day_windows,
             (SELECT json_build_object('id', h.id, 'date', h.date, 'name', h.name) FROM clinic_holidays h WHERE h.date = :day::date) AS day_holiday,
             COALESCE((SELECT json_agg(json_build_object('startTime', s.start_time, 'endTime', s.end_time) ORDER BY s.start_time)
                         FROM opd_sessions s WHERE s.doctor_id = d.id AND s.date = :day::date), '[]') AS day_sessions`,
            { day: p.date },
          ),
        ),
    { id, date },
  );
  if (!row) return undefined;
  const { day_windows, day_holiday, day_sessions, ...doctor } = row as DoctorRow & {
    day_windows: WindowRow[];
    day_holiday: DoctorDay['holiday'];
    day_sessions: DoctorDay['sessions'];
  };
  return { doctor: toDto(doctor), windows: day_windows.map(toWindow), holiday: day_holiday, sessions: day_sessions };
}

export async function listDoctors(knex: Knex, filter: { specialization?: string; includeInactive: boolean }): Promise<DoctorDto[]> {
  const rows = await knex<DoctorRow>('doctor_entities')
    .modify((q) => {
      if (!filter.includeInactive) q.where({ active: true });
      if (filter.specialization) q.whereRaw('lower(specialization) = lower(?)', [filter.specialization]);
    })
    .orderBy([{ column: 'name' }, { column: 'id' }]);
  return rows.map(toDto);
}

/** Specializations in use, for the pick list (free entry adds new ones). */
export async function specializationsInUse(knex: Knex): Promise<string[]> {
  const rows: { specialization: string }[] = await knex('doctor_entities')
    .distinct('specialization')
    .whereNotNull('specialization')
    .whereNot('specialization', '');
  return rows.map((r) => r.specialization);
}

export async function insertDoctor(knex: Knex, fields: DoctorFields): Promise<DoctorDto> {
  const [row] = await knex<DoctorRow>('doctor_entities').insert(toColumns(fields)).returning('*');
  return toDto(row as DoctorRow);
}

export async function updateDoctor(knex: Knex, id: number, fields: Partial<DoctorFields> & { active?: boolean }): Promise<DoctorDto | undefined> {
  const changes = { ...toColumns(fields), ...(fields.active !== undefined ? { active: fields.active } : {}), updated_at: knex.fn.now() };
  const [row] = await knex<DoctorRow>('doctor_entities').where({ id }).update(changes).returning('*');
  return row && toDto(row);
}

export async function deleteDoctor(knex: Knex, id: number): Promise<boolean> {
  return (await knex('doctor_entities').where({ id }).del()) > 0;
}
