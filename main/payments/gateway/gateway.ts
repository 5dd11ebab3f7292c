/**
 * What Clinic Desk needs of a payment gateway, in the clinic's terms. Amounts are integer
 * paise (the smallest unit of the currency), never floats. Razorpay is the first adapter; a
 * second provider (Stripe, for clinics outside India) is one more file implementing this.
 */
export interface PaymentGateway {
  readonly name: 'RAZORPAY';
  /** An order for a checkout (the join page's prepay). */
  createOrder(o: { amountPaise: number; currency: string; receipt: string; notes: Record<string, string> }): Promise<{ id: string }>;
  /** A single-use UPI QR for exactly this amount, shown at the desk. */
  createQr(o: {
    amountPaise: number;
    name: string;
    description: string;
    notes: Record<string, string>;
    closeBy: number;
  }): Promise<{ id: string; imageUrl: string }>;
  /** The image of a QR made by createQr, from the address it gave (Razorpay's short link, which redirects to the image). */
  qrImage(imageUrl: string): Promise<{ contentType: string; bytes: Uint8Array }>;
  /** A payment link for remote payment (sent through the outbox or printed). */
  createLink(o: {
    amountPaise: number;
    currency: string;
    description: string;
    referenceId: string;
    customer: { name: string; contact?: string; email?: string };
    notes: Record<string, string>;
  }): Promise<{ id: string; shortUrl: string }>;
  /** Cancels a payment link not yet paid, so it can no longer be paid (Razorpay refuses a paid one). */
  cancelLink(id: string): Promise<void>;
  /** Returns part or all of a captured payment. */
  refund(paymentId: string, r: { amountPaise: number; receipt: string; notes: Record<string, string> }): Promise<{ id: string; status: string }>;
  /** Payments created in [from, to) (unix seconds), every page. */
  paymentsBetween(from: number, to: number): Promise<GatewayPayment[]>;
  /** Settlements created in [from, to) (unix seconds), every page. */
  settlementsBetween(from: number, to: number): Promise<GatewaySettlement[]>;
}

export interface GatewayPayment {
  id: string;
  amountPaise: number;
  currency: string;
  /** created, authorized, captured, refunded, failed */
  status: string;
  /** upi, card, netbanking, wallet, … */
  method: string;
  orderId: string | null;
  notes: Record<string, string>;
  createdAt: number;
}

export interface GatewaySettlement {
  id: string;
  amountPaise: number;
  status: string;
  createdAt: number;
}

export interface GatewayCredentials {
  keyId: string;
  keySecret: string;
}

/** Makes the clinic's gateway from its stored credentials (tests point it at a local fake). */
export type GatewayFactory = (credentials: GatewayCredentials) => PaymentGateway;
