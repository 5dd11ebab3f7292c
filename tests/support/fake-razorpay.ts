import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { GatewayFactory } from '../../main/payments/gateway/gateway';
import { razorpayGateway } from '../../main/payments/gateway/razorpay';
import { razorpaySignature } from '../../main/payments/gateway/webhook';
import type { Harness } from './harness';

/** Keys of a made-up Razorpay account (test mode): the fake accepts exactly these. */
export const TEST_RAZORPAY = {
  keyId: 'rzp_test_Clinic0Desk0Key',
  keySecret: 'TestKeySecret0123456789ab',
  webhookSecret: 'TestWebhookSecret_0123456789',
};

/** Sets the test account up the way an ADMIN does (payments.updateSettings), so its secrets are sealed as the app seals them. */
export async function configureRazorpay(h: Pick<Harness, 'call' | 'signInAs'>, extra: { upiVpa?: string; upiPayeeName?: string } = {}): Promise<void> {
  const admin = await h.signInAs('ADMIN');
  const result = await h.call(
    'payments.updateSettings',
    {
      razorpayKeyId: TEST_RAZORPAY.keyId,
      razorpayKeySecret: TEST_RAZORPAY.keySecret,
      razorpayWebhookSecret: TEST_RAZORPAY.webhookSecret,
      upiVpa: extra.upiVpa ?? 'sunriseclinic@okhdfcbank',
      upiPayeeName: extra.upiPayeeName ?? 'Sunrise Clinic',
    },
    admin.sessionKey,
  );
  if (!result.ok) throw new Error(`configuring Razorpay failed: ${result.error.message}`);
}

type Json = Record<string, unknown>;
type Notes = Record<string, string>;

export interface FakePayment {
  id: string;
  entity: 'payment';
  amount: number;
  currency: string;
  status: 'captured' | 'failed' | 'refunded';
  order_id: string | null;
  invoice_id: null;
  international: boolean;
  method: string;
  amount_refunded: number;
  refund_status: null | 'partial' | 'full';
  captured: boolean;
  description: string | null;
  vpa: string | null;
  email: string;
  contact: string;
  notes: Notes | [];
  fee: number;
  tax: number;
  error_code: string | null;
  error_description: string | null;
  created_at: number;
}

const ERROR = (statusCode: number, description: string, field?: string) => ({
  statusCode,
  body: {
    error: {
      code: 'BAD_REQUEST_ERROR',
      description,
      source: 'business',
      step: 'payment_initiation',
      reason: 'input_validation_failed',
      metadata: {},
      ...(field ? { field } : {}),
    },
  },
});

