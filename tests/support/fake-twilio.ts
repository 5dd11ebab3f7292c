import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient';
import type { Knex } from 'knex';

/** Credentials of a made-up Twilio account: the fake accepts exactly these. */
export const TEST_TWILIO = {
  accountSid: `AC${'a1'.repeat(16)}`,
  apiKeySid: `SK${'b2'.repeat(16)}`,
  apiKeySecret: 'TestApiKeySecret0123456789abcdef',
  authToken: 'TestAuthToken0123456789abcdef012',
  webhookUrl: 'https://clinic.example.org/twilio/video',
  joinUrlTemplate: 'https://join.example.org/visit?room={room}&t={token}',
};

/** Writes the test account into the clinic's video settings. */
export async function configureVideo(knex: Knex, overrides: Partial<Record<keyof typeof TEST_TWILIO, string | null>> = {}): Promise<void> {
  const s = { ...TEST_TWILIO, ...overrides };
  await knex('video_settings').where({ id: 1 }).update({
    account_sid: s.accountSid,
    api_key_sid: s.apiKeySid,
    api_key_secret: s.apiKeySecret,
    auth_token: s.authToken,
    webhook_url: s.webhookUrl,
    join_url_template: s.joinUrlTemplate,
  });
}

interface FakeRoom {
  sid: string;
  unique_name: string;
  status: 'in-progress' | 'completed';
  type: string;
  status_callback: string | null;
  status_callback_method: string;
  account_sid: string;
  date_created: string;
  date_updated: string;
  end_time: string | null;
  url: string;
}

/** A message as the fake Messages API keeps it (Twilio's snake_case resource fields). */
export interface FakeMessage {
  sid: string;
  account_sid: string;
  to: string;
  from: string;
  body: string;
  content_sid: string | null;
  content_variables: string | null;
  status_callback: string | null;
  status: string;
  date_created: string;
  date_sent: string;
  direction: 'outbound-api';
}

export interface RecordedRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  authorization: string | undefined;
}

/**
 * A local stand-in for Twilio's Video Rooms REST API, in its documented wire format:
 * form-encoded POST /v1/Rooms, GET and POST /v1/Rooms/{Sid or UniqueName}, JSON resources with
 * snake_case fields, JSON errors with Twilio's codes (20003 authenticate, 20404 not found,
 * 53113 room exists), HTTP Basic with the API Key SID and secret.
 */
export class FakeTwilio {
  readonly requests: RecordedRequest[] = [];
  readonly rooms = new Map<string, FakeRoom>();
  /** Every message the Messages API accepted, in order. */
  readonly messages: FakeMessage[] = [];
  /** HTTP statuses to refuse the next message sends with, one each (503, 429, 400 …). */
  readonly refuseNextMessages: number[] = [];
  /** Once this many messages are accepted, later ones are accepted but never answered (a reply lost to a crash). */
  answerMessagesUpTo = Infinity;
  private server: http.Server | undefined;
  private base: Promise<string> | undefined;

