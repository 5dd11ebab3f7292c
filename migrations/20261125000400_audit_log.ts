import type { Knex } from 'knex';

// Why: a clinic must be able to show who viewed or changed which patient, appointment or
// payment, when and from which PC. The log is append-only: the database itself refuses
// UPDATE, DELETE and TRUNCATE, so not even a bug or a curious admin can rewrite history.
// user_email is a copy, not a foreign key, so the row stays meaningful if a user is renamed.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('audit_log', (t) => {
    t.bigIncrements('id');
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('user_id');
    t.string('user_email', 255);
    t.string('workstation', 255);
    t.string('action', 100).notNullable();
    t.string('entity', 50);
    t.bigInteger('entity_id');
    t.string('outcome', 20).notNullable().defaultTo('OK').checkIn(['OK', 'DENIED', 'FAILED'], 'chk_audit_outcome');
    t.jsonb('detail');
    t.index(['occurred_at'], 'idx_audit_occurred');
    t.index(['entity', 'entity_id'], 'idx_audit_entity');
    t.index(['user_id', 'occurred_at'], 'idx_audit_user');
  });
  await knex.raw(`
    CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
    END;
    $$;
    CREATE TRIGGER trg_audit_log_no_update_delete
      BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
    CREATE TRIGGER trg_audit_log_no_truncate
      BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('audit_log');
  await knex.raw('DROP FUNCTION audit_log_refuse_change()');
}