const isPaise = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 100;
const id = (prefix: string) =>
  `${prefix}_${randomBytes(7)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

/**
 * A local server speaking Razorpay's documented REST (v1): orders, UPI QR codes, payment links,
 * refunds, payments and settlements listings, with HTTP Basic auth by key id and secret and
 * amounts as integer paise. It also plays the patient (pay) and builds the webhook events
 * Razorpay would send, signed as Razorpay signs them.
 */
export class FakeRazorpay {
  readonly orders = new Map<string, Json>();
  readonly qrCodes = new Map<string, Json>();
  readonly links = new Map<string, Json>();
  readonly payments = new Map<string, FakePayment>();
  readonly refunds = new Map<string, Json>();
  readonly settlements: Json[] = [];
  /** Each QR's image by its short code: bytes that start as a PNG does, and differ per QR. */
  readonly qrImages = new Map<string, Buffer>();
  /** Every request as received: method, path, parsed body. */
  readonly requests: { method: string; path: string; body: Json | undefined }[] = [];
  private server: http.Server | undefined;
  private port = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The app's gateway factory, its Razorpay client pointed here. */
  factory(): GatewayFactory {
    return (credentials) => razorpayGateway(credentials, this.baseUrl);
  }

  private newQrImage(): string {
    const code = randomBytes(4).toString('hex');
    this.qrImages.set(code, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), randomBytes(24)]));
    return code;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.baseUrl);
    const body = text ? (JSON.parse(text) as Json) : undefined;
    this.requests.push({ method: req.method ?? '', path: url.pathname, body });
    const reply = (statusCode: number, json: unknown) => {
      res.writeHead(statusCode, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    // QR images are public, as Razorpay's are: the short link redirects to the image.
    const short = /^\/i\/([0-9a-f]+)$/.exec(url.pathname);
    if (req.method === 'GET' && short && this.qrImages.has(short[1]!)) {
      res.writeHead(302, { Location: `${this.baseUrl}/qr-images/${short[1]}.png` });
      return void res.end();
    }
    const image = /^\/qr-images\/([0-9a-f]+)\.png$/.exec(url.pathname);
    if (req.method === 'GET' && image && this.qrImages.has(image[1]!)) {
      res.writeHead(200, { 'Content-Type': 'image/png' });
      return void res.end(this.qrImages.get(image[1]!));
    }
    const auth = Buffer.from((req.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString('utf8');
    if (auth !== `${TEST_RAZORPAY.keyId}:${TEST_RAZORPAY.keySecret}`) {
      const e = ERROR(401, 'Authentication failed');
      return reply(e.statusCode, e.body);
    }
    const answer = this.route(req.method ?? 'GET', url, body ?? {});
    reply(answer.statusCode, answer.body);
  }

  private route(method: string, url: URL, body: Json): { statusCode: number; body: unknown } {
    const ok = (json: unknown) => ({ statusCode: 200, body: json });
    const path = url.pathname;
    if (method === 'POST' && path === '/v1/orders') {
      if (!isPaise(body.amount)) return ERROR(400, 'The amount must be atleast INR 1.00', 'amount');
      if (typeof body.receipt === 'string' && body.receipt.length > 40) return ERROR(400, 'receipt: the length must be no more than 40.', 'receipt');
      const order = {
        id: id('order'),
        entity: 'order',
        amount: body.amount,
        amount_paid: 0,
        amount_due: body.amount,
        currency: body.currency ?? 'INR',
        receipt: body.receipt ?? null,
        offer_id: null,
        status: 'created',
        attempts: 0,
        notes: body.notes ?? [],
        created_at: nowSeconds(),
      };
      this.orders.set(order.id, order);
      return ok(order);
    }
    if (method === 'POST' && path === '/v1/payments/qr_codes') {
      if (body.type !== 'upi_qr') return ERROR(400, 'The type field is invalid.', 'type');
      if (body.fixed_amount !== true || !isPaise(body.payment_amount))
        return ERROR(400, 'payment_amount is required when fixed_amount is true', 'payment_amount');
      const qr = {
        id: id('qr'),
        entity: 'qr_code',
        created_at: nowSeconds(),
        name: body.name,
        usage: body.usage,
        type: 'upi_qr',
        image_url: `${this.baseUrl}/i/${this.newQrImage()}`,
        payment_amount: body.payment_amount,
        status: 'active',
        description: body.description,
        fixed_amount: true,
        payments_amount_received: 0,
        payments_count_received: 0,
        notes: body.notes ?? [],
        customer_id: null,
        close_by: body.close_by,
        closed_at: null,
        close_reason: null,
      };
      this.qrCodes.set(qr.id, qr);
      return ok(qr);
    }
    if (method === 'POST' && path === '/v1/payment_links') {
      if (!isPaise(body.amount)) return ERROR(400, 'The amount must be atleast INR 1.00', 'amount');
      const order = {
        id: id('order'),
        entity: 'order',
        amount: body.amount,
        amount_paid: 0,
        amount_due: body.amount,
        currency: body.currency ?? 'INR',
        receipt: null,
        status: 'created',
        attempts: 0,
        notes: body.notes ?? [],
        created_at: nowSeconds(),
      };
      this.orders.set(order.id, order);
      const link = {
        id: id('plink'),
        amount: body.amount,
        amount_paid: 0,
        currency: body.currency ?? 'INR',
        accept_partial: false,
        description: body.description,
        customer: body.customer,
        notify: body.notify,
        notes: body.notes ?? [],
        reference_id: body.reference_id,
        short_url: `https://rzp.io/i/${randomBytes(4).toString('hex')}`,
        status: 'created',
        order_id: order.id,
        created_at: nowSeconds(),
        upi_link: false,
      };
      this.links.set(link.id as string, link);
      return ok(link);
    }
    const cancel = /^\/v1\/payment_links\/([^/]+)\/cancel$/.exec(path);
    if (method === 'POST' && cancel) {
      const link = this.links.get(cancel[1]!);
      if (!link) return ERROR(400, 'The id provided does not exist', 'id');
      if (link.status !== 'created') return ERROR(400, `Payment link cannot be cancelled as it is already ${link.status as string}`);
      link.status = 'cancelled';
      return ok(link);
    }
    const refund = /^\/v1\/payments\/([^/]+)\/refund$/.exec(path);
    if (method === 'POST' && refund) {
      const payment = this.payments.get(refund[1]!);
      if (!payment) return ERROR(400, 'The id provided does not exist', 'id');
      const amount = body.amount ?? payment.amount - payment.amount_refunded;
      if (!isPaise(amount) && amount !== payment.amount - payment.amount_refunded) return ERROR(400, 'The amount must be atleast INR 1.00', 'amount');
      if ((amount as number) > payment.amount - payment.amount_refunded)
        return ERROR(400, 'The refund amount provided is greater than amount captured', 'amount');
      payment.amount_refunded += amount as number;
      payment.refund_status = payment.amount_refunded === payment.amount ? 'full' : 'partial';
      if (payment.refund_status === 'full') payment.status = 'refunded';
      const r = {
        id: id('rfnd'),
        entity: 'refund',
        amount,
        currency: payment.currency,
        payment_id: payment.id,
        notes: body.notes ?? [],
        receipt: body.receipt ?? null,
        acquirer_data: { rrn: null },
        created_at: nowSeconds(),
        batch_id: null,
        status: 'processed',
        speed_processed: 'normal',
        speed_requested: body.speed ?? 'normal',
      };
      this.refunds.set(r.id, r);
      return ok(r);
    }
    if (method === 'GET' && (path === '/v1/payments' || path === '/v1/settlements')) {
      const from = Number(url.searchParams.get('from') ?? 0);
      const to = Number(url.searchParams.get('to') ?? Number.MAX_SAFE_INTEGER);
      const count = Number(url.searchParams.get('count') ?? 10);
      const skip = Number(url.searchParams.get('skip') ?? 0);
      const all = (path === '/v1/payments' ? [...this.payments.values()] : this.settlements) as { created_at: number }[];
      const items = all
        .filter((x) => x.created_at >= from && x.created_at <= to)
        .sort((a, b) => b.created_at - a.created_at)
        .slice(skip, skip + count);
      return ok({ entity: 'collection', count: items.length, items });
    }
    return { statusCode: 404, body: { error: { code: 'BAD_REQUEST_ERROR', description: 'The requested URL was not found on the server.' } } };
  }

  /**
   * The patient pays the gateway object (order, QR code or payment link) `objectId`: a captured
   * payment, and the webhook events Razorpay then sends, in its order. `amount` overrides what
   * was asked (a mismatch); `method` is how they paid.
   */
  pay(
    objectId: string,
    opts: { amount?: number; currency?: string; method?: string; createdAt?: number } = {},
  ): { payment: FakePayment; events: RazorpayWebhook[] } {
    const qr = this.qrCodes.get(objectId);
    const link = this.links.get(objectId);
    const order = this.orders.get(link ? (link.order_id as string) : objectId);
    const asked = (qr?.payment_amount ?? link?.amount ?? order?.amount) as number | undefined;
    if (asked === undefined) throw new Error(`No gateway object ${objectId}`);
    if (link?.status === 'cancelled') throw new Error(`Payment link ${objectId} is cancelled: Razorpay takes no payment on it`);
    const method = opts.method ?? 'upi';
    const payment: FakePayment = {
      id: id('pay'),
      entity: 'payment',
      amount: opts.amount ?? asked,
      currency: opts.currency ?? 'INR',
      status: 'captured',
      order_id: qr ? null : ((order?.id as string) ?? null),
      invoice_id: null,
      international: false,
      method,
      amount_refunded: 0,
      refund_status: null,
      captured: true,
      description: null,
      vpa: method === 'upi' ? 'patient@okaxis' : null,
      email: 'patient@example.com',
      contact: '+919812345678',
      notes: (qr?.notes ?? link?.notes ?? order?.notes ?? []) as Notes,
      fee: Math.round((opts.amount ?? asked) * 0.02),
      tax: 0,
      error_code: null,
      error_description: null,
      created_at: opts.createdAt ?? nowSeconds(),
    };
    this.payments.set(payment.id, payment);
    const events: RazorpayWebhook[] = [webhook('payment.captured', { payment })];
    if (qr) {
      Object.assign(qr, { status: 'closed', close_reason: 'paid', payments_amount_received: payment.amount, payments_count_received: 1 });
      events.push(webhook('qr_code.credited', { payment, qr_code: qr }));
    } else if (order) {
      Object.assign(order, { status: 'paid', amount_paid: payment.amount, amount_due: 0, attempts: 1 });
      if (link) {
        Object.assign(link, { status: 'paid', amount_paid: payment.amount });
        events.push(webhook('payment_link.paid', { payment_link: link, payment, order }));
      } else {
        events.push(webhook('order.paid', { payment, order }));
      }
    }
    return { payment, events };
  }

  /** An attempt that failed (UPI collect declined), as payment.failed. */
  fail(objectId: string, description = 'Payment was unsuccessful as the UPI app declined it.'): RazorpayWebhook {
    const qr = this.qrCodes.get(objectId);
    const link = this.links.get(objectId);
    const order = this.orders.get(link ? (link.order_id as string) : objectId);
    const payment = {
      id: id('pay'),
      entity: 'payment',
      amount: (qr?.payment_amount ?? order?.amount) as number,
      currency: 'INR',
      status: 'failed',
      order_id: qr ? null : (order?.id ?? null),
      method: 'upi',
      error_code: 'BAD_REQUEST_ERROR',
      error_description: description,
      notes: (qr?.notes ?? order?.notes ?? []) as Notes,
      created_at: nowSeconds(),
    };
    const event = webhook('payment.failed', { payment });
    if (qr) event.body.payload.qr_code = { entity: qr };
    return event;
  }

  /** refund.processed for a refund made here (by the clinic, or "in the dashboard"). */
  refundEvent(refundId: string): RazorpayWebhook {
    const refund = this.refunds.get(refundId);
    if (!refund) throw new Error(`No refund ${refundId}`);
    return webhook('refund.processed', { refund, payment: this.payments.get(refund.payment_id as string) });
  }

  /** A refund made outside Clinic Desk (the Razorpay dashboard). */
  refundInDashboard(paymentId: string, amount: number): RazorpayWebhook {
    const answer = this.route('POST', new URL(`/v1/payments/${paymentId}/refund`, this.baseUrl), { amount });
    if (answer.statusCode !== 200) throw new Error(JSON.stringify(answer.body));
    return this.refundEvent((answer.body as { id: string }).id);
  }

  settle(amount: number, createdAt = nowSeconds()): void {
    this.settlements.push({
      id: id('setl'),
      entity: 'settlement',
      amount,
      status: 'processed',
      fees: 0,
      tax: 0,
      utr: randomBytes(8).toString('hex'),
      created_at: createdAt,
    });
  }
}

