import { readFile } from 'node:fs/promises';
import type http from 'node:http';
import path from 'node:path';
import type { PatientJoin } from '../video/patient-join';
import { GATEWAY_HEADERS } from './headers';
import { JOIN_CSS, joinLang, renderJoinPage } from './join-page';
import { RateLimiter, type RateRule } from './rate-limit';

export interface JoinGatewayOptions {
  patientJoin: PatientJoin;
  /** Per client address and per code (tests make them small). */
  perIp?: RateRule;
  perCode?: RateRule;
  /** Behind nginx/Caddy on this host: the client is the last address in X-Forwarded-For. */
  trustProxy?: boolean;
  now?: () => number;
  log: (message: string, err: unknown) => void;
  /**
   * The built call page (out/join: `npm run build`). Without it the page inside the window
   * says the doctor will join but has no call: every other state needs no script.
   */
  callPageDir?: string;
}

const DEFAULT_PER_IP: RateRule = { limit: 60, windowMs: 60_000 };
const DEFAULT_PER_CODE: RateRule = { limit: 30, windowMs: 60_000 };

type JoinRoute = { kind: 'page' | 'token' | 'status'; code: string } | { kind: 'css' } | { kind: 'script'; file: string };

/** The call page's script files: its entry and the chunks it loads (names as join.vite.config.mts gives them, never a path). */
const SCRIPT_FILE = /^join(-[A-Za-z0-9_-]+)?\.js$/;

/** The join routes a URL names, or undefined when it is not one of them. */
export function joinRouteOf(url: string | undefined): JoinRoute | undefined {
  const { pathname } = new URL(url ?? '/', 'http://gateway');
  if (pathname === '/join/assets/join.css') return { kind: 'css' };
  const asset = /^\/join\/assets\/([^/]+)$/.exec(pathname);
  if (asset && SCRIPT_FILE.test(asset[1]!)) return { kind: 'script', file: asset[1]! };
  const m = /^\/join\/([^/]{1,100})(?:\/(token|status))?$/.exec(pathname);
  if (!m) return undefined;
  return { kind: (m[2] as 'token' | 'status' | undefined) ?? 'page', code: m[1]! };
}

function reply(res: http.ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...GATEWAY_HEADERS, 'Content-Type': contentType, ...extra });
  res.end(body);
}

const json = (res: http.ServerResponse, status: number, value: unknown, extra?: Record<string, string>) =>
  reply(res, status, 'application/json; charset=utf-8', JSON.stringify(value), extra);

function clientAddress(req: http.IncomingMessage, trustProxy: boolean): string {
  const forwarded = req.headers['x-forwarded-for'];
  if (trustProxy && typeof forwarded === 'string') return forwarded.split(',').at(-1)!.trim();
  return req.socket.remoteAddress ?? 'unknown';
}

/**
 * The patient's join routes on the public gateway:
 *   GET  /join/<code>          the page (out of window: when to come back; inside: join)
 *   GET  /join/<code>/status   the same facts as JSON, for the page to poll
 *   POST /join/<code>/token    inside the window, a token for the appointment's room alone
 * Unknown or revoked codes get a plain 404; too many requests from one address or for one
 * code a 429 with Retry-After. Nothing in a reply beyond the patient's first name, the doctor
 * and the time.
 */
export function joinGateway(options: JoinGatewayOptions) {
  const now = options.now ?? Date.now;
  const perIp = new RateLimiter(options.perIp ?? DEFAULT_PER_IP, now);
  const perCode = new RateLimiter(options.perCode ?? DEFAULT_PER_CODE, now);

  async function serveJoin(req: http.IncomingMessage, res: http.ServerResponse, route: JoinRoute): Promise<void> {
    try {
      await serve(req, res, route);
    } catch (err) {
      // The database or Twilio is out of reach: the patient tries again; nothing about why leaves.
      options.log('join request failed', err instanceof Error ? err.message : err);
      if (!res.headersSent)
        reply(res, 503, 'text/plain; charset=utf-8', 'The clinic’s video service cannot be reached right now. Please try again in a minute.', {
          'Retry-After': '30',
        });
    }
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, route: JoinRoute): Promise<void> {
    const method = route.kind === 'token' ? 'POST' : 'GET';
    if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
      return reply(res, 405, 'text/plain; charset=utf-8', `${method} only`, { Allow: method });
    }
    if (route.kind === 'css') return reply(res, 200, 'text/css; charset=utf-8', JOIN_CSS);
    if (route.kind === 'script') return serveScript(res, route.file);
    const wait = Math.max(perIp.hit(clientAddress(req, options.trustProxy ?? false)), perCode.hit(route.code));
    if (wait > 0) return reply(res, 429, 'text/plain; charset=utf-8', `Too many requests. Try again in ${wait} seconds.`, { 'Retry-After': String(wait) });

    if (route.kind === 'page') {
      const lookup = await options.patientJoin.lookup(route.code);
      const url = new URL(req.url ?? '/', 'http://gateway');
      const page = renderJoinPage(lookup, joinLang(url.searchParams, req.headers['accept-language']), url.pathname, options.callPageDir !== undefined);
      return reply(res, lookup.place === 'unknown' ? 404 : 200, 'text/html; charset=utf-8', page);
    }
    const result = route.kind === 'token' ? await options.patientJoin.exchange(route.code) : await options.patientJoin.lookup(route.code);
    if (result.place === 'unknown') return json(res, 404, { place: 'unknown' });
    // Outside the window the answer is when to come back, not a token (409: the code is fine, the time is not).
    const status = route.kind === 'token' && result.place !== 'joined' ? 409 : 200;
    return json(res, status, result);
  }

  async function serveScript(res: http.ServerResponse, file: string): Promise<void> {
    const body = options.callPageDir && (await readFile(path.join(options.callPageDir, file)).catch(() => undefined));
    if (!body) return reply(res, 404, 'text/plain; charset=utf-8', 'Not found');
    res.writeHead(200, { ...GATEWAY_HEADERS, 'Content-Type': 'text/javascript; charset=utf-8' });
    res.end(body);
  }

  return serveJoin;
}
