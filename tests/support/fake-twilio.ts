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

  /** Twilio's own RequestClient with every https://video.twilio.com request sent here instead. */
  httpClient(): twilio.RequestClient {
    const url = () => this.url();
    return new (class extends twilio.RequestClient {
      override async request<T>(opts: RequestClient.RequestOptions<T>) {
        const base = await url();
        return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/video\.twilio\.com/, base) });
      }
    })();
  }

  /** Ends a room as if its last participant left long ago. */
  endRoom(sid: string): void {
    const room = this.rooms.get(sid);
    if (room) Object.assign(room, { status: 'completed', end_time: new Date().toISOString() });
  }

  async close(): Promise<void> {
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
    const error = (status: number, code: number, message: string) => reply(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

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
}
