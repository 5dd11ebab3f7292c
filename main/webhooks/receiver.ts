import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Knex } from 'knex';
import twilio from 'twilio';
import type { SecretBox } from '../secrets/secret-box';
import { openVideoSecrets } from '../video/settings';
import { readVideoSettings } from '../video/settings-repo';
import { messagingRouteOf, receiveMessaging } from './messaging';
import { storeWebhookEvent } from './repo';
import { readBody } from '../shared/read-body';
import { limitedServer, type HttpLimits } from '../shared/http-limits';
import { GATEWAY_HEADERS } from '../gateway/headers';
import { joinRouteOf, type joinGateway } from '../gateway/join-routes';
import { RAZORPAY_WEBHOOK_PATH } from '../../preload/contract';
import { receiveRazorpay } from '../payments/gateway/webhook';

const MAX_BODY_BYTES = 64 * 1024;

export interface WebhookReceiverOptions {
  knex: Knex;
  /** Called with the id of each newly stored event (the worker applies it). */
  stored: (id: number) => void;
  log: (message: string, err: unknown) => void;
  /** Opens the sealed Auth Token that signatures are checked with. */
  secretBox: SecretBox;
  port?: number;
  host?: string;
  /** Time-outs and the connection cap: this server faces the internet (tests shorten them). */
  limits?: Partial<HttpLimits>;
  /** The clock events' Timestamps are judged by (tests set it). */
  now?: () => number;
  /** The patient's join page and its token exchange (the gateway); absent, /join/ is not served. */
  join?: ReturnType<typeof joinGateway>;
}

export interface WebhookReceiver {
  /** Where it listens, e.g. http://127.0.0.1:8790 (a reverse proxy or tunnel gives Twilio the public URL). */
  url: string;
  close(): Promise<void>;
}

/**
 * Twilio retries a callback it thinks failed; room + sequence number identify a repeat. An
 * event without a sequence number is named by its fields in sorted order plus its signature:
 * the signature covers the sorted fields, so the same event re-sent with its fields reordered
 * (or re-encoded) is still valid and must still be the same event — a hash of the raw body is not.
 */
function dedupKeyOf(params: Record<string, string>, signature: string): string {
  if (params.RoomSid && params.SequenceNumber) return `${params.RoomSid}:${params.SequenceNumber}`;
  const sorted = Object.keys(params)
    .sort()
    .map((k) => [k, params[k]]);
  return `sha256:${createHash('sha256')
    .update(JSON.stringify([sorted, signature]))
    .digest('hex')}`;
}

/** How old (or how far ahead of this clock) an event's Timestamp may be: a captured, validly signed callback replayed later is refused. */
const WEBHOOK_MAX_AGE_MS = 15 * 60_000;
const WEBHOOK_MAX_AHEAD_MS = 5 * 60_000;

function isFresh(timestamp: string | undefined, now: number): boolean {
  const at = timestamp === undefined ? Number.NaN : Date.parse(timestamp);
  return Number.isFinite(at) && at >= now - WEBHOOK_MAX_AGE_MS && at <= now + WEBHOOK_MAX_AHEAD_MS;
}

function answer(res: http.ServerResponse, status: number, text = ''): void {
  res.writeHead(status, { ...GATEWAY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Twilio Video status callbacks over plain HTTP. Each request's X-Twilio-Signature is checked
 * with the twilio package against the configured public webhook URL and Auth Token (read per
 * request, so an ADMIN's change applies at once); a bad or missing one gets 403 and nothing is
 * stored; a stale or undated one gets 400. A valid event is stored raw (once), answered 204
 * straight away and handed to the worker.
 */
export async function startWebhookReceiver(options: WebhookReceiverOptions): Promise<WebhookReceiver> {
  const server = limitedServer(options.limits, async (req, res) => {
    try {
      const join = options.join && joinRouteOf(req.url);
      if (join) return await options.join!(req, res, join);
      if (req.method !== 'POST') return answer(res, 405, 'POST only');
      if (new URL(req.url ?? '/', 'http://x').pathname === RAZORPAY_WEBHOOK_PATH) {
        return await receiveRazorpay(req, res, { knex: options.knex, secretBox: options.secretBox, stored: options.stored, answer });
      }
      const messaging = await messagingRouteOf(options.knex, req.url, options.secretBox);
      if (messaging) return await receiveMessaging(req, res, messaging, { knex: options.knex, stored: options.stored, answer });
      const settings = openVideoSecrets(await readVideoSettings(options.knex), options.secretBox);
      if (!settings.webhookUrl || !settings.authToken) return answer(res, 503, 'Webhooks are not configured');
      if (new URL(req.url ?? '/', 'http://x').pathname !== new URL(settings.webhookUrl).pathname) return answer(res, 404, 'Not found');
      const raw = await readBody(req, MAX_BODY_BYTES);
      if (raw === undefined) return answer(res, 413, 'Too large');
      const params = Object.fromEntries(new URLSearchParams(raw));
      const signature = req.headers['x-twilio-signature'];
      if (typeof signature !== 'string' || !twilio.validateRequest(settings.authToken, signature, settings.webhookUrl, params)) {
        return answer(res, 403, 'Bad signature');
      }
      // Twilio stamps every room callback; one without a stamp, or an old one, is not taken.
      if (!isFresh(params.Timestamp, (options.now ?? Date.now)())) return answer(res, 400, 'Stale or undated event');
      const id = await storeWebhookEvent(options.knex, {
        eventType: (params.StatusCallbackEvent ?? 'unknown').slice(0, 100),
        data: params,
        dedupKey: dedupKeyOf(params, signature),
      });
      answer(res, 204);
      if (id !== undefined) options.stored(id);
    } catch (err) {
      // Twilio retries on 5xx: an event not stored now arrives again.
      options.log('webhook request failed', err);
      if (!res.headersSent) answer(res, 500, 'Not stored; retry');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
