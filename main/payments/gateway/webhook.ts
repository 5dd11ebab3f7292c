import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import type { Knex } from 'knex';
import type { SecretBox } from '../../secrets/secret-box';
import { readBody } from '../../shared/read-body';
import { storeWebhookEvent } from '../../webhooks/repo';
import { readPaymentSettings } from './settings-repo';
import { webhookSecretOf } from './settings';

const MAX_BODY_BYTES = 256 * 1024;
/** Stored events of the gateway carry this prefix in the webhook table's event_type. */
export const RAZORPAY_EVENT_PREFIX = 'razorpay.';

/** HMAC-SHA256 of the raw body with the webhook secret, hex, as Razorpay's X-Razorpay-Signature. */
export function razorpaySignature(rawBody: string, secret: string): string {
  return createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex');
}

/** Compared in constant time: how much of a guess matched never shows in the answer's timing. */
export function isValidRazorpaySignature(rawBody: string, signature: string, secret: string): boolean {
  const expected = Buffer.from(razorpaySignature(rawBody, secret), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A Razorpay webhook: the signature checked against the webhook secret (read per request, so an
 * ADMIN's change applies at once); a bad or missing one gets 400 and nothing is stored. A valid
 * event is stored raw once per x-razorpay-event-id (Razorpay re-sends an event with the same
 * id), answered 200 at once, and applied by the webhook worker.
 */
export async function receiveRazorpay(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  options: { knex: Knex; secretBox: SecretBox; stored: (id: number) => void; answer: (res: http.ServerResponse, status: number, text?: string) => void },
): Promise<void> {
  const secret = webhookSecretOf(await readPaymentSettings(options.knex), options.secretBox);
  if (!secret) return options.answer(res, 503, 'Razorpay webhooks are not configured');
  const raw = await readBody(req, MAX_BODY_BYTES);
  if (raw === undefined) return options.answer(res, 413, 'Too large');
  const signature = req.headers['x-razorpay-signature'];
  if (typeof signature !== 'string' || !isValidRazorpaySignature(raw, signature, secret)) return options.answer(res, 400, 'Bad signature');
  const eventId = req.headers['x-razorpay-event-id'];
  if (typeof eventId !== 'string' || !/^[A-Za-z0-9_]{1,100}$/.test(eventId)) return options.answer(res, 400, 'No event id');
  let event: unknown;
  try {
    event = JSON.parse(raw);
  } catch {
    return options.answer(res, 400, 'Not JSON');
  }
  const name = (event as { event?: unknown } | null)?.event;
  if (typeof name !== 'string') return options.answer(res, 400, 'Not a Razorpay event');
  const id = await storeWebhookEvent(options.knex, {
    eventType: `${RAZORPAY_EVENT_PREFIX}${name}`.slice(0, 100),
    data: { raw, eventId },
    dedupKey: `razorpay:${eventId}`,
  });
  options.answer(res, 200);
  if (id !== undefined) options.stored(id);
}