  /** The fake's address, starting it on first use. */
  url(): Promise<string> {
    this.base ??= new Promise((resolve, reject) => {
      this.server = http.createServer((req, res) => void this.handle(req, res));
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`));
    });
    return this.base;
  }

  /** Twilio's own RequestClient with every https://video.twilio.com and https://api.twilio.com request sent here instead. */
  httpClient(): twilio.RequestClient {
    return redirectingClient(() => this.url());
  }

  /** Ends a room as if its last participant left long ago. */
  endRoom(sid: string): void {
    const room = this.rooms.get(sid);
    if (room) Object.assign(room, { status: 'completed', end_time: new Date().toISOString() });
  }

  async close(): Promise<void> {
    // A message left unanswered on purpose keeps its connection open: end it with the server.
    this.server?.closeAllConnections();
    if (this.server) await new Promise<void>((r) => this.server!.close(() => r()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body = '';
    for await (const chunk of req) body += chunk;
    const form = Object.fromEntries(new URLSearchParams(body));
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    this.requests.push({ method: req.method ?? '', path, form, authorization: req.headers.authorization });
    const reply = (status: number, json: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    const error = (status: number, code: number, message: string) =>
      reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

    if (path.startsWith('/2010-04-01/')) return this.handleMessages(req, path, form, reply, error);
    const expected = `Basic ${Buffer.from(`${TEST_TWILIO.apiKeySid}:${TEST_TWILIO.apiKeySecret}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(401, 20003, 'Authenticate');

    if (path === '/v1/Rooms' && req.method === 'POST') {
      const name = form.UniqueName ?? '';
      const live = [...this.rooms.values()].find((r) => r.unique_name === name && r.status === 'in-progress');
      if (live) return error(400, 53113, 'Room exists');
      const sid = `RM${randomBytes(16).toString('hex')}`;
      const now = new Date().toISOString();
      const room: FakeRoom = {
        sid,
        unique_name: name || sid,
        status: 'in-progress',
        type: form.Type ?? 'group',
        status_callback: form.StatusCallback ?? null,
        status_callback_method: form.StatusCallbackMethod ?? 'POST',
        account_sid: TEST_TWILIO.accountSid,
        date_created: now,
        date_updated: now,
        end_time: null,
        url: `https://video.twilio.com/v1/Rooms/${sid}`,
      };
      this.rooms.set(sid, room);
      return reply(201, room);
    }
    const one = /^\/v1\/Rooms\/([^/]+)$/.exec(path);
    if (one) {
      const key = decodeURIComponent(one[1]!);
      // By SID any room; by UniqueName only the one in progress, as Twilio does.
      const room = this.rooms.get(key) ?? [...this.rooms.values()].find((r) => r.unique_name === key && r.status === 'in-progress');
      if (!room) return error(404, 20404, `The requested resource /v1/Rooms/${key} was not found`);
      if (req.method === 'POST' && form.Status === 'completed') this.endRoom(room.sid);
      return reply(200, room);
    }
    return error(404, 20404, `The requested resource ${path} was not found`);
  }

  /**
   * Twilio's Messages API (2010-04-01): form-encoded POST …/Accounts/{AccountSid}/Messages.json
   * answering 201 with the message resource; GET of the same path lists them (To filter);
   * HTTP Basic with the Account SID and Auth Token.
   */
  private handleMessages(
    req: http.IncomingMessage,
    path: string,
    form: Record<string, string>,
    reply: (status: number, json: unknown) => void,
    error: (status: number, code: number, message: string) => void,
  ): void {
    const expected = `Basic ${Buffer.from(`${TEST_TWILIO.accountSid}:${TEST_TWILIO.authToken}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return error(401, 20003, 'Authenticate');
    if (path !== `/2010-04-01/Accounts/${TEST_TWILIO.accountSid}/Messages.json`) return error(404, 20404, `The requested resource ${path} was not found`);
    if (req.method === 'GET') {
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('To');
      const found = this.messages.filter((m) => !to || m.to === to).reverse();
      return reply(200, {
        messages: found,
        page: 0,
        page_size: 50,
        first_page_uri: path,
        next_page_uri: null,
        previous_page_uri: null,
        uri: path,
        start: 0,
        end: found.length,
      });
    }
    const refusal = this.refuseNextMessages.shift();
    if (refusal) return error(refusal, refusal === 429 ? 20429 : refusal >= 500 ? 20500 : 21211, refusal === 429 ? 'Too Many Requests' : 'Refused by the test');
    if (!form.To || !form.From || !(form.Body || form.ContentSid)) return error(400, 21604, 'A To, From and Body or ContentSid are required');
    const now = new Date().toUTCString();
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      account_sid: TEST_TWILIO.accountSid,
      to: form.To,
      from: form.From,
      body: form.Body ?? '',
      content_sid: form.ContentSid ?? null,
      content_variables: form.ContentVariables ?? null,
      status_callback: form.StatusCallback ?? null,
      status: 'queued',
      date_created: now,
      date_sent: now,
      direction: 'outbound-api',
    };
    this.messages.push(message);
    if (this.messages.length > this.answerMessagesUpTo) return;
    reply(201, message);
  }
}

/** Twilio's RequestClient sending its Video and Messaging API calls to `base` (a fake; also from a child process). */
export function redirectingClient(base: () => Promise<string> | string): twilio.RequestClient {
  return new (class extends twilio.RequestClient {
    override async request<T>(opts: RequestClient.RequestOptions<T>) {
      return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/(video|api)\.twilio\.com/, await base()) });
    }
  })();
}

/** A form post signed as Twilio signs its webhooks (X-Twilio-Signature over the URL and the sorted fields). */
export async function postSigned(target: string, signedUrl: string, params: Record<string, string>, authToken = TEST_TWILIO.authToken): Promise<number> {
  const res = await fetch(target, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': twilio.getExpectedTwilioSignature(authToken, signedUrl, params) },
    body: new URLSearchParams(params).toString(),
  });
  await res.arrayBuffer();
  return res.status;
}
