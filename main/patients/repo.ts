import type { Knex } from 'knex';
import type { PatientDetail, PatientSummary } from '../../preload/contract';
import { columnMapper } from '../shared/columns';

export interface PatientRow {
  id: number;
  name: string;
  email: string | null;
  phone: string | null;
  date_of_birth: string | null;
  gender: PatientSummary['gender'];
  address: string | null;
  medical_history: string | null;
  created_at: string;
  updated_at: string | null;
}

export interface PatientFields {
  name: string;
  email: string | null;
  phone: string | null;
  dateOfBirth: string | null;
  gender: PatientSummary['gender'];
  address: string | null;
  medicalHistory: string | null;
}

const SUMMARY_COLUMNS = ['id', 'name', 'phone', 'email', 'date_of_birth', 'gender'] as const;

export function toSummary(r: Pick<PatientRow, (typeof SUMMARY_COLUMNS)[number]>): PatientSummary {
  return { id: r.id, name: r.name, phone: r.phone, email: r.email, dateOfBirth: r.date_of_birth, gender: r.gender };
}

export function toDetail(r: PatientRow, withHistory: boolean): PatientDetail {
  return {
    ...toSummary(r),
    address: r.address,
    ...(withHistory ? { medicalHistory: r.medical_history } : {}),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const { toColumns } = columnMapper<PatientFields>({
  name: 'name',
  email: 'email',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  gender: 'gender',
  address: 'address',
  medicalHistory: 'medical_history',
});

export async function findPatient(knex: Knex, id: number): Promise<PatientRow | undefined> {
  return knex<PatientRow>('patient_entities').where({ id }).first();
}

export async function insertPatient(knex: Knex, fields: PatientFields): Promise<PatientRow> {
  const [row] = await knex<PatientRow>('patient_entities').insert(toColumns(fields)).returning('*');
  return row as PatientRow;
}

export async function updatePatient(knex: Knex, id: number, fields: Partial<PatientFields>): Promise<PatientRow | undefined> {
  const [row] = await knex<PatientRow>('patient_entities')
    .where({ id })
    .update({ ...toColumns(fields), updated_at: knex.fn.now() })
    .returning('*');
  return row;
}

/** Same date of birth and either the same phone or a name at least 60 % similar (trigrams). */
export async function findDuplicateCandidates(
  knex: Knex,
  p: { name: string; phone: string | null; dateOfBirth: string },
  excludeId?: number,
): Promise<PatientSummary[]> {
  const rows = await knex('patient_entities')
    .select(...SUMMARY_COLUMNS)
    .where('date_of_birth', p.dateOfBirth)
    .andWhere((w) => {
      w.whereRaw('similarity(name, ?) >= 0.6', [p.name]);
      if (p.phone) w.orWhere('phone', p.phone);
    })
    .modify((q) => {
      if (excludeId) q.whereNot('id', excludeId);
    })
    .orderByRaw('similarity(name, ?) DESC', [p.name])
    .limit(10);
  return rows.map(toSummary);
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search as you type, ranked: exact id, then names starting with the text, then names with a
 * word starting with it, then names containing it, then names like it (one letter wrong).
 * One or two letters only match the start of the name (an index range, never a scan); digits
 * also look at the phone and the id; an @ looks at the email.
 */
export async function searchPatients(knex: Knex, query: string, limit: number): Promise<PatientSummary[]> {
  const q = query.trim();
  const lower = q.toLowerCase();
  const digits = q.replace(/\D/g, '');
  const isNumeric = /^[\d\s+\-()]+$/.test(q) && digits.length > 0;

  if (isNumeric) {
    const id = Number(digits);
    const rows = await knex('patient_entities')
      .select(...SUMMARY_COLUMNS)
      .where((w) => {
        if (Number.isSafeInteger(id) && digits.length <= 15) w.where('id', id);
        if (digits.length >= 3) w.orWhere('phone', 'like', `%${escapeLike(digits)}%`);
      })
      .orderByRaw('(id = ?) DESC, name, id', [Number.isSafeInteger(id) ? id : -1])
      .limit(limit);
    return rows.map(toSummary);
  }

  if (q.length <= 2) {
    const rows = await knex('patient_entities')
      .select(...SUMMARY_COLUMNS)
      .whereRaw('lower(name) LIKE ?', [`${escapeLike(lower)}%`])
      .orderBy([{ column: 'name' }, { column: 'id' }])
      .limit(limit);
    return rows.map(toSummary);
  }

  const contains = `%${escapeLike(q)}%`;
  return knex.transaction(async (trx) => {
    // The <% operator (word similarity) uses this threshold through the trigram index; 0.3
    // still finds "Smtih" for Smith.
    await trx.raw(`SET LOCAL pg_trgm.word_similarity_threshold = 0.3`);
    const rows = await trx('patient_entities')
      .select(...SUMMARY_COLUMNS)
      .where((w) => {
        w.where('name', 'ilike', contains).orWhereRaw('? <% name', [q]);
        if (q.includes('@') || q.includes('.')) w.orWhere('email', 'ilike', contains);
      })
      .orderByRaw(
        `CASE WHEN lower(name) LIKE ? THEN 0 WHEN lower(name) LIKE ? THEN 1 WHEN name ILIKE ? THEN 2 ELSE 3 END, word_similarity(?, name) DESC, name, id`,
        [`${escapeLike(lower)}%`, `% ${escapeLike(lower)}%`, contains, q],
      )
      .limit(limit);
    return rows.map(toSummary);
  });
}
