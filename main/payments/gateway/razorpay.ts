import type Razorpay from 'razorpay';
import { AppError } from '../../shared/app-error';
import { say } from '../../shared/say';
import type { GatewayCredentials, GatewayPayment, GatewaySettlement, PaymentGateway } from './gateway';

const PAGE = 100;
/** A QR image is a few kilobytes; anything this big is not one. */
const MAX_QR_IMAGE_BYTES = 2 * 1024 * 1024;
const QR_IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

interface Collection<T> {
  count: number;
  items: T[];
}

interface RazorpayPayment {
  id: string;
  amount: number;
  currency: string;
  status: string;
  method: string;
  order_id: string | null;
  notes: Record<string, string> | [];
  created_at: number;
}

interface RazorpaySettlement {
  id: string;
  amount: number;
  status: string;
  created_at: number;
}

/** Razorpay sends `notes: []` when there are none (a PHP empty array). */
const notesOf = (notes: Record<string, string> | [] | undefined): Record<string, string> => (notes && !Array.isArray(notes) ? notes : {});

/**
 * Razorpay's errors carry { statusCode, error: { code, description } }: the desk is told what it
 * refused; anything else means Razorpay could not be reached. Either way the caller's
 * transaction rolls back, so nothing is left half made.
 */
function explain(err: unknown): AppError {
  const e = err as { statusCode?: number; error?: { description?: string } };
  if (e && typeof e === 'object' && e.error?.description) return new AppError('UNAVAILABLE', say`Razorpay refused this: ${e.error.description}`);
  return new AppError('UNAVAILABLE', 'Razorpay could not be reached; try again, or take the payment at the desk');
}

async function explained<T>(work: () => Promise<unknown>): Promise<T> {
  try {
    return (await work()) as T;
  } catch (err) {
    throw explain(err);
  }
}

async function allPages<T>(page: (skip: number) => Promise<Collection<T>>): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += PAGE) {
    const { items } = await page(skip);
    out.push(...items);
    if (items.length < PAGE) return out;
  }
}

/**
 * The Razorpay adapter, through Razorpay's official package. `baseUrl` replaces
 * https://api.razorpay.com (tests: a local server speaking the same REST).
 */
export function razorpayGateway(credentials: GatewayCredentials, baseUrl?: string): PaymentGateway {
  // The package is loaded on first use, not at every start of the app: most PCs never call Razorpay.
  let client: Promise<Razorpay> | undefined;
  const connect = () =>
    (client ??= import('razorpay').then(({ default: Client }) => {
      const rp = new Client({ key_id: credentials.keyId, key_secret: credentials.keySecret });
      // The package fixes its host; its axios instance is the one place to point elsewhere.
      if (baseUrl) (rp.api as unknown as { rq: { defaults: { baseURL: string } } }).rq.defaults.baseURL = baseUrl;
      return rp;
    }));
  const call = <T>(work: (rp: Razorpay) => Promise<unknown>): Promise<T> => explained<T>(async () => work(await connect()));
  return {
    name: 'RAZORPAY',
    async createOrder(o) {
      const order = await call<{ id: string }>((rp) => rp.orders.create({ amount: o.amountPaise, currency: o.currency, receipt: o.receipt, notes: o.notes }));
      return { id: order.id };
    },
    async createQr(o) {
      const qr = await call<{ id: string; image_url: string }>((rp) =>
        rp.qrCode.create({
          type: 'upi_qr',
          name: o.name,
          usage: 'single_use',
          fixed_amount: true,
          payment_amount: o.amountPaise,
          description: o.description,
          close_by: o.closeBy,
          notes: o.notes,
        }),
      );
      return { id: qr.id, imageUrl: qr.image_url };
    },
    async qrImage(imageUrl) {
      // Razorpay's https address (or the test server the client is pointed at), nothing else.
      if (!imageUrl.startsWith('https://') && !(baseUrl && imageUrl.startsWith(`${baseUrl}/`)))
        throw new AppError('UNAVAILABLE', 'This QR image address is not a Razorpay https address');
      let res: Response;
      try {
        res = await fetch(imageUrl, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
      } catch {
        throw new AppError('UNAVAILABLE', "Razorpay's QR image could not be fetched; try again, or take the payment at the desk");
      }
      const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!res.ok || !QR_IMAGE_TYPES.has(contentType)) {
        throw new AppError('UNAVAILABLE', say`Razorpay's QR image could not be fetched (${res.status}, ${contentType || 'no type'})`);
      }
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length > MAX_QR_IMAGE_BYTES) throw new AppError('UNAVAILABLE', "Razorpay's answer is too big to be a QR image");
      return { contentType, bytes };
    },
    async createLink(o) {
      const link = await call<{ id: string; short_url: string }>((rp) =>
        rp.paymentLink.create({
          amount: o.amountPaise,
          currency: o.currency,
          description: o.description,
          reference_id: o.referenceId,
          customer: o.customer,
          // The clinic sends the link itself (messaging outbox) or prints it.
          notify: { sms: false, email: false },
          notes: o.notes,
        }),
      );
      return { id: link.id, shortUrl: link.short_url };
    },
    async cancelLink(id) {
      await call((rp) => rp.paymentLink.cancel(id));
    },
    async refund(paymentId, r) {
      const refund = await call<{ id: string; status: string }>((rp) =>
        rp.payments.refund(paymentId, { amount: r.amountPaise, receipt: r.receipt, notes: r.notes, speed: 'normal' }),
      );
      return { id: refund.id, status: refund.status };
    },
    async paymentsBetween(from, to) {
      const items = await allPages((skip) => call<Collection<RazorpayPayment>>((rp) => rp.payments.all({ from, to: to - 1, count: PAGE, skip })));
      return items.map((p): GatewayPayment => ({
        id: p.id,
        amountPaise: p.amount,
        currency: p.currency,
        status: p.status,
        method: p.method,
        orderId: p.order_id ?? null,
        notes: notesOf(p.notes),
        createdAt: p.created_at,
      }));
    },
    async settlementsBetween(from, to) {
      const items = await allPages((skip) => call<Collection<RazorpaySettlement>>((rp) => rp.settlements.all({ from, to: to - 1, count: PAGE, skip })));
      return items.map((s): GatewaySettlement => ({ id: s.id, amountPaise: s.amount, status: s.status, createdAt: s.created_at }));
    },
  };
}
