import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentDto } from '../../preload/contract';
import { RAZORPAY_WEBHOOK_PATH } from '../../preload/contract';
import { migrateToLatest } from '../../main/db/migrator';
import { openDatabase, type Database } from '../../main/db/open';
import { startWebhookService, type WebhookService } from '../../main/webhooks/service';
import { scratchServerDatabase } from '../support/databases';
import { configureRazorpay, postWebhook } from '../support/fake-razorpay';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';
import { waitFor } from '../support/wait';

type Collected = { payment: PaymentDto; gatewayId: string };

// Two desks and the public gateway on one clinic server (embedded mode is one PC by design).
describe('a gateway payment seen on two PCs', () => {
  const keys = testKeys();
  let dbA: Database;
  let dbB: Database;
  let dbGateway: Database;
  let pcA: Harness;
  let pcB: Harness;
  let gateway: WebhookService;
  let disposeScratch: () => Promise<void>;

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    disposeScratch = s.dispose;
    dbA = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(dbA.knex);
    dbB = await openDatabase(s.config, { schema: 'guard' });
    dbGateway = await openDatabase(s.config, { schema: 'guard' });
    const sealed = { secretBox: keys.secretBox, clinicKey: keys.clinicKey };
    pcA = await startHarness('server', dbA, sealed);
    pcB = await startHarness('server', dbB, sealed);
    gateway = await startWebhookService(dbGateway.knex, { log: () => undefined, secretBox: keys.secretBox, paymentGateway: pcA.razorpay.factory() });
    await configureRazorpay(pcA);
    const [{ id: probe }] = await pcA.knex('patient_entities').insert({ name: 'Probe', email: 'probe@example.com' }).returning('id');
    // Each PC LISTENs on its own connection, opened in the background: wait until both hear.
    for (const pc of [pcA, pcB])
      await waitFor('the PC listening', () => pc.events.find((e) => e.event === 'patients.changed' && (e.payload as { id: number }).id === probe));
  });

  afterAll(async () => {
    await gateway?.close();
    await pcA?.dispose();
    await pcB?.dispose();
    await dbGateway?.close();
    await dbA?.close();
    await dbB?.close();
    await disposeScratch?.();
    keys.dispose();
  });

  it('a desk QR made on PC A, paid at Razorpay, turns PAID on PC B by the webhook alone', async () => {
    const [{ id: doctorId }] = await pcA
      .knex('doctor_entities')
      .insert({ name: 'Dr. Two', email: 'two@clinic.test', consultation_fee: '499.99' })
      .returning('id');
    const [{ id: patientId }] = await pcA.knex('patient_entities').insert({ name: 'Meera', email: 'meera@example.com' }).returning('id');
    const [{ id: appointmentId }] = await pcA
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-02-02', start_time: '10:00', end_time: '10:15' })
      .returning('id');
    const deskA = await pcA.signInAs('RECEPTIONIST');
    const deskB = await pcB.signInAs('RECEPTIONIST');
    const { payment, gatewayId } = expectOk<Collected>(await pcA.call('payments.collect', { appointmentId, via: 'QR' }, deskA.sessionKey));
    const seenBefore = pcB.events.length;

    for (const e of pcA.razorpay.pay(gatewayId).events) expect(await postWebhook(`${gateway.url}${RAZORPAY_WEBHOOK_PATH}`, e)).toBe(200);
    await gateway.worker.idle();
    // PC B reads again on each payments.changed it hears (as its screens do) until the payment shows PAID;
    // the collect's own notifications may still be on their way, so one event is not enough.
    let heard = seenBefore;
    let onB: { payments: PaymentDto[] };
    for (;;) {
      const next = await waitFor('payments.changed on PC B', () => {
        const i = pcB.events.findIndex((e, at) => at >= heard && e.event === 'payments.changed' && (e.payload as { id: number }).id === payment.id);
        return i >= 0 ? i : undefined;
      });
      heard = next + 1;
      onB = expectOk<{ payments: PaymentDto[] }>(await pcB.call('payments.forAppointment', { appointmentId }, deskB.sessionKey));
      if (onB.payments[0]?.status === 'PAID') break;
    }
    expect(onB.payments).toHaveLength(1);
    expect(onB.payments[0]).toMatchObject({
      id: payment.id,
      status: 'PAID',
      amount: '499.99',
      method: 'UPI',
      receiptNumber: expect.stringMatching(/^CD-\d{4}-\d{6}$/),
    });
    expect(await pcB.knex('payments').where({ id: payment.id }).first('gateway_order_id', 'transaction_id')).toMatchObject({
      gateway_order_id: gatewayId,
      transaction_id: expect.stringMatching(/^pay_/),
    });
  });
});
