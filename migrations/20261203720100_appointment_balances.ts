import type { Knex } from 'knex';

// Why (issue 22): "dues and advances" compares each visit's fee with what the clinic holds for it,
// and summing a year's payments per appointment on every run was most of the report's time. What
// each appointment holds (payments and refunds that changed hands) and when money last came in
// are kept here by the payments' own trigger, so the report reads one row per visit. Derived
// data: the payments stay the record, and the migration fills it from them.
// The money rule is the payments module's: PAID and REFUNDED rows count (a refund is a row of
// its own, negative), and money changed hands at paid_at, or at created_at (UTC) for rows from
// before paid_at existed. Exported: a later migration replaces both and its down restores them.
export const APPOINTMENT_BALANCE_REFRESH_V1 = `
    CREATE FUNCTION appointment_balance_refresh(appointment bigint) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      total numeric;
      latest timestamptz;
      counted bigint;
    BEGIN
      -- Two payments of one visit at once: the second waits here, and its sum, read after,
      -- sees the first.
      PERFORM pg_advisory_xact_lock(hashtext('clinic-desk:appointment-balance:' || appointment));
      SELECT sum(p.amount), max(COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC')) FILTER (WHERE p.amount > 0), count(*)
        INTO total, latest, counted
        FROM payments p WHERE p.appointment_id = appointment AND p.status IN ('PAID', 'REFUNDED');
      IF counted = 0 OR NOT EXISTS (SELECT 1 FROM appointment_entities WHERE id = appointment) THEN
        DELETE FROM appointment_balances WHERE appointment_id = appointment;
      ELSE
        INSERT INTO appointment_balances (appointment_id, balance, last_received) VALUES (appointment, total, latest)
        ON CONFLICT (appointment_id) DO UPDATE SET balance = EXCLUDED.balance, last_received = EXCLUDED.last_received;
      END IF;
    END $$`;

export const APPOINTMENT_BALANCES_REBUILD_V1 = `
    CREATE FUNCTION appointment_balances_rebuild() RETURNS void LANGUAGE sql AS $$
      DELETE FROM appointment_balances;
      INSERT INTO appointment_balances (appointment_id, balance, last_received)
      SELECT p.appointment_id, sum(p.amount), max(COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC')) FILTER (WHERE p.amount > 0)
        FROM payments p WHERE p.status IN ('PAID', 'REFUNDED') GROUP BY p.appointment_id;
    $$`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('appointment_balances', (t) => {
    t.bigInteger('appointment_id').primary().references('id').inTable('appointment_entities').onDelete('CASCADE');
    t.decimal('balance', 14, 2).notNullable();
    // When money last came in (not a refund); the report turns it into the clinic's date.
    t.timestamp('last_received', { useTz: true });
  });
  await knex.raw(APPOINTMENT_BALANCE_REFRESH_V1);
  await knex.raw(`
    CREATE FUNCTION appointment_balances_track() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM appointment_balance_refresh(OLD.appointment_id);
      END IF;
      IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.appointment_id IS DISTINCT FROM OLD.appointment_id) THEN
        PERFORM appointment_balance_refresh(NEW.appointment_id);
      END IF;
      RETURN NULL;
    END $$`);
  // Also what a bulk load that bypasses triggers (the bench's, as pg_restore does) calls after.
  await knex.raw(APPOINTMENT_BALANCES_REBUILD_V1);
  await knex.raw('SELECT appointment_balances_rebuild()');
  const counts = `('PAID', 'REFUNDED')`;
  await knex.raw(
    `CREATE TRIGGER trg_appointment_balances_insert AFTER INSERT ON payments
       FOR EACH ROW WHEN (NEW.status IN ${counts}) EXECUTE FUNCTION appointment_balances_track()`,
  );
  // A pending payment that is still pending, or one that failed, holds nothing either side.
  await knex.raw(
    `CREATE TRIGGER trg_appointment_balances_update AFTER UPDATE OF appointment_id, amount, status, paid_at, created_at ON payments
       FOR EACH ROW WHEN (OLD.status IN ${counts} OR NEW.status IN ${counts}) EXECUTE FUNCTION appointment_balances_track()`,
  );
  await knex.raw(
    `CREATE TRIGGER trg_appointment_balances_delete AFTER DELETE ON payments
       FOR EACH ROW WHEN (OLD.status IN ${counts}) EXECUTE FUNCTION appointment_balances_track()`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER trg_appointment_balances_insert ON payments');
  await knex.raw('DROP TRIGGER trg_appointment_balances_update ON payments');
  await knex.raw('DROP TRIGGER trg_appointment_balances_delete ON payments');
  await knex.raw('DROP FUNCTION appointment_balances_track()');
  await knex.raw('DROP FUNCTION appointment_balance_refresh(bigint)');
  await knex.raw('DROP FUNCTION appointment_balances_rebuild()');
  await knex.schema.dropTable('appointment_balances');
}
