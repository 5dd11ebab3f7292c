import type { Knex } from 'knex';

// Why: the front desk is run by receptionists, who book and take payments but must not read
// medical history. The seed only knows DOCTOR, PATIENT and ADMIN.

export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('DOCTOR', 'PATIENT', 'ADMIN', 'RECEPTIONIST'));
  `);
}

export async function down(knex: Knex): Promise<void> {
  const row = await knex('users').where({ role: 'RECEPTIONIST' }).count<{ count: string | number }[]>({ count: '*' }).first();
  const count = Number(row?.count ?? 0);
  if (count > 0) {
    // Never silently drop or rewrite accounts: the admin must change their roles first.
    throw new Error(`Cannot roll back: ${count} user(s) have the RECEPTIONIST role. Change their role first.`);
  }
  await knex.raw(`
    ALTER TABLE users DROP CONSTRAINT users_role_check;
    ALTER TABLE users ADD CONSTRAINT users_role_check
      CHECK (role IN ('DOCTOR', 'PATIENT', 'ADMIN'));
  `);
}
