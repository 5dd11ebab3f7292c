import type { Knex } from 'knex';

// The seed schema (shared/seeds/000_b5c50b92891227fe.txt), table by table, with the seed's
// own constraint and index names. Unnamed seed constraints get the names PostgreSQL would
// give them, so this schema and the seed's DDL compare equal in the catalogs.

const now = (knex: Knex) => knex.fn.now();

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.bigIncrements('id');
    t.string('email', 255).notNullable().unique({ indexName: 'users_email_key' });
    t.string('password', 255).notNullable();
    t.string('role', 20).notNullable().checkIn(['DOCTOR', 'PATIENT', 'ADMIN'], 'users_role_check');
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.index(['email'], 'idx_users_email');
    t.index(['role'], 'idx_users_role');
  });

  await knex.schema.createTable('doctor_entities', (t) => {
    t.bigIncrements('id');
    t.string('name', 255).notNullable();
    t.string('email', 255).notNullable().unique({ indexName: 'doctor_entities_email_key' });
    t.string('phone', 20);
    t.string('specialization', 100);
    t.integer('experience');
    t.decimal('consultation_fee', 10, 2);
    t.decimal('rating', 3, 2).defaultTo(knex.raw('0.0'));
    t.text('bio');
    t.text('address');
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.index(['email'], 'idx_doctor_email');
    t.index(['specialization'], 'idx_doctor_specialization');
    t.index(['rating'], 'idx_doctor_rating');
  });

  await knex.schema.createTable('patient_entities', (t) => {
    t.bigIncrements('id');
    t.string('name', 255).notNullable();
    t.string('email', 255).notNullable().unique({ indexName: 'patient_entities_email_key' });
    t.string('phone', 20);
    t.date('date_of_birth');
    t.string('gender', 10).checkIn(['MALE', 'FEMALE', 'OTHER'], 'patient_entities_gender_check');
    t.text('address');
    t.text('medical_history');
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.index(['email'], 'idx_patient_email');
    t.index(['date_of_birth'], 'idx_patient_dob');
    t.index(['gender'], 'idx_patient_gender');
  });

  await knex.schema.createTable('appointment_entities', (t) => {
    t.bigIncrements('id');
    t.bigInteger('patient_id').notNullable();
    t.bigInteger('doctor_id').notNullable();
    t.date('appointment_date').notNullable();
    t.time('start_time').notNullable();
    t.time('end_time').notNullable();
    t.string('status', 20)
      .notNullable()
      .defaultTo('SCHEDULED')
      .checkIn(['SCHEDULED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'], 'appointment_entities_status_check');
    t.text('reason');
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.foreign('patient_id', 'fk_appointment_patient').references('id').inTable('patient_entities').onDelete('CASCADE');
    t.foreign('doctor_id', 'fk_appointment_doctor').references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.index(['doctor_id', 'appointment_date'], 'idx_appointment_doctor_date');
    t.index(['patient_id', 'appointment_date'], 'idx_appointment_patient_date');
    t.index(['status'], 'idx_appointment_status');
    t.index(['appointment_date', 'start_time'], 'idx_appointment_datetime');
  });

  await knex.schema.createTable('doctor_availabilities', (t) => {
    t.bigIncrements('id');
    t.bigInteger('doctor_id').notNullable();
    t.date('date').notNullable();
    t.time('start_time').notNullable();
    t.time('end_time').notNullable();
    t.boolean('is_available').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.foreign('doctor_id', 'fk_availability_doctor').references('id').inTable('doctor_entities').onDelete('CASCADE');
    t.index(['doctor_id', 'date'], 'idx_availability_doctor_date');
    t.index(['date'], 'idx_availability_date');
    t.index(['is_available'], 'idx_availability_available');
  });

  await knex.schema.createTable('payments', (t) => {
    t.bigIncrements('id');
    t.bigInteger('appointment_id').notNullable();
    t.string('order_id', 255).unique({ indexName: 'payments_order_id_key' });
    t.decimal('amount', 10, 2).notNullable();
    t.string('currency', 3).notNullable().defaultTo('INR');
    t.string('status', 50).notNullable().defaultTo('PENDING');
    t.string('payment_method', 50);
    t.string('transaction_id', 255);
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.foreign('appointment_id', 'fk_payment_appointment').references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.index(['appointment_id'], 'idx_payment_appointment');
    t.index(['order_id'], 'idx_payment_order_id');
    t.index(['status'], 'idx_payment_status');
    t.index(['created_at'], 'idx_payment_created');
    // From the seed's "Schema Updates".
    t.index(['payment_method'], 'idx_payment_method');
  });

  await knex.schema.createTable('video_call_sessions', (t) => {
    t.bigIncrements('id');
    t.bigInteger('appointment_id').notNullable();
    t.string('session_id', 255).unique({ indexName: 'video_call_sessions_session_id_key' });
    t.string('room_name', 255).notNullable();
    t.string('status', 50).notNullable().defaultTo('CREATED');
    t.text('access_token');
    t.timestamp('expires_at', { useTz: false });
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.timestamp('updated_at', { useTz: false });
    t.foreign('appointment_id', 'fk_video_session_appointment').references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.index(['appointment_id'], 'idx_video_session_appointment');
    t.index(['session_id'], 'idx_video_session_id');
    t.index(['status'], 'idx_video_session_status');
  });

  await knex.schema.createTable('video_call_events', (t) => {
    t.bigIncrements('id');
    t.string('session_id', 255).notNullable();
    t.string('event_type', 100).notNullable();
    t.jsonb('event_data');
    t.string('participant_name', 255);
    t.timestamp('timestamp', { useTz: false }).notNullable().defaultTo(now(knex));
    t.foreign('session_id', 'fk_video_event_session').references('session_id').inTable('video_call_sessions').onDelete('CASCADE');
    t.index(['session_id'], 'idx_video_event_session');
    t.index(['event_type'], 'idx_video_event_type');
    t.index(['timestamp'], 'idx_video_event_timestamp');
  });

  await knex.schema.createTable('twilio_webhook_events', (t) => {
    t.bigIncrements('id');
    t.string('event_type', 100).notNullable();
    t.jsonb('event_data').notNullable();
    t.timestamp('processed_at', { useTz: false });
    t.timestamp('created_at', { useTz: false }).notNullable().defaultTo(now(knex));
    t.index(['event_type'], 'idx_webhook_event_type');
    t.index(['processed_at'], 'idx_webhook_processed');
    t.index(['created_at'], 'idx_webhook_created');
  });
}

export async function down(knex: Knex): Promise<void> {
  for (const table of [
    'twilio_webhook_events',
    'video_call_events',
    'video_call_sessions',
    'payments',
    'doctor_availabilities',
    'appointment_entities',
    'patient_entities',
    'doctor_entities',
    'users',
  ]) {
    await knex.schema.dropTable(table);
  }
}
