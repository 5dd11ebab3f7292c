import type { Knex } from 'knex';
import type { DoctorDto } from '../../preload/contract';
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

const columns = columnMapper<DoctorFields>({
  name: 'name',
  email: 'email',
  phone: 'phone',
  specialization: 'specialization',
  experience: 'experience',
  consultationFee: 'consultation_fee',
  rating: 'rating',
  bio: 'bio',
  address: 'address',
});
const toColumns = columns.toColumns;

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
  const rows: { specialization: string }[] = await knex('doctor_entities').distinct('specialization').whereNotNull('specialization').whereNot('specialization', '');
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
