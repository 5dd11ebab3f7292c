import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/open';
import { RAZORPAY_WEBHOOK_PATH, type PaymentDto } from '../../preload/contract';
import { eventually } from '../messaging/support';
import { scratchServerDatabase } from '../support/databases';
import { configureRazorpay, postWebhook, type RazorpayWebhook } from '../support/fake-razorpay';
import type { GatewayProcessMessage, GatewayProcessPlan } from '../support/gateway-process';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';

// The webhook applier killed outright (SIGKILL, no handler runs) while it is inside a payment's
// transaction, then started afresh: nothing is lost, nothing happens twice. The gateway runs as
// its own OS process, as `npm run gateway` does. Server mode only: an embedded (PGlite) database
// is one folder owned by one process, so no second process can apply its webhooks, and the
// app's own in-process worker is covered by the thrown-error crash in gateway.test.ts.
const GATEWAY_SCRIPT = path.join(__dirname, '../support/gateway-process.ts');

interface Gateway {
  child: ChildProcess;
  url: string;
  resumed: number;
  exited: Promise<NodeJS.Signals | number | null>;
}

describe('a kill -9 of the webhook applier mid-apply (server)', () => {
  const keys = testKeys();
  let h: Harness;
  let knex: Knex;
  let plan: GatewayProcessPlan;
  let dispose: () => Promise<void>;
  let desk: string;
  const running: Gateway[] = [];

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    const db = await openDatabase(s.config, { schema: 'none' });
    h = await startHarness('server', db, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    knex = h.knex;
    dispose = async () => {
      await h.dispose();
      await s.dispose();
    };
    await configureRazorpay(h);
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    plan = { config: s.config, keyFile: keys.file, razorpayUrl: h.razorpay.baseUrl };
  }, 120_000);
  afterAll(async () => {
    for (const g of running) {
      if (g.child.exitCode === null && g.child.signalCode === null) {
        g.child.disconnect();
        await g.exited;
      }
    }
    await dispose?.();
    keys.dispose();
  });

  function startGateway(): Promise<Gateway> {
    const child = fork(GATEWAY_SCRIPT, [], { execArgv: ['--require', 'tsx/cjs'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
    return new Promise((resolve, reject) => {
      child.once('message', (m: GatewayProcessMessage) => {
        if (m.type === 'failed') return reject(new Error(`gateway process failed: ${m.message}`));
        const g = { child, url: m.url, resumed: m.resumed, exited };
        running.push(g);
        resolve(g);
      });
      child.once('exit', (code) => reject(new Error(`gateway process exited (${code}) before it listened`)));
      child.send(plan);
    });
  }

  let day = 0;
  /** A payment link for a seen visit of its own, as the desk asks for it; its id at the fake gateway. */
  async function linkPayment(): Promise<{ payment: PaymentDto; plinkId: string }> {
    const [{ id: doctorId }] = await knex('doctor_entities')
      .insert({ name: `Dr. Kill ${++day}`, email: `kill${day}@clinic.test`, consultation_fee: `${600 + day}.${String(day).padStart(2, '0')}` })
      .returning('id');
    const [{ id: patientId }] = await knex('patient_entities')
      .insert({ name: `Patient ${day}`, email: `kill${day}@example.com` })
      .returning('id');
    const [{ id: appointmentId }] = await knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2098-03-03', start_time: '10:00', end_time: '10:15', status: 'COMPLETED' })
      .returning('id');
    const collected = expectOk(await h.call('payments.collect', { appointmentId, via: 'LINK' }, desk));
    return { payment: collected.payment, plinkId: collected.gatewayId };
  }

  const deliver = async (g: Gateway, events: RazorpayWebhook[]) => {
    for (const e of events) expect(await postWebhook(`${g.url}${RAZORPAY_WEBHOOK_PATH}`, e)).toBe(200);
  };
  const waiting = async () => Number((await knex('twilio_webhook_events').whereNull('processed_at').whereNull('parked_at').count({ n: '*' }))[0]!.n);
  const allApplied = (what: string) => eventually(what, async () => ((await waiting()) === 0 ? true : undefined));
  /** The gateway's connection stuck inside an apply, waiting on the lock the test holds. */
  const blockedApplier = () =>
    eventually('the applier blocked on the receipt counter inside its transaction', async () => {
      const { rows } = await knex.raw(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock' AND query ILIKE '%receipt_counters%'`,
      );
      return rows[0]?.pid as number | undefined;
    });

  it('nothing is lost or doubled: every payment PAID once, receipt numbers gapless, no event applied twice', async () => {
    const payments = [];
    for (let i = 0; i < 6; i++) payments.push(await linkPayment());
    const paid = payments.map((p) => h.razorpay.pay(p.plinkId));

    // The first two are applied by a healthy gateway.
    const first = await startGateway();
    await deliver(first, [...paid[0]!.events, ...paid[1]!.events]);
    await allApplied('the first two payments applied');

    // The next three arrive while the applier is stuck inside the first of them, holding its
    // payment's lock; it is killed there.
    const blocker = await knex.transaction();
    await blocker.raw('LOCK TABLE receipt_counters IN EXCLUSIVE MODE');
    await deliver(first, [...paid[2]!.events, ...paid[3]!.events, ...paid[4]!.events]);
    const pid = await blockedApplier();
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    await blocker.rollback();
    // Its connection goes once PostgreSQL sees the client gone; what it was applying rolled back with it.
    await eventually('the killed applier’s connection gone', async () => {
      const { rows } = await knex.raw('SELECT 1 FROM pg_stat_activity WHERE pid = ?', [pid]);
      return rows.length === 0 ? true : undefined;
    });
    const stuck = await knex('payments')
      .whereIn(
        'id',
        payments.slice(2, 5).map((p) => p.payment.id),
      )
      .pluck('status');
    expect(stuck).toEqual(['PENDING', 'PENDING', 'PENDING']);
    // A link's payment.captured names only the link's order, so it passes untouched; the link's
    // payment_link.paid is the event that was being applied, and it and all after it still wait.
    expect(await waiting()).toBe(5);

    // A new gateway takes up every stored event; Razorpay, having had no answer from the dead
    // one for a moment, delivers one of those events again, and the last payment's for the first time.
    const second = await startGateway();
    expect(second.resumed).toBe(5);
    await deliver(second, [paid[2]!.events[1]!, ...paid[5]!.events]);
    await allApplied('every stored event applied');

    const rows = await knex('payments')
      .whereIn(
        'id',
        payments.map((p) => p.payment.id),
      )
      .orderBy('paid_at')
      .orderBy('id')
      .select('id', 'status', 'amount', 'transaction_id', 'order_id', 'flagged_at');
    expect(rows).toHaveLength(6);
    const byId = new Map(rows.map((r) => [r.id, r]));
    payments.forEach((p, i) => {
      expect(byId.get(p.payment.id)).toMatchObject({ status: 'PAID', amount: p.payment.amount, transaction_id: paid[i]!.payment.id, flagged_at: null });
    });
    // Gapless: six receipts numbered one after another, and the counter issued no seventh.
    const numbers = rows.map((r) => Number(/^CD-\d{4}-(\d+)$/.exec(r.order_id)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => numbers[0]! + i));
    const counters = await knex('receipt_counters').select('last_no');
    expect(counters.map((c) => Number(c.last_no))).toEqual([numbers[5]]);
    // Each event stored once (the repeated delivery was recognised), each applied and none parked or retried.
    const events = await knex('twilio_webhook_events').where('event_type', 'like', 'razorpay.%').select('processed_at', 'parked_at', 'attempts');
    expect(events).toHaveLength(paid.flatMap((p) => p.events).length);
    expect(events.every((e) => e.processed_at !== null && e.parked_at === null && e.attempts === 0)).toBe(true);
  });
});
