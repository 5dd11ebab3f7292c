import type { Knex } from 'knex';

// Why: the desk takes money for appointments (cash, card, UPI) and must account for it.
// - received_by, paid_at: who took the money and when (the day-end is per user and per
//   clinic day); a PENDING payment has neither until it is confirmed.
// - refund_of, note: a refund is its own row with a negative amount, linked to the payment it
//   returns money from, with the reason in note. The payment row is never rewritten, so the
//   day a refund happens shows it, and the day of the payment still shows what came in.
//   No cascade: a payment cannot disappear from under its refunds.
// - status: PENDING → PAID → REFUNDED (the last only when refunds add up to the whole amount;
//   a partial refund leaves the payment PAID, its refunds say how much went back). Refund rows
//   are REFUNDED from the start. No PARTIALLY_REFUNDED: it would be a second copy of what the
//   refund rows already say, and could drift from them.
// - receipt_counters: receipt numbers (order_id, CD-<year>-<000123>) are sequential per clinic
//   year and gapless: the number is taken inside the transaction that makes a payment PAID (or
//   records a refund), so a rolled-back payment gives its number back.
// The checks are NOT VALID, as in 20261125000900: the seed's payments table has no rules, and
// rows from before (other methods or statuses, a zero amount) must not block the upgrade.

export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('payments', (t) => {
    t.bigInteger('received_by');
    t.bigInteger('refund_of');
    t.text('note');
    t.timestamp('paid_at', { useTz: true });
    t.foreign('refund_of', 'fk_payment_refund_of').references('id').inTable('payments');
    t.index(['refund_of'], 'idx_payment_refund_of', { predicate: knex.whereNotNull('refund_of') });
    t.index(['paid_at'], 'idx_payment_paid_at');
  });
  await knex.raw(`
    ALTER TABLE payments
      ADD CONSTRAINT chk_payment_method CHECK (payment_method IS NULL OR payment_method IN ('CASH', 'CARD', 'UPI')) NOT VALID,
      ADD CONSTRAINT chk_payment_status CHECK (status IN ('PENDING', 'PAID', 'REFUNDED')) NOT VALID,
      ADD CONSTRAINT chk_payment_sign CHECK (
        (refund_of IS NULL AND amount > 0) OR (refund_of IS NOT NULL AND amount < 0 AND status = 'REFUNDED')
      ) NOT VALID;
  `);
  await knex.schema.createTable('receipt_counters', (t) => {
    t.integer('year').primary();
    t.integer('last_no').notNullable();
  });
  await knex.raw(`ALTER TABLE receipt_counters ADD CONSTRAINT chk_receipt_counter CHECK (last_no > 0)`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('receipt_counters');
  await knex.raw(`
    ALTER TABLE payments
      DROP CONSTRAINT chk_payment_sign,
      DROP CONSTRAINT chk_payment_status,
      DROP CONSTRAINT chk_payment_method;
  `);
  // Dropping the columns drops their foreign key and indexes with them.
  await knex.schema.alterTable('payments', (t) => {
    t.dropColumns('paid_at', 'note', 'refund_of', 'received_by');
  });
}