export interface RazorpayWebhook {
  eventId: string;
  body: { entity: 'event'; account_id: string; event: string; contains: string[]; payload: Record<string, { entity: unknown }>; created_at: number };
}

/** A webhook event as Razorpay builds it: entity "event", the entities it contains, each under payload.<name>.entity. */
export function webhook(event: string, entities: Record<string, unknown>): RazorpayWebhook {
  const payload: Record<string, { entity: unknown }> = {};
  for (const [name, entity] of Object.entries(entities)) if (entity) payload[name] = { entity: structuredClone(entity) };
  return {
    eventId: id('evt').replace('evt_', ''),
    body: { entity: 'event', account_id: 'acc_ClinicDeskTest01', event, contains: Object.keys(payload), payload, created_at: nowSeconds() },
  };
}

/** Posts a webhook to the gateway as Razorpay does: raw JSON body, its HMAC in X-Razorpay-Signature, the event id. */
export async function postWebhook(
  url: string,
  w: RazorpayWebhook,
  opts: { secret?: string; raw?: string; signature?: string; eventId?: string | null } = {},
): Promise<number> {
  const raw = opts.raw ?? JSON.stringify(w.body);
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'X-Razorpay-Signature': opts.signature ?? razorpaySignature(raw, opts.secret ?? TEST_RAZORPAY.webhookSecret),
  };
  if (opts.eventId !== null) headers['X-Razorpay-Event-Id'] = opts.eventId ?? w.eventId;
  const res = await fetch(url, { method: 'POST', headers, body: raw });
  await res.text();
  return res.status;
}
