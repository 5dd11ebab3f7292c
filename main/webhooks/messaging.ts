import type http from 'node:http';
import type { Knex } from 'knex';
import twilio from 'twilio';
import { readMessagingSettings } from '../messaging/repo';
import { applyInbound, applyStatusCallback } from '../messaging/replies';
import type { SecretBox } from '../secrets/secret-box';
import { readBody } from '../shared/read-body';
import { storeWebhookEvent, type WebhookRow } from './repo';

const MAX_BODY_BYTES = 64 * 1024;
const MESSAGING_STATUS = 'messaging.status';
const MESSAGING_INBOUND = 'messaging.inbound';

export interface MessagingRoute {
  kind: typeof MESSAGING_STATUS | typeof MESSAGING_INBOUND;
  /** The public URL Twilio signed: the configured address with this request's query (our message id). */
  signedUrl: string;
  authToken: string;
}

/** The messaging route a request's path names (status callbacks or replies), if messaging is set up for it. */
export async function messagingRouteOf(knex: Knex, requestUrl: string | undefined, box: SecretBox | undefined): Promise<MessagingRoute | undefined> {
  const s = await readMessagingSettings(knex);
  if (!s.twilioAuthTokenSealed || !box) return undefined;
  const asked = new URL(requestUrl ?? '/', 'http://x');
  for (const [kind, configured] of [
    [MESSAGING_STATUS, s.statusCallbackUrl],
    [MESSAGING_INBOUND, s.inboundUrl],
  ] as const) {
    if (!configured) continue;
    const url = new URL(configured);
    if (url.pathname !== asked.pathname) continue;
    url.search = asked.search;
    return { kind, signedUrl: url.toString(), authToken: box.open(s.twilioAuthTokenSealed) };
  }
  return undefined;
}

/**
 * A messaging callback or reply: signature checked against the configured address (query
 * included, as Twilio signs it) and the messaging Auth Token; stored raw once (a status per
 * message and state, a reply per message), answered 204, and applied by the webhook worker.
 */
export async function receiveMessaging(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  route: MessagingRoute,
  options: { knex: Knex; stored: (id: number) => void; answer: (res: http.ServerResponse, status: number, text?: string) => void },
): Promise<void> {
  const raw = await readBody(req, MAX_BODY_BYTES);
  if (raw === undefined) return options.answer(res, 413, 'Too large');
  const params = Object.fromEntries(new URLSearchParams(raw));
  const signature = req.headers['x-twilio-signature'];
  if (typeof signature !== 'string' || !twilio.validateRequest(route.authToken, signature, route.signedUrl, params)) {
    return options.answer(res, 403, 'Bad signature');
  }
  if (!params.MessageSid) return options.answer(res, 400, 'No MessageSid');
  const message = new URL(route.signedUrl).searchParams.get('message');
  const id = await storeWebhookEvent(options.knex, {
    eventType: route.kind,
    data: { ...params, ...(message ? { message } : {}) },
    dedupKey: route.kind === MESSAGING_STATUS ? `msg:${params.MessageSid}:${params.MessageStatus ?? ''}` : `in:${params.MessageSid}`,
  });
  options.answer(res, 204);
  if (id !== undefined) options.stored(id);
}

/** A patient's reply (which may have booked a waitlist offer), as opposed to a status callback. */
export const isPatientReply = (row: WebhookRow): boolean => row.event_type === MESSAGING_INBOUND;

/** Applies a stored messaging event inside the worker's transaction; false when the row is not a messaging event. */
export async function applyMessagingEvent(trx: Knex.Transaction, row: WebhookRow): Promise<boolean> {
  if (row.event_type === MESSAGING_STATUS) await applyStatusCallback(trx, row.event_data);
  else if (row.event_type === MESSAGING_INBOUND) await applyInbound(trx, row.event_data);
  else return false;
  return true;
}
