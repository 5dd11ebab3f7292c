import type { Knex } from 'knex';
import type { AppointmentTypeDto } from '../../preload/contract';

export type TypeFields = Omit<AppointmentTypeDto, 'id' | 'active' | 'doctors'>;
export type TypeDoctor = AppointmentTypeDto['doctors'][number];

const COLUMNS: Record<keyof TypeFields | 'active', string> = {
  name: 'name',
  durationMinutes: 'duration_minutes',
  fee: 'fee',
  colour: 'colour',
  mode: 'mode',
  visitKind: 'visit_kind',
  bufferBeforeMinutes: 'buffer_before_minutes',
  bufferAfterMinutes: 'buffer_after_minutes',
  minNoticeMinutes: 'min_notice_minutes',
  maxDaysAhead: 'max_days_ahead',
  prepayRequired: 'prepay_required',
  active: 'active',
};

const selectType = (knex: Knex) =>
  knex('appointment_types as t').select(
    't.id',
    ...Object.entries(COLUMNS).map(([key, column]) => `t.${column} as ${key}`),
    knex.raw(
      `COALESCE((SELECT json_agg(json_build_object('doctorId', dt.doctor_id, 'fee', dt.fee::text, 'durationMinutes', dt.duration_minutes, 'isDefault', dt.is_default) ORDER BY dt.doctor_id)
                   FROM doctor_appointment_types dt WHERE dt.appointment_type_id = t.id), '[]'::json) AS doctors`,
    ),
  );

const toRow = (fields: Partial<TypeFields & { active: boolean }>) =>
  Object.fromEntries(Object.entries(fields).map(([key, value]) => [COLUMNS[key as keyof typeof COLUMNS], value]));

/** Types by name; for one doctor, only those they offer, with that doctor's own fee and length. */
export async function listTypes(knex: Knex, filter: { doctorId?: number; includeInactive: boolean }): Promise<AppointmentTypeDto[]> {
  const q = selectType(knex).orderByRaw('lower(t.name)');
  if (!filter.includeInactive) q.where('t.active', true);
  const doctorId = filter.doctorId;
  if (doctorId) {
    q.join('doctor_appointment_types as mine', function () {
      this.on('mine.appointment_type_id', 't.id').andOn('mine.doctor_id', knex.raw('?', [doctorId]));
    })
      .clearSelect()
      .select(
        't.id',
        ...Object.entries(COLUMNS)
          .filter(([key]) => key !== 'fee' && key !== 'durationMinutes')
          .map(([key, column]) => `t.${column} as ${key}`),
        knex.raw('COALESCE(mine.fee, t.fee) AS fee'),
        knex.raw('COALESCE(mine.duration_minutes, t.duration_minutes) AS "durationMinutes"'),
        knex.raw(
          `json_build_array(json_build_object('doctorId', mine.doctor_id, 'fee', mine.fee::text, 'durationMinutes', mine.duration_minutes, 'isDefault', mine.is_default)) AS doctors`,
        ),
      );
  }
  return q;
}

export async function findType(knex: Knex, id: number): Promise<AppointmentTypeDto | undefined> {
  return selectType(knex).where('t.id', id).first();
}

export async function insertType(knex: Knex, fields: TypeFields, userId: number): Promise<number> {
  const [row] = await knex('appointment_types')
    .insert({ ...toRow(fields), created_by: userId })
    .returning('id');
  return row.id;
}

/** False when there is no such type. */
export async function updateType(knex: Knex, id: number, fields: Partial<TypeFields & { active: boolean }>): Promise<boolean> {
  const rows = await knex('appointment_types')
    .where({ id })
    .update({ ...toRow(fields), updated_at: knex.fn.now() })
    .returning('id');
  return rows.length > 0;
}

/** The doctors offering a type, replaced; a doctor's new default takes over from their old one. */
export async function replaceTypeDoctors(trx: Knex, typeId: number, doctors: readonly TypeDoctor[]): Promise<void> {
  await trx('doctor_appointment_types').where({ appointment_type_id: typeId }).del();
  if (doctors.length === 0) return;
  const defaults = doctors.filter((d) => d.isDefault).map((d) => d.doctorId);
  if (defaults.length > 0) await trx('doctor_appointment_types').whereIn('doctor_id', defaults).update({ is_default: false });
  await trx('doctor_appointment_types').insert(
    doctors.map((d) => ({ doctor_id: d.doctorId, appointment_type_id: typeId, fee: d.fee, duration_minutes: d.durationMinutes, is_default: d.isDefault })),
  );
}

/** A type as one doctor books it: their fee and length where they have their own; `offered` false when they do not offer it. */
export interface TypeForDoctor {
  id: number;
  name: string;
  active: boolean;
  offered: boolean;
  durationMinutes: number;
  fee: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number | null;
}

export async function typeForDoctor(knex: Knex, typeId: number, doctorId: number): Promise<TypeForDoctor | undefined> {
  return knex('appointment_types as t')
    .leftJoin('doctor_appointment_types as dt', function () {
      this.on('dt.appointment_type_id', 't.id').andOn('dt.doctor_id', knex.raw('?', [doctorId]));
    })
    .where('t.id', typeId)
    .first(
      't.id',
      't.name',
      't.active',
      knex.raw('dt.doctor_id IS NOT NULL AS offered'),
      knex.raw('COALESCE(dt.duration_minutes, t.duration_minutes) AS "durationMinutes"'),
      knex.raw('COALESCE(dt.fee, t.fee) AS fee'),
      't.buffer_before_minutes as bufferBeforeMinutes',
      't.buffer_after_minutes as bufferAfterMinutes',
      't.min_notice_minutes as minNoticeMinutes',
      't.max_days_ahead as maxDaysAhead',
    );
}

/** The doctor's default type, when they have an active one. */
export async function defaultTypeOf(knex: Knex, doctorId: number): Promise<number | undefined> {
  const row = await knex('doctor_appointment_types as dt')
    .join('appointment_types as t', 't.id', 'dt.appointment_type_id')
    .where({ 'dt.doctor_id': doctorId, 'dt.is_default': true, 't.active': true })
    .first('t.id');
  return row?.id;
}

/** Whether any active doctor of the specialization offers the type. */
export async function offeredInSpecialization(knex: Knex, typeId: number, specialization: string): Promise<boolean> {
  const row = await knex('doctor_appointment_types as dt')
    .join('doctor_entities as d', 'd.id', 'dt.doctor_id')
    .where({ 'dt.appointment_type_id': typeId, 'd.specialization': specialization, 'd.active': true })
    .first('dt.doctor_id');
  return row !== undefined;
}
