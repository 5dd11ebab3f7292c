import type { Knex } from 'knex';

// Why: the patient's join link must live as long as the appointment, not as long as a Twilio token
// (issue 18). The link carries an opaque random code; only its SHA-256 is stored, so a dump of
// the database cannot open anyone's call.
// - video_join_codes: one row per code issued for an appointment. Issuing a new one revokes the
//   old (revoked_at), and uq_video_join_code_live keeps at most one live code per appointment.
//   lobby_at is when the patient last traded the code for a token inside the window: the
//   doctor's screens show the patient "waiting online" from it.
// - trg_video_join_codes_notify: the same compact NOTIFY as the other tables (ids only), so the
//   doctor's queue and call window learn of a patient in the lobby within a second.
// - video_settings.public_base_url: the gateway's address as the internet sees it (links are
//   built on it); join_opens_minutes / join_closes_minutes: the clinic's join window around
//   the appointment (15 before its start, 30 after its end unless changed).

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('video_join_codes', (t) => {
    t.bigIncrements('id');
    t.bigInteger('appointment_id').notNullable();
    t.specificType('code_hash', 'char(64)').notNullable();
    t.timestamp('issued_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('issued_by');
    t.timestamp('revoked_at', { useTz: true });
    t.timestamp('lobby_at', { useTz: true });
    t.foreign('appointment_id', 'fk_video_join_code_appointment').references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.unique(['code_hash'], { indexName: 'uq_video_join_code_hash' });
  });
  await knex.raw(`CREATE UNIQUE INDEX uq_video_join_code_live ON video_join_codes (appointment_id) WHERE revoked_at IS NULL`);
  await knex.raw(
    `CREATE TRIGGER trg_video_join_codes_notify AFTER INSERT OR UPDATE OR DELETE ON video_join_codes FOR EACH ROW EXECUTE FUNCTION clinic_notify_change()`,
  );

  await knex.schema.alterTable('video_settings', (t) => {
    t.text('public_base_url');
    t.integer('join_opens_minutes').notNullable().defaultTo(15);
    t.integer('join_closes_minutes').notNullable().defaultTo(30);
  });
  await knex.raw(
    `ALTER TABLE video_settings ADD CONSTRAINT chk_video_join_window CHECK (join_opens_minutes BETWEEN 0 AND 1440 AND join_closes_minutes BETWEEN 0 AND 1440)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE video_settings DROP CONSTRAINT chk_video_join_window');
  await knex.schema.alterTable('video_settings', (t) => {
    t.dropColumns('join_closes_minutes', 'join_opens_minutes', 'public_base_url');
  });
  await knex.raw('DROP TRIGGER trg_video_join_codes_notify ON video_join_codes');
  await knex.schema.dropTable('video_join_codes');
}
