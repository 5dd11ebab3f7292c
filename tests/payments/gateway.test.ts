import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AppointmentDto,
  AppointmentTypeDto,
  PaymentDto,
  PaymentSettingsDto,
  ReconciliationDto,
  ReconciliationRunDto,
  ReconciliationRunSummaryDto,
  UpiLinkDto,
} from '../../preload/contract';
import { joinGateway } from '../../main/gateway/join-routes';
import { WebhookWorker } from '../../main/jobs/webhook-worker';
import { PatientJoin } from '../../main/video/patient-join';
import { TwilioRooms } from '../../main/video/rooms';
import { runReconciliation } from '../../main/payments/gateway/reconciliation-job';
import { prepayDue } from '../../main/payments/gateway/repo';
import { GatewayPaymentsService } from '../../main/payments/gateway/service';
import { applyWebhookEvent } from '../../main/webhooks/apply';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { RAZORPAY_WEBHOOK_PATH } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { TEST_RAZORPAY, configureRazorpay, postWebhook, webhook, type RazorpayWebhook } from '../support/fake-razorpay';
import { configureVideo } from '../support/fake-twilio';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';
import { waitFor } from '../support/wait';

type Collected = { payment: PaymentDto; gatewayId: string; url: string | null };

describe.each(MODES)('payments through Razorpay (%s)', (mode: Mode) => {
  const keys = testKeys();
  let h: Harness;
  let knex: Knex;
  let desk: { sessionKey: string };
  let admin: { sessionKey: string };
  let doctorId: number;
  let patientId: number;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  let day = 0;

  beforeAll(async () => {
    h = await startHarness(mode, undefined, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    knex = h.knex;
    desk = await h.signInAs('RECEPTIONIST');
    admin = await h.signInAs('ADMIN');
    expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' }, admin.sessionKey));
    await configureRazorpay(h);
    [{ id: doctorId }] = await knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha@clinic.test', consultation_fee: '650.29' }).returning('id');
    [{ id: patientId }] = await knex('patient_entities').insert({ name: 'Ravi Kumar', phone: '+919812345678', email: 'ravi@example.com' }).returning('id');
    worker = new WebhookWorker(knex, { log: () => undefined, backoffMs: () => 0 });
    receiver = await startWebhookReceiver({ knex, log: () => undefined, secretBox: keys.secretBox, stored: (id) => worker.enqueue(id) });
  });
  afterAll(async () => {
    await receiver?.close();
    await worker?.stop();
    await h?.dispose();
    keys.dispose();
  });

  async function appointment(): Promise<number> {
    const date = new Date(Date.UTC(2098, 0, 1 + ++day)).toISOString().slice(0, 10);
    const [{ id }] = await knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: date, start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
      .returning('id');
    return id;
  }

  const url = () => `${receiver.url}${RAZORPAY_WEBHOOK_PATH}`;
  const collect = async (via: 'QR' | 'LINK' | 'ORDER', appointmentId?: number) =>
    expectOk<Collected>(await h.call('payments.collect', { appointmentId: appointmentId ?? (await appointment()), via }, desk.sessionKey));
  const payment = (id: number) => knex('payments').where({ id }).first();
  /** Delivers events as Razorpay does, then waits until the worker has applied them. */
  async function deliver(...events: RazorpayWebhook[]): Promise<void> {
    for (const e of events) expect(await postWebhook(url(), e)).toBe(200);
    await worker.idle();
  }
  const stored = () =>
    knex('twilio_webhook_events')
      .where('event_type', 'like', 'razorpay.%')
      .count<{ n: string }[]>({ n: '*' })
      .then((r) => Number(r[0]!.n));

  it('keeps the keys and webhook secret write-only and sealed at rest', async () => {
    const settings = expectOk<PaymentSettingsDto>(await h.call('payments.getSettings', {}, admin.sessionKey));
    expect(settings).toMatchObject({
      razorpayKeyId: TEST_RAZORPAY.keyId,
      razorpayKeySecretSet: true,
      razorpayWebhookSecretSet: true,
      razorpayTestMode: true,
      gatewayConfigured: true,
      webhookPath: RAZORPAY_WEBHOOK_PATH,
    });
    expect(JSON.stringify(settings)).not.toContain(TEST_RAZORPAY.keySecret);
    expect(JSON.stringify(settings)).not.toContain(TEST_RAZORPAY.webhookSecret);
    const row = await knex('payment_settings').where({ id: 1 }).first();
    for (const column of ['razorpay_key_secret', 'razorpay_webhook_secret']) {
      expect(row[column]).toMatch(/^sealed:v1:/);
    }
    expect(JSON.stringify(row)).not.toContain(TEST_RAZORPAY.keySecret);
    expect(JSON.stringify(row)).not.toContain(TEST_RAZORPAY.webhookSecret);
    // A bad key id is refused by name and changes nothing.
    const before = await databaseSnapshot(knex, ['audit_log']);
    expect(await h.callRaw('payments.updateSettings', { razorpayKeyId: 'sk_live_123' }, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'razorpayKeyId' },
    });
    expect(await databaseSnapshot(knex, ['audit_log'])).toBe(before);
  });

  it('builds the desk UPI QR link for exactly what is due', async () => {
    const id = await appointment();
    const upi = expectOk<UpiLinkDto>(await h.call('payments.upiLink', { appointmentId: id }, desk.sessionKey));
    expect(upi).toMatchObject({ amount: '650.29', currency: 'INR', vpa: 'sunriseclinic@okhdfcbank', payeeName: 'Sunrise Clinic', reference: `CD-APT-${id}` });
    expect(upi.link).toBe(`upi://pay?pa=sunriseclinic%40okhdfcbank&pn=Sunrise%20Clinic&am=650.29&cu=INR&tr=CD-APT-${id}&tn=Sunrise%20Clinic%20CD-APT-${id}`);
    // Part paid at the desk: the QR asks only for the rest.
    expectOk(await h.call('payments.record', { appointmentId: id, method: 'CASH', amount: '150.10' }, desk.sessionKey));
    expect(expectOk<UpiLinkDto>(await h.call('payments.upiLink', { appointmentId: id }, desk.sessionKey)).amount).toBe('500.19');
    expectOk(await h.call('payments.record', { appointmentId: id, method: 'CASH', amount: '500.19' }, desk.sessionKey));
    expect(await h.callRaw('payments.upiLink', { appointmentId: id }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/Nothing is due/) },
    });
  });

  it('a desk QR is a PENDING payment until qr_code.credited makes it PAID with the next receipt number, and every PC hears of it', async () => {
    const { payment: pending, gatewayId, url: image } = await collect('QR');
    expect(pending).toMatchObject({ status: 'PENDING', receiptNumber: null, amount: '650.29', method: 'UPI' });
    // The fake serves each QR's image itself, behind a short link, as Razorpay does at rzp.io.
    expect(image).toMatch(new RegExp(`^${h.razorpay.baseUrl}/i/[0-9a-f]+$`));
    const asked = h.razorpay.requests.find(
      (r) => r.path === '/v1/payments/qr_codes' && (r.body?.notes as Record<string, string>)?.clinic_payment_id === String(pending.id),
    );
    // Paise as an integer: 650.29 rupees, exactly.
    expect(asked?.body).toMatchObject({ type: 'upi_qr', usage: 'single_use', fixed_amount: true, payment_amount: 65029 });
    expect(await payment(pending.id)).toMatchObject({ gateway: 'RAZORPAY', gateway_order_id: gatewayId, transaction_id: null });

    const eventsBefore = h.events.length;
    const { payment: paid, events } = h.razorpay.pay(gatewayId);
    await deliver(...events);
    const row = await payment(pending.id);
    expect(row).toMatchObject({ status: 'PAID', transaction_id: paid.id, gateway_method: 'upi', payment_method: 'UPI', amount: '650.29', flag_reason: null });
    expect(row.order_id).toMatch(/^CD-\d{4}-\d{6}$/);
    await waitFor('payments.changed for the paid payment', () =>
      h.events.slice(eventsBefore).find((e) => e.event === 'payments.changed' && (e.payload as { id: number }).id === pending.id),
    );
  });

  it('refuses a wrong secret, a tampered body and a missing signature with 400 and stores nothing; a replay is applied once', async () => {
    const { payment: pending, gatewayId } = await collect('ORDER');
    const { events } = h.razorpay.pay(gatewayId);
    const captured = events[0]!;
    const before = await stored();
    expect(await postWebhook(url(), captured, { secret: 'NotTheWebhookSecret_000' })).toBe(400);
    const tampered = JSON.stringify(captured.body).replace(String(65029), '100');
    expect(
      await postWebhook(url(), captured, {
        raw: tampered,
        signature: (await import('../../main/payments/gateway/webhook')).razorpaySignature(JSON.stringify(captured.body), TEST_RAZORPAY.webhookSecret),
      }),
    ).toBe(400);
    expect(await postWebhook(url(), captured, { signature: '' })).toBe(400);
    expect(await postWebhook(url(), captured, { eventId: null })).toBe(400);
    expect(await stored()).toBe(before);
    expect(await payment(pending.id)).toMatchObject({ status: 'PENDING' });

    await deliver(captured, captured, ...events, captured);
    expect(await stored()).toBe(before + events.length);
    const row = await payment(pending.id);
    expect(row.status).toBe('PAID');
    const receipts = await knex('payments').where({ order_id: row.order_id }).count<{ n: string }[]>({ n: '*' });
    expect(Number(receipts[0]!.n)).toBe(1);
  });

  it('applies events in any order: the credit before the capture, a failure before and after', async () => {
    const { payment: pending, gatewayId } = await collect('QR');
    await deliver(h.razorpay.fail(gatewayId));
    expect(await payment(pending.id)).toMatchObject({ status: 'PENDING', gateway_error: expect.stringMatching(/declined/) });
    const shown = expectOk<{ payments: PaymentDto[] }>(await h.call('payments.forAppointment', { appointmentId: pending.appointmentId }, desk.sessionKey));
    expect(shown.payments[0]!.gatewayError).toMatch(/declined/);

    const { payment: paid, events } = h.razorpay.pay(gatewayId);
    await deliver(...[...events].reverse());
    expect(await payment(pending.id)).toMatchObject({ status: 'PAID', transaction_id: paid.id, gateway_error: null });
    const late = h.razorpay.fail(gatewayId, 'A late failure of another attempt');
    await deliver(late);
    expect(await payment(pending.id)).toMatchObject({ status: 'PAID', gateway_error: null });
  });

  it('flags an amount or currency that does not match, never accepting it', async () => {
    const { payment: pending, gatewayId } = await collect('ORDER');
    const { events } = h.razorpay.pay(gatewayId, { amount: 65028 });
    await deliver(...events);
    const row = await payment(pending.id);
    expect(row).toMatchObject({ status: 'PENDING', order_id: null, paid_at: null });
    expect(row.flag_reason).toMatch(/was INR 650\.28, not INR 650\.29/);

    const other = await collect('ORDER');
    await deliver(...h.razorpay.pay(other.gatewayId, { currency: 'USD' }).events);
    expect(await payment(other.payment.id)).toMatchObject({ status: 'PENDING', flag_reason: expect.stringMatching(/USD 650\.29/) });
  });

  it('a payment link paid for a teleconsultation reaches PAID once, whichever of its three events comes first', async () => {
    const { payment: pending, gatewayId, url: link } = await collect('LINK');
    expect(link).toMatch(/^https:\/\/rzp\.io\//);
    expect(h.razorpay.requests.find((r) => r.path === '/v1/payment_links' && r.body?.reference_id === `CD-PAY-${pending.id}`)?.body).toMatchObject({
      amount: 65029,
      currency: 'INR',
      customer: { name: 'Ravi Kumar', contact: '+919812345678', email: 'ravi@example.com' },
    });
    const { payment: paid, events } = h.razorpay.pay(gatewayId, { method: 'card' });
    await deliver(events[1]!, events[0]!);
    expect(await payment(pending.id)).toMatchObject({ status: 'PAID', transaction_id: paid.id, gateway_method: 'card', payment_method: 'CARD' });
  });

  it('refunds part of a gateway payment through Razorpay as a linked credit note; refund.processed adds nothing, a dashboard refund adds its own', async () => {
    const { payment: pending, gatewayId } = await collect('QR');
    const { payment: paid, events } = h.razorpay.pay(gatewayId);
    await deliver(...events);
    const refund = expectOk<PaymentDto>(
      await h.call('payments.refund', { paymentId: pending.id, amount: '100.29', reason: 'Lab test not done' }, admin.sessionKey),
    );
    expect(refund).toMatchObject({ kind: 'REFUND', refundOf: pending.id, amount: '-100.29', status: 'REFUNDED' });
    const atGateway = [...h.razorpay.refunds.values()].find((r) => r.payment_id === paid.id)!;
    expect(atGateway).toMatchObject({ amount: 10029, receipt: refund.receiptNumber });
    expect(await payment(refund.id)).toMatchObject({ gateway_refund_id: atGateway.id, gateway_method: 'upi' });
    await deliver(h.razorpay.refundEvent(atGateway.id as string));
    expect(
      await knex('payments')
        .where({ refund_of: pending.id })
        .count<{ n: string }[]>({ n: '*' })
        .then((r) => Number(r[0]!.n)),
    ).toBe(1);

    // The rest refunded in the Razorpay dashboard: the webhook writes its credit note and the payment is REFUNDED.
    await deliver(h.razorpay.refundInDashboard(paid.id, 55000));
    const refunds = await knex('payments').where({ refund_of: pending.id }).orderBy('id');
    expect(refunds.map((r) => r.amount)).toEqual(['-100.29', '-550.00']);
    expect(refunds[1].order_id).toMatch(/^CD-\d{4}-\d{6}$/);
    expect(await payment(pending.id)).toMatchObject({ status: 'REFUNDED' });
  });

  it('a worker killed mid-apply loses and repeats nothing after restart', async () => {
    const collected = await Promise.all([collect('QR'), collect('QR'), collect('QR')]);
    // Stored while nobody applies them (the receiver's worker is stopped), as after a burst.
    await worker.stop();
    const all = collected.flatMap((c) => h.razorpay.pay(c.gatewayId).events);
    for (const e of all) expect(await postWebhook(url(), e)).toBe(200);
    let applied = 0;
    const dying: WebhookWorker = new WebhookWorker(knex, {
      log: () => undefined,
      apply: async (trx, row) => {
        await applyWebhookEvent(trx, row);
        // The third event's effect is written, then the process dies before it commits.
        if (++applied === 3) {
          void dying.stop();
          throw new Error('process killed');
        }
      },
    });
    expect(await dying.start()).toBe(all.length);
    await dying.idle();
    worker = new WebhookWorker(knex, { log: () => undefined, backoffMs: () => 0 });
    expect(await worker.start()).toBe(all.length - 2);
    await worker.idle();
    const rows = await knex('payments')
      .whereIn(
        'id',
        collected.map((c) => c.payment.id),
      )
      .orderBy('id');
    expect(rows.map((r) => r.status)).toEqual(['PAID', 'PAID', 'PAID']);
    const numbers = rows.map((r) => Number(String(r.order_id).slice(-6))).sort((a, b) => a - b);
    // Gapless: three consecutive receipt numbers, none lost to the crash.
    expect(numbers[2]! - numbers[0]!).toBe(2);
    expect(new Set(numbers).size).toBe(3);
    // The receiver hands new events to the new worker from here on.
    await receiver.close();
    receiver = await startWebhookReceiver({ knex, log: () => undefined, secretBox: keys.secretBox, stored: (id) => worker.enqueue(id) });
  });

  it('reconciles the day with Razorpay: flagged payments and money only at the gateway are listed, takings by method exact to the paisa', async () => {
    const date = (await knex.raw(`SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date::text AS d`)).rows[0].d as string;
    // Money at the gateway for an order Clinic Desk never made.
    const stray = await h.razorpay
      .factory()({ keyId: TEST_RAZORPAY.keyId, keySecret: TEST_RAZORPAY.keySecret })
      .createOrder({ amountPaise: 12345, currency: 'INR', receipt: 'elsewhere', notes: {} });
    const { payment: strayPayment, events } = h.razorpay.pay(stray.id, { method: 'netbanking' });
    await deliver(...events);
    h.razorpay.settle(100000);
    const report = expectOk<ReconciliationDto>(await h.call('payments.reconciliation', { date }, admin.sessionKey));
    const kinds = report.mismatches.map((m) => m.kind);
    expect(report.mismatches.find((m) => m.kind === 'ONLY_AT_GATEWAY')).toMatchObject({ gatewayPaymentId: strayPayment.id, gatewayAmount: '123.45' });
    expect(kinds.filter((k) => k === 'ONLY_AT_GATEWAY')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'FLAGGED')).toHaveLength(2);
    expect(kinds).not.toContain('AMOUNT_DIFFERS');
    expect(kinds).not.toContain('ONLY_IN_CLINIC');
    expect(report.settled).toBe('1000.00');
    // Every PAID gateway payment of this file was 650.29; one was refunded 100.29 + 550.00.
    const paidCount = Number(
      (
        await knex('payments').where({ gateway: 'RAZORPAY' }).whereNull('refund_of').whereIn('status', ['PAID', 'REFUNDED']).count<{ n: string }[]>({ n: '*' })
      )[0]!.n,
    );
    const upi = report.byGatewayMethod.find((m) => m.method === 'upi')!;
    const card = report.byGatewayMethod.find((m) => m.method === 'card')!;
    expect(card).toMatchObject({ net: '650.29', payments: 1 });
    const upiCount = paidCount - 1;
    expect(upi.payments).toBe(upiCount);
    // 650.29 × n − 650.29, computed in paise as integers.
    const expectedPaise = 65029 * upiCount - 65029;
    expect(upi.net).toBe(`${Math.floor(expectedPaise / 100)}.${String(expectedPaise % 100).padStart(2, '0')}`);
    // The day-end every desk closes shows the same gateway takings.
    const dayEnd = expectOk(await h.call('payments.dayEnd', { date }, desk.sessionKey));
    expect(dayEnd.gatewayByMethod).toEqual(report.byGatewayMethod);
    // The daily job stores the same result once per day, however often it runs.
    const service = new GatewayPaymentsService(knex, keys.secretBox, h.razorpay.factory());
    expect(await runReconciliation(knex, service, date)).toBe(true);
    expect(await runReconciliation(knex, service, date)).toBe(false);
    const runs = await knex('payment_reconciliations').where({ day: date });
    expect(runs).toHaveLength(1);
    expect(runs[0].mismatches).toBe(report.mismatches.length);
    expect(runs[0].result.mismatches).toEqual(report.mismatches);
    // A webhook with nothing of the clinic's changes nothing in Clinic Desk.
    expect(await knex('payments').where({ transaction_id: strayPayment.id }).first()).toBeUndefined();
  });

  it('lists the stored reconciliation runs for an ADMIN, opens one with its differences, and "Run now" replaces a day’s run', async () => {
    const date = (await knex.raw(`SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date::text AS d`)).rows[0].d as string;
    const ran = expectOk<ReconciliationRunDto>(await h.call('payments.runReconciliation', { date }, admin.sessionKey));
    expect(ran).toMatchObject({ date, differences: ran.result.mismatches.length, status: ran.differences === 0 ? 'AGREES' : 'DIFFERENCES' });
    const fresh = expectOk<ReconciliationDto>(await h.call('payments.reconciliation', { date }, admin.sessionKey));
    expect(ran.result).toEqual(fresh);
    const runs = expectOk<ReconciliationRunSummaryDto[]>(await h.call('payments.reconciliationRuns', {}, admin.sessionKey));
    expect(runs.find((r) => r.date === date)).toEqual({ date, ranAt: ran.ranAt, differences: ran.differences, status: ran.status });
    expect(expectOk<ReconciliationRunDto>(await h.call('payments.reconciliationRun', { date }, admin.sessionKey))).toEqual(ran);
    // Run again: the day keeps one run, the newer one.
    const again = expectOk<ReconciliationRunDto>(await h.call('payments.runReconciliation', { date }, admin.sessionKey));
    expect(Date.parse(again.ranAt)).toBeGreaterThanOrEqual(Date.parse(ran.ranAt));
    expect(await knex('payment_reconciliations').where({ day: date })).toHaveLength(1);
    const before = await databaseSnapshot(knex, ['audit_log']);
    expect(await h.callRaw('payments.runReconciliation', { date: '2999-01-01' }, admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'date', message: 'That day has not begun; choose today or an earlier day' },
    });
    expect(await h.callRaw('payments.reconciliationRun', { date: '2001-01-01' }, admin.sessionKey)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await databaseSnapshot(knex, ['audit_log'])).toBe(before);
    expect(await h.callRaw('payments.reconciliationRuns', {}, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('asks a teleconsultation patient to pay first when the clinic says so, and lets them in once the link is paid', async () => {
    await configureVideo(knex);
    expect(expectOk<PaymentSettingsDto>(await h.call('payments.updateSettings', { teleconsultPrepay: true }, admin.sessionKey)).teleconsultPrepay).toBe(true);
    const id = await appointment();
    const { appointment_date: date } = await knex('appointment_entities').where({ id }).first('appointment_date');
    // 10:05 in Kolkata: inside the join window of the 10:00 appointment.
    const clock = Date.parse(`${date}T04:35:00Z`);
    const patientJoin = new PatientJoin(knex, new TwilioRooms(h.twilio.httpClient()), keys.secretBox, () => clock);
    const joinSite = await startWebhookReceiver({
      knex,
      log: () => undefined,
      secretBox: keys.secretBox,
      stored: () => undefined,
      join: joinGateway({ patientJoin, now: () => clock, log: () => undefined }),
    });
    try {
      const code = new URL(expectOk<{ link: string }>(await h.call('video.patientLink', { appointmentId: id }, admin.sessionKey)).link).pathname
        .split('/')
        .at(-1)!;
      const status = async () => (await fetch(`${joinSite.url}/join/${code}/status`)).json();
      expect(await status()).toMatchObject({ place: 'unpaid', payUrl: null });
      expect((await fetch(`${joinSite.url}/join/${code}/token`, { method: 'POST' })).status).toBe(409);

      const { gatewayId, url: payUrl } = await collect('LINK', id);
      expect(await status()).toMatchObject({ place: 'unpaid', payUrl });
      const page = await (await fetch(`${joinSite.url}/join/${code}`)).text();
      expect(page).toContain(`<a href="${payUrl}" rel="noopener noreferrer">Pay now</a>`);

      await deliver(...h.razorpay.pay(gatewayId).events);
      expect(await status()).toMatchObject({ place: 'inside' });
      const joined = await fetch(`${joinSite.url}/join/${code}/token`, { method: 'POST' });
      expect(joined.status).toBe(200);
      expect(await joined.json()).toMatchObject({ place: 'joined' });
    } finally {
      await joinSite.close();
      expectOk(await h.call('payments.updateSettings', { teleconsultPrepay: false }, admin.sessionKey));
    }
  });

  it('a video type that asks prepay gets its payment link at booking through the outbox and holds its patient until paid; the type wins over the clinic', async () => {
    const date = '2098-06-01';
    await knex('doctor_availabilities').insert({ doctor_id: doctorId, date, start_time: '09:00', end_time: '13:00', slot_minutes: 15 });
    const create = (payload: Record<string, unknown>) =>
      h.callRaw('appointmentTypes.create', { durationMinutes: 15, fee: '450.75', ...payload }, admin.sessionKey);
    expect(await create({ name: 'Visit, pay first', mode: 'IN_PERSON', prepayRequired: true })).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'prepayRequired', message: 'Only a video type can ask patients to pay before they join' },
    });
    const payFirst = expectOk<AppointmentTypeDto>(await create({ name: 'Video, pay first', mode: 'VIDEO', prepayRequired: true, doctors: [{ doctorId }] }));
    const payLater = expectOk<AppointmentTypeDto>(await create({ name: 'Video, pay later', mode: 'VIDEO', doctors: [{ doctorId }] }));
    expect([payFirst.prepayRequired, payLater.prepayRequired]).toEqual([true, false]);
    const book = async (startTime: string, appointmentTypeId: number) =>
      expectOk<AppointmentDto>(await h.call('appointments.book', { patientId, doctorId, date, startTime, appointmentTypeId }, desk.sessionKey));
    await knex('messaging_settings').where({ id: 1 }).update({ enabled: true });
    try {
      const booked = await book('09:00', payFirst.id);
      const pending = await knex('payments').where({ appointment_id: booked.id }).first();
      expect(pending).toMatchObject({ status: 'PENDING', amount: '450.75', gateway: 'RAZORPAY' });
      expect(pending.gateway_order_id).toMatch(/^plink_/);
      const sent = await knex('patient_messages').where({ appointment_id: booked.id, kind: 'PAYMENT_LINK' });
      expect(sent.map((m) => m.link)).toEqual([pending.gateway_url]);
      expect(await prepayDue(knex, booked.id)).toEqual({ due: '450.75', payUrl: pending.gateway_url });

      // The clinic asks every teleconsultation to pay first; a type that does not still wins.
      expectOk(await h.call('payments.updateSettings', { teleconsultPrepay: true }, admin.sessionKey));
      const later = await book('09:15', payLater.id);
      expect(await knex('payments').where({ appointment_id: later.id })).toEqual([]);
      expect(await knex('patient_messages').where({ appointment_id: later.id, kind: 'PAYMENT_LINK' })).toEqual([]);
      expect(await prepayDue(knex, later.id)).toBeUndefined();

      // Paid through the link: nothing is due, the join page admits the patient.
      await deliver(...h.razorpay.pay(pending.gateway_order_id).events);
      expect(await payment(pending.id)).toMatchObject({ status: 'PAID', amount: '450.75' });
      expect(await prepayDue(knex, booked.id)).toBeUndefined();
    } finally {
      await knex('messaging_settings').where({ id: 1 }).update({ enabled: false });
      expectOk(await h.call('payments.updateSettings', { teleconsultPrepay: false }, admin.sessionKey));
    }
  });

  it('tells the desk what Razorpay refused and leaves nothing behind', async () => {
    expectOk(await h.call('payments.updateSettings', { razorpayKeySecret: 'NotTheKeySecret_0000' }, admin.sessionKey));
    const id = await appointment();
    const before = await databaseSnapshot(knex, ['audit_log']);
    expect(await h.callRaw('payments.collect', { appointmentId: id, via: 'QR' }, desk.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'Razorpay refused this: Authentication failed' },
    });
    expect(await databaseSnapshot(knex, ['audit_log'])).toBe(before);
    await configureRazorpay(h);
  });

  it('removing the key secret is audited without its value; the gateway then reads as not configured and the desk is told to take UPI and the UTR', async () => {
    const id = await appointment();
    const cleared = expectOk<PaymentSettingsDto>(await h.call('payments.updateSettings', { razorpayKeySecret: null }, admin.sessionKey));
    expect(cleared).toMatchObject({
      razorpayKeySecretSet: false,
      razorpayWebhookSecretSet: true,
      gatewayConfigured: false,
      razorpayKeyId: TEST_RAZORPAY.keyId,
    });
    expect((await knex('payment_settings').where({ id: 1 }).first()).razorpay_key_secret).toBeNull();
    const audit = await knex('audit_log').where({ action: 'payments.updateSettings' }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ entity: 'settings', outcome: 'OK', detail: { changes: { razorpayKeySecret: 'removed' } } });
    const account = expectOk<{ gatewayUnavailable: string | null }>(await h.call('payments.forAppointment', { appointmentId: id }, desk.sessionKey));
    expect(account.gatewayUnavailable).toBe(
      'Razorpay is not set up (no key secret in the payment settings): take the payment below with the UPI QR and the UTR',
    );
    const before = await databaseSnapshot(knex, ['audit_log']);
    expect(await h.callRaw('payments.collect', { appointmentId: id, via: 'QR' }, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(await databaseSnapshot(knex, ['audit_log'])).toBe(before);
    // The desk's own UPI QR still works.
    expect(expectOk<UpiLinkDto>(await h.call('payments.upiLink', { appointmentId: id }, desk.sessionKey)).amount).toBe('650.29');
    // Typing a new one is audited as set, never with its value.
    await configureRazorpay(h);
    const set = await knex('audit_log').where({ action: 'payments.updateSettings' }).orderBy('id', 'desc').first();
    expect(set.detail.changes.razorpayKeySecret).toBe('set');
    expect(JSON.stringify(set.detail)).not.toContain(TEST_RAZORPAY.keySecret);
    expect(
      expectOk<{ gatewayUnavailable: string | null }>(await h.call('payments.forAppointment', { appointmentId: id }, desk.sessionKey)).gatewayUnavailable,
    ).toBeNull();
  });

  it('answers 503 while no webhook secret is set, and stores nothing', async () => {
    const before = await stored();
    expectOk(await h.call('payments.updateSettings', { razorpayWebhookSecret: null }, admin.sessionKey));
    expect(await postWebhook(url(), webhook('payment.captured', { payment: { id: 'pay_x', amount: 100, currency: 'INR', status: 'captured' } }))).toBe(503);
    expect(await stored()).toBe(before);
    await configureRazorpay(h);
  });
});
