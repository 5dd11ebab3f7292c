import type { DatabaseConfig } from '../../main/db/config';
import type { RowChange } from '../../main/db/changes';
import { openDatabase, type Database } from '../../main/db/open';
import { GatewayPaymentsService } from '../../main/payments/gateway/service';
import type { SecretBox } from '../../main/secrets/secret-box';
import { startWebhookService } from '../../main/webhooks/service';
import { RAZORPAY_WEBHOOK_PATH } from '../../preload/contract';
import { FakeRazorpay, TEST_RAZORPAY, postWebhook } from '../../tests/support/fake-razorpay';
import { summarise, type Latency } from './latency';

export interface PaymentsFigures {
  /** From the first byte of Razorpay's webhook to another PC reading the payment PAID after it heard the change. */
  webhookToPaid: Latency;
  /** Every payment PAID once, with its own receipt number. */
  paidOnce: boolean;
}

// The bench's own stand-in: the fake Razorpay checks only the account's credentials.
const plainBox: SecretBox = { seal: (s) => s, open: (s) => s };
const WARM_UP = 20;

/**
 * The "PAID on every PC within a second of the webhook", on PostgreSQL: the public gateway
 * (its receiver and durable worker, on a connection of its own) takes each desk QR's signed
 * payment.captured and qr_code.credited, one payment after another as patients pay; a second PC,
 * LISTENing as the desks do, reads the payment again on each change it hears until it is PAID.
 */
export async function measurePayments(config: DatabaseConfig, db: Database, count: number): Promise<PaymentsFigures> {
  const knex = db.knex;
  const razorpay = new FakeRazorpay();
  await razorpay.start();
  const gatewayDb = await openDatabase(config, { schema: 'guard' });
  const otherPc = await openDatabase(config, { schema: 'guard' });
  const gateway = await startWebhookService(gatewayDb.knex, {
    log: (m, err) => console.error(m, err),
    secretBox: plainBox,
    paymentGateway: razorpay.factory(),
  });
  try {
    await knex('clinic_settings').where({ id: 1 }).update({ time_zone: 'Asia/Kolkata', clinic_name: 'Bench Clinic' });
    await knex('payment_settings').where({ id: 1 }).update({
      razorpay_key_id: TEST_RAZORPAY.keyId,
      razorpay_key_secret: TEST_RAZORPAY.keySecret,
      razorpay_webhook_secret: TEST_RAZORPAY.webhookSecret,
    });
    const [{ id: doctorId }] = await knex('doctor_entities')
      .insert({ name: 'Dr. Bench Pay', email: 'bench-pay@clinic.test', consultation_fee: '650.29' })
      .returning('id');
    const total = count + WARM_UP;
    const patients: number[] = (
      await knex.raw(
        `INSERT INTO patient_entities (name, email) SELECT 'Paying ' || g, 'paying-' || g || '@clinic.test' FROM generate_series(1, ?) g RETURNING id`,
        [total],
      )
    ).rows.map((r: { id: number }) => r.id);
    const appointments: number[] = (
      await knex.raw(
        `INSERT INTO appointment_entities (patient_id, doctor_id, appointment_date, start_time, end_time, status)
         SELECT p, ?::bigint, date '2098-01-01' + (row_number() OVER ())::int, '10:00', '10:15', 'COMPLETED' FROM unnest(?::bigint[]) p RETURNING id`,
        [doctorId, patients],
      )
    ).rows.map((r: { id: number }) => r.id);

    // The other PC hears a probe first: its LISTEN connection opens in the background.
    let waiter: { table: string; id: number; resolve: () => void } | undefined;
    otherPc.changes.on('change', (c: RowChange) => {
      if (waiter && c.table === waiter.table && c.id === waiter.id) waiter.resolve();
    });
    /** Resolves on the next change to that row the other PC hears (armed before the write that makes it). */
    const nextChange = (table: string, id: number) => new Promise<void>((resolve) => (waiter = { table, id, resolve }));
    const [{ id: probe }] = await knex('patient_entities').insert({ name: 'Probe', email: 'probe-pay@clinic.test' }).returning('id');
    // Until the LISTEN is up the probe's change is not heard: touch it again until it is.
    for (let heard = false; !heard;) {
      const next = nextChange('patient_entities', probe).then(() => (heard = true));
      await knex('patient_entities').where({ id: probe }).update({ name: 'Probe' });
      await Promise.race([next, new Promise((r) => setTimeout(r, 100))]);
    }

    const desk = new GatewayPaymentsService(knex, plainBox, razorpay.factory());
    const url = `${gateway.url}${RAZORPAY_WEBHOOK_PATH}`;
    const samples: number[] = [];
    for (const [i, appointmentId] of appointments.entries()) {
      const { payment, gatewayId } = await desk.collect({ appointmentId, via: 'QR' }, null);
      const { events } = razorpay.pay(gatewayId);
      const started = performance.now();
      let changed = nextChange('payments', payment.id);
      for (const e of events) if ((await postWebhook(url, e)) !== 200) throw new Error('The gateway refused a signed webhook');
      for (;;) {
        await changed;
        changed = nextChange('payments', payment.id);
        if ((await otherPc.knex('payments').where({ id: payment.id }).first('status'))?.status === 'PAID') break;
      }
      if (i >= WARM_UP) samples.push(performance.now() - started);
    }
    const paid = await knex('payments').whereIn('appointment_id', appointments).select('status', 'order_id');
    return {
      webhookToPaid: summarise(samples),
      paidOnce: paid.length === total && paid.every((p) => p.status === 'PAID') && new Set(paid.map((p) => p.order_id)).size === total,
    };
  } finally {
    await gateway.close();
    await otherPc.close();
    await gatewayDb.close();
    await razorpay.close();
  }
}
