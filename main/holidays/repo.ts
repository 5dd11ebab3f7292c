import type { Knex } from 'knex';
import type { Holiday } from '../../preload/contract';

const COLUMNS = ['id', 'date', 'name'] as const;

export async function holidaysBetween(knex: Knex, from: string, to: string): Promise<Holiday[]> {
  return knex('clinic_holidays').whereBetween('date', [from, to]).orderBy('date').select(COLUMNS);
}

export async function holidayOn(knex: Knex, date: string): Promise<Holiday | undefined> {
  return knex('clinic_holidays').where({ date }).first(COLUMNS);
}

/** The new holiday; undefined when its date already is one. */
export async function insertHoliday(knex: Knex, holiday: { date: string; name: string }, userId: number): Promise<Holiday | undefined> {
  const [row] = await knex('clinic_holidays')
    .insert({ ...holiday, created_by: userId })
    .onConflict('date')
    .ignore()
    .returning(COLUMNS);
  return row;
}

export async function renameHoliday(knex: Knex, id: number, name: string): Promise<Holiday | undefined> {
  const [row] = await knex('clinic_holidays').where({ id }).update({ name }).returning(COLUMNS);
  return row;
}

export async function deleteHoliday(knex: Knex, id: number): Promise<boolean> {
  return (await knex('clinic_holidays').where({ id }).del()) > 0;
}
