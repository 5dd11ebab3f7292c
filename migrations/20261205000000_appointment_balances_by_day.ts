import type { Knex } from 'knex';
import { APPOINTMENT_BALANCE_REFRESH_V1, APPOINTMENT_BALANCES_REBUILD_V1 } from './20261203720100_appointment_balances';

// Why (issue 23): the Today board's money of the day summed each of the day's appointments'
// payments, one index probe per appointment, which on a large clinic's weekday was most of the
// read. Each row of appointment_balances now also carries its visit's day, indexed, so a day's
// balances come from one range of that index. The day follows the visit: the payments' trigger
// writes it, and moving a visit to another day moves its row. Both take the visit's advisory
// lock before reading or writing the row, so a payment and a move at once cannot leave it on the
// old day: whichever comes second reads what the first committed.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('ALTER TABLE appointment_balances ADD COLUMN appointment_date date');
  await knex.raw(`UPDATE appointment_balances b SET appointment_date = a.appointment_date FROM appointment_entities a WHERE a.id = b.appointment_id`);
  await knex.raw('ALTER TABLE appointment_balances ALTER COLUMN appointment_date SET NOT NULL');
  await knex.raw('CREATE INDEX idx_appointment_balances_date ON appointment_balances (appointment_date)');
  // Every row was rewritten: the planner learns the new column's days now, not at autovacuum's turn.
  await knex.raw('ANALYZE appointment_balances');
  await knex.raw(`
    CREATE OR REPLACE FUNCTION appointment_balance_refresh(appointment bigint) RETURNS void LANGUAGE plpgsql AS $$
    DECLARE
      day date;
      total numeric;
      latest timestamptz;
      counted bigint;
    BEGIN
      -- Two payments of one visit at once: the second waits here, and its sum, read after,
      -- sees the first; so does a move of the visit to another day.
      PERFORM pg_advisory_xact_lock(hashtext('clinic-desk:appointment-balance:' || appointment));
      SELECT a.appointment_date INTO day FROM appointment_entities a WHERE a.id = appointment;
      SELECT sum(p.amount), max(COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC')) FILTER (WHERE p.amount > 0), count(*)
        INTO total, latest, counted
        FROM payments p WHERE p.appointment_id = appointment AND p.status IN ('PAID', 'REFUNDED');
      IF counted = 0 OR day IS NULL THEN
        DELETE FROM appointment_balances WHERE appointment_id = appointment;
      ELSE
        INSERT INTO appointment_balances (appointment_id, appointment_date, balance, last_received) VALUES (appointment, day, total, latest)
        ON CONFLICT (appointment_id) DO UPDATE
          SET appointment_date = EXCLUDED.appointment_date, balance = EXCLUDED.balance, last_received = EXCLUDED.last_received;
      END IF;
    END $$`);
  await knex.raw(`
    CREATE OR REPLACE FUNCTION appointment_balances_rebuild() RETURNS void LANGUAGE sql AS $$
      DELETE FROM appointment_balances;
      INSERT INTO appointment_balances (appointment_id, appointment_date, balance, last_received)
      SELECT p.appointment_id, a.appointment_date, sum(p.amount), max(COALESCE(p.paid_at, p.created_at AT TIME ZONE 'UTC')) FILTER (WHERE p.amount > 0)
        FROM payments p JOIN appointment_entities a ON a.id = p.appointment_id
       WHERE p.status IN ('PAID', 'REFUNDED') GROUP BY p.appointment_id, a.appointment_date;
    $$`);
  await knex.raw(`
    CREATE FUNCTION appointment_balances_follow_day() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtext('clinic-desk:appointment-balance:' || NEW.id));
      UPDATE appointment_balances SET appointment_date = NEW.appointment_date WHERE appointment_id = NEW.id;
      RETURN NULL;
    END $$`);
  await knex.raw(
    `CREATE TRIGGER trg_appointment_balances_day AFTER UPDATE OF appointment_date ON appointment_entities
       FOR EACH ROW WHEN (OLD.appointment_date IS DISTINCT FROM NEW.appointment_date) EXECUTE FUNCTION appointment_balances_follow_day()`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER trg_appointment_balances_day ON appointment_entities');
  await knex.raw('DROP FUNCTION appointment_balances_follow_day()');
  await knex.raw(APPOINTMENT_BALANCE_REFRESH_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  await knex.raw(APPOINTMENT_BALANCES_REBUILD_V1.replace('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  await knex.raw('DROP INDEX idx_appointment_balances_date');
  await knex.raw('ALTER TABLE appointment_balances DROP COLUMN appointment_date');
}
