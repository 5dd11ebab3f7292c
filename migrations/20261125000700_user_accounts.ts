import type { Knex } from 'knex';

// Why: desk accounts need more than the seed's email/password/role.
// - display_name: shown on screens and in the audit log.
// - disabled_at: a leaver's account is disabled, never deleted, so the audit trail keeps its owner.
// - doctor_id: a DOCTOR user is tied to its doctor profile (seeded by matching email), so a
//   doctor sees their own day; unique, one account per doctor.
// - a case-insensitive unique email, since people type their email with varying case.
// - login_throttle: failed sign-ins counted per typed email, whether or not an account exists,
//   so a lockout message cannot reveal which emails are real.
// - clinic_settings.idle_lock_minutes: how long a PC may sit idle before patient data is hidden.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.string('display_name', 120).notNullable().defaultTo('');
    t.timestamp('disabled_at', { useTz: true });
    t.timestamp('last_login_at', { useTz: true });
    t.timestamp('password_changed_at', { useTz: true });
    t.bigInteger('doctor_id');
    t.foreign('doctor_id', 'fk_user_doctor').references('id').inTable('doctor_entities').onDelete('SET NULL');
  });
  await knex.raw(`
    UPDATE users u SET doctor_id = d.id FROM doctor_entities d
     WHERE u.role = 'DOCTOR' AND lower(d.email) = lower(u.email);
    CREATE UNIQUE INDEX idx_users_doctor ON users (doctor_id) WHERE doctor_id IS NOT NULL;
    CREATE UNIQUE INDEX idx_users_email_lower ON users (lower(email));
  `);
  await knex.schema.createTable('login_throttle', (t) => {
    t.string('email', 255).primary();
    t.smallint('failures').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
    t.timestamp('last_failure_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.smallint('idle_lock_minutes').notNullable().defaultTo(10);
  });
  await knex.raw('ALTER TABLE clinic_settings ADD CONSTRAINT chk_settings_idle_lock CHECK (idle_lock_minutes BETWEEN 1 AND 240)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('clinic_settings', (t) => {
    t.dropChecks(['chk_settings_idle_lock']);
    t.dropColumn('idle_lock_minutes');
  });
  await knex.schema.dropTable('login_throttle');
  await knex.raw('DROP INDEX idx_users_email_lower; DROP INDEX idx_users_doctor;');
  await knex.schema.alterTable('users', (t) => {
    t.dropForeign(['doctor_id'], 'fk_user_doctor');
    t.dropColumns('doctor_id', 'password_changed_at', 'last_login_at', 'disabled_at', 'display_name');
  });
}
