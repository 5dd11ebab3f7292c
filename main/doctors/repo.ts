import type { Knex } from 'knex';

export async function findDoctorIdByEmail(knex: Knex, email: string): Promise<number | undefined> {
  const row = await knex('doctor_entities').whereRaw('lower(email) = lower(?)', [email]).first('id');
  return row?.id;
}

export async function doctorExists(knex: Knex, id: number): Promise<boolean> {
  return (await knex('doctor_entities').where({ id }).first('id')) !== undefined;
}
