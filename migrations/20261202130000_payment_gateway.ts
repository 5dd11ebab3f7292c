import type { Knex } from 'knex';

// Why: payments beyond cash (issue 19): a UPI QR with the amount at the desk, Razorpay orders,
// dynamic QR codes and payment links, and their signed webhooks.
// - payment_settings: one row (like video_settings). The clinic's UPI ID (VPA) and payee name
//   for the plain `upi://pay` QR; the Razorpay key id, and its key secret and webhook secret
//   stored sealed (SecretBox), never plain.
// - payments.gateway_order_id: the gateway object a PENDING payment waits on (a Razorpay order,
//   QR code or payment link id). Not the seed's order_id: since 20261125001200 that column holds
//   the clinic's gapless receipt number, which the receipts, reports and demo data depend on.
//   transaction_id (the seed's "gateway transaction ID") gets the gateway's payment id.
// - gateway_method: how the patient paid at the gateway (upi, card, netbanking, wallet), for the
//   day-end's gateway takings by method.
// - gateway_refund_id: a refund row's id at the gateway; refund.processed finds it by this.
// - gateway_error: why the gateway last failed the payment (payment.failed), shown to the desk.
// - flagged_at, flag_reason: a webhook whose amount or currency does not match the payment it
//   names is never accepted; the payment is flagged for an ADMIN instead.
// - chk_payment_method gains NETBANKING and WALLET (gateway payments), still NOT VALID.
// - payment_settings.teleconsult_prepay: the clinic asks teleconsultation patients to pay
//   before joining: the join page shows the payment link until nothing is due.
// - payments.gateway_url: what the patient opens or scans (a payment link's short URL, a QR's
//   image), so the join page and a reprint can show it again.
// - payment_reconciliations: the daily job's result per clinic day (the day is its idempotency
//   key: a second run, on this PC or another, stores nothing), for an ADMIN to read.

const METHODS_BEFORE = `'CASH', 'CARD', 'UPI'`;
const METHODS_AFTER = `'CASH', 'CARD', 'UPI', 'NETBANKING', 'WALLET'`;

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('payment_settings', (t) => {
    t.smallint('id').primary().defaultTo(1);
    t.string('upi_vpa', 255);
    t.string('upi_payee_name', 100);
    t.string('razorpay_key_id', 64);
    t.text('razorpay_key_secret');
    t.text('razorpay_webhook_secret');
    t.boolean('teleconsult_prepay').notNullable().defaultTo(false);
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.bigInteger('updated_by');
  });
  await knex.raw(`ALTER TABLE payment_settings ADD CONSTRAINT chk_payment_settings_single_row CHECK (id = 1)`);
  await knex('payment_settings').insert({ id: 1 });

  await knex.schema.createTable('payment_reconciliations', (t) => {
    t.date('day').primary();
    t.timestamp('ran_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.integer('mismatches').notNullable();
    t.jsonb('result').notNullable();
  });

  await knex.schema.alterTable('payments', (t) => {
    t.string('gateway', 20);
    t.string('gateway_order_id', 255);
    t.text('gateway_url');
    t.string('gateway_method', 20);
    t.string('gateway_refund_id', 255);
    t.text('gateway_error');
    t.timestamp('flagged_at', { useTz: true });
    t.text('flag_reason');
    t.unique(['gateway_order_id'], { indexName: 'uq_payment_gateway_order' });
    t.unique(['gateway_refund_id'], { indexName: 'uq_payment_gateway_refund' });
    t.index(['transaction_id'], 'idx_payment_transaction_id', { predicate: knex.whereNotNull('transaction_id') });
  });
  await knex.raw(`
    ALTER TABLE payments
      DROP CONSTRAINT chk_payment_method,
      ADD CONSTRAINT chk_payment_method CHECK (payment_method IS NULL OR payment_method IN (${METHODS_AFTER})) NOT VALID`);
}

export async function down(knex: Knex): Promise<void> {
  // The older check does not know the gateway's methods: such rows keep their method in gateway_method until dropped.
  await knex('payments').whereIn('payment_method', ['NETBANKING', 'WALLET']).update({ payment_method: null });
  await knex.raw(`
    ALTER TABLE payments
      DROP CONSTRAINT chk_payment_method,
      ADD CONSTRAINT chk_payment_method CHECK (payment_method IS NULL OR payment_method IN (${METHODS_BEFORE})) NOT VALID`);
  await knex.schema.alterTable('payments', (t) => {
    t.dropIndex(['transaction_id'], 'idx_payment_transaction_id');
    t.dropColumns('flag_reason', 'flagged_at', 'gateway_error', 'gateway_refund_id', 'gateway_method', 'gateway_url', 'gateway_order_id', 'gateway');
  });
  await knex.schema.dropTable('payment_reconciliations');
  await knex.schema.dropTable('payment_settings');
}
