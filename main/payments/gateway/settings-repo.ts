import type { Knex } from 'knex';
import { columnMapper } from '../../shared/columns';

/** The payment set-up as stored, secrets sealed: for main only, never a reply. */
export interface PaymentSettings {
  upiVpa: string | null;
  upiPayeeName: string | null;
  razorpayKeyId: string | null;
  razorpayKeySecret: string | null;
  razorpayWebhookSecret: string | null;
  teleconsultPrepay: boolean;
  updatedAt: string;
}

type Fields = Omit<PaymentSettings, 'updatedAt'>;

const columns = columnMapper<Fields>({
  upiVpa: 'upi_vpa',
  upiPayeeName: 'upi_payee_name',
  razorpayKeyId: 'razorpay_key_id',
  razorpayKeySecret: 'razorpay_key_secret',
  razorpayWebhookSecret: 'razorpay_webhook_secret',
  teleconsultPrepay: 'teleconsult_prepay',
});

export async function readPaymentSettings(knex: Knex): Promise<PaymentSettings> {
  const row = await knex('payment_settings').where({ id: 1 }).first();
  if (!row) throw new Error('payment_settings has no row: the schema is not migrated');
  return { ...columns.fromRow(row), updatedAt: row.updated_at };
}

/** Writes the fields given (secrets already sealed by the caller); null clears one. */
export async function writePaymentSettings(knex: Knex, changes: Partial<Fields>, updatedBy: number): Promise<PaymentSettings> {
  const [row] = await knex('payment_settings')
    .where({ id: 1 })
    .update({ ...columns.toColumns(changes), updated_at: knex.fn.now(), updated_by: updatedBy })
    .returning('*');
  return { ...columns.fromRow(row), updatedAt: row.updated_at };
}
