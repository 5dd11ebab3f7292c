import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../preload/contract';
import type { Database } from '../db/open';
import type { MainServices, ServiceOptions } from '../services';
import { limitedServer, type HttpLimits } from '../shared/http-limits';
import { STATIC_HEADERS, fileUnder, readStatic } from '../shared/static-files';
import { readBody } from '../shared/read-body';

/** The only address the bridge ever listens on: nothing off this PC can reach it. */
const BRIDGE_HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1_000_000;
const CLIENT_ID = /^[A-Za-z0-9_-]{16,64}$/;
const CALL_PATH = /^\/api\/call\/([A-Za-z]+\.[A-Za-z]+)$/;
/** Event streams one tab may hold (a reload opens a new one before the old one closes), and the whole bridge. */
export const STREAMS_PER_CLIENT = 4;
export const STREAMS_PER_START = 32;
const KEEP_ALIVE_MS = 15_000;
const DOWNLOAD_PATH = /^\/api\/download\/([A-Za-z0-9_-]{1,64})$/;

export interface Bridge {
  url: string;
  port: number;
  token: string;
  /** Main's services, once `ready` has settled (loaded once the bridge listens, made once the database is open); reading them before throws. */
  readonly services: MainServices;
  /** Settles once the services are up; rejects with the database's failure to open. */
  ready: Promise<MainServices>;
  /** Clients holding an event stream now: a client whose streams all closed is let go. */
  streamClients(): number;
  close(): Promise<void>;
}

export interface BridgeOptions {
  /**
   * The open database, or its opening: the bridge then listens and serves the renderer's files
   * at once, so a cold start's sign-in screen loads while the database opens, and each API
   * request waits for it.
   */
  db: Database | Promise<Database>;
  rendererDir: string;
  version: string;
  port?: number;
  log?: (message: string, err: unknown) => void;
  /** Tests point Twilio's REST client at a local fake. */
  twilioHttpClient?: ServiceOptions['twilioHttpClient'];
  /** Time-outs and the connection cap (tests shorten them). */
  limits?: Partial<HttpLimits>;
  /** How often a comment goes down each event stream, so proxies and the browser keep it open. */
  keepAliveMs?: number;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(json);
}

/**
 * The app without Electron: the built renderer and the very same router over HTTP on
 * 127.0.0.1, for browser tests and PCs without a display or the Electron runtime. Every API
 * request carries this start's random token; each browser tab sends its own client id, which
 * keys its session exactly as a window's id does in the app. Events go out as server-sent events.
 */
export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('base64url');
  const streams = new Map<string, Set<http.ServerResponse>>();
  // A stream is opened only for a tab signed in and unlocked, and ended right after its own
  // session event says it no longer is (locked, signed out): the tab opens a new one once it
  // signs in or unlocks again. Events go only to open sessions in between, as the session event
  // is sent a moment after the lock itself.
  let running: MainServices | undefined;
  const refusal = (key: string): string | undefined => {
    const state = running?.sessions.get(key);
    if (state === undefined) return 'Sign in before opening the event stream';
    if (state.locked) return 'Unlock the screen before opening the event stream';
    return undefined;
  };
  const open = (key: string) => refusal(key) === undefined;
  // A token display's stream hears only that the board changed, never what or whose.
  const displays = new Set<http.ServerResponse>();
  const boardFrame = `event: message\ndata: ${JSON.stringify({ event: 'board.changed', payload: {} })}\n\n`;
  const sink = <E extends EventName>(event: E, payload: EventPayload<E>, sessionKey?: string) => {
    const frame = `event: message\ndata: ${JSON.stringify({ event, payload })}\n\n`;
    if (sessionKey !== undefined) {
      const mine = [...(streams.get(sessionKey) ?? [])];
      if (open(sessionKey)) {
        for (const res of mine) res.write(frame);
        return;
      }
      // Locked or signed out: only the session event that says so goes out, and ends the stream.
      // An earlier one built before the lock (it waits on the database) would say the opposite.
      const session = event === 'session.changed' ? (payload as EventPayload<'session.changed'>).session : undefined;
      if (session === null || session?.locked)
        for (const res of mine) {
          res.write(frame);
          res.end();
        }
      return;
    }
    for (const res of [...streams].filter(([key]) => open(key)).flatMap(([, s]) => [...s])) res.write(frame);
    if (event === 'appointments.changed' || event === 'resync') for (const res of displays) res.write(boardFrame);
  };
  // Main's services load (import()) once the bridge listens, so the browser fetches the renderer
  // meanwhile; a bridge that could not listen loads none.
  let listened!: (ok: boolean) => void;
  const listening = new Promise<boolean>((resolve) => (listened = resolve));
  const servicesModule = listening.then((ok) => (ok ? import('../services') : Promise.reject(new Error('The bridge could not listen'))));
  const ready = Promise.all([options.db, servicesModule]).then(
    ([db, { createServices }]) =>
      (running = createServices(db, {
        version: options.version,
        log: options.log ?? (() => undefined),
        events: sink,
        twilioHttpClient: options.twilioHttpClient,
      })),
  );
  // The caller hears a failure through `ready`; a request meanwhile answers 503.
  ready.catch(() => undefined);
  const streamCount = () => [...streams.values()].reduce((n, s) => n + s.size, 0);
  const keepAlive = setInterval(() => {
    for (const res of [...displays, ...[...streams.values()].flatMap((set) => [...set])]) res.write(': keep-alive\n\n');
  }, options.keepAliveMs ?? KEEP_ALIVE_MS);
  keepAlive.unref();
  // Services still starting would run on after the bridge: they are stopped once up.
  const stopRunning = async () => {
    clearInterval(keepAlive);
    (await ready.catch(() => undefined))?.stop();
  };
  const workstation = `${os.hostname()} (browser)`;
  let port = 0;

  const hostAllowed = (host: string | undefined) => host === `${BRIDGE_HOST}:${port}` || host === `localhost:${port}`;

  const server = limitedServer(options.limits, async (req, res) => {
    try {
      // A page on another site can make the browser send requests here (DNS rebinding,
      // cross-site forms): only this address as Host, and no foreign Origin, get through.
      if (!hostAllowed(req.headers.host)) return send(res, 403, { error: 'Unknown host' });
      const origin = req.headers.origin;
      if (origin !== undefined && !hostAllowed(origin.replace(/^http:\/\//, ''))) return send(res, 403, { error: 'Cross-origin request refused' });
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (url.pathname.startsWith('/api/')) {
        const given = req.headers.authorization?.replace(/^Bearer /, '') ?? url.searchParams.get('token');
        if (!sameToken(given, token)) return send(res, 401, { error: 'Missing or wrong bridge token' });
        const client = String(req.headers['x-clinic-client'] ?? url.searchParams.get('client') ?? '');
        if (!CLIENT_ID.test(client)) return send(res, 400, { error: 'Missing or malformed client id' });
        const sessionKey = `bridge:${client}`;
        const services = await ready.catch(() => undefined);
        if (!services) return send(res, 503, { error: 'The clinic database could not be opened' });

        const display = url.searchParams.get('display');
        if (url.pathname === '/api/events' && req.method === 'GET' && display !== null) {
          if (!services.displayTickets.valid(display)) return send(res, 401, { error: 'Not a valid display ticket' });
          if (displays.size >= STREAMS_PER_START) return send(res, 429, { error: 'Too many event streams' });
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          displays.add(res);
          req.on('close', () => displays.delete(res));
          return;
        }
        if (url.pathname === '/api/events' && req.method === 'GET') {
          const refused = refusal(sessionKey);
          if (refused) return send(res, 403, { error: refused });
          const set = streams.get(sessionKey) ?? new Set();
          if (set.size >= STREAMS_PER_CLIENT || streamCount() >= STREAMS_PER_START) return send(res, 429, { error: 'Too many event streams' });
          res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
          res.write(': connected\n\n');
          set.add(res);
          streams.set(sessionKey, set);
          req.on('close', () => {
            set.delete(res);
            if (set.size === 0 && streams.get(sessionKey) === set) streams.delete(sessionKey);
          });
          return;
        }
        // An export made in browser mode: handed once, to the tab that made it, then deleted.
        const download = DOWNLOAD_PATH.exec(url.pathname);
        if (download && req.method === 'GET') {
          const file = services.exportFiles.take(sessionKey, download[1]!);
          if (!file) return send(res, 404, { error: 'No such download' });
          res.writeHead(200, {
            'Content-Type': 'application/octet-stream',
            'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
            'Cache-Control': 'no-store',
          });
          const stream = fs.createReadStream(file.path);
          stream.on('close', file.release);
          // The headers are out: a file that cannot be read must end as a failed download in the
          // browser, not as a short file that looks complete.
          stream.on('error', (err) => {
            options.log?.('bridge download failed', err);
            res.destroy();
          });
          stream.pipe(res);
          return;
        }
        const call = CALL_PATH.exec(url.pathname);
        if (call && req.method === 'POST') {
          const socket = req.socket;
          const body = await readBody(req, MAX_BODY_BYTES);
          if (body === undefined) {
            // The rest of the body is never read, so this connection cannot carry another request.
            res.setHeader('Connection', 'close');
            send(res, 413, { error: 'Request too large' });
            res.on('finish', () => socket.destroy());
            return;
          }
          let payload: unknown;
          try {
            payload = body === '' ? undefined : JSON.parse(body);
          } catch {
            return send(res, 200, { ok: false, error: { code: 'INVALID', message: 'The request is not valid JSON' } });
          }
          return send(res, 200, await services.router.call(call[1]!, payload, { sessionKey, workstation }));
        }
        return send(res, 404, { error: 'No such API' });
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'Method not allowed' });
      const file = fileUnder(options.rendererDir, url.pathname);
      const found = file && (await readStatic(file));
      if (!found) {
        res.writeHead(404, STATIC_HEADERS).end('Not found');
        return;
      }
      res.writeHead(200, { 'Content-Type': found.contentType, ...STATIC_HEADERS });
      res.end(req.method === 'HEAD' ? undefined : found.body);
    } catch (err) {
      options.log?.('bridge request failed', err);
      if (!res.headersSent) send(res, 500, { error: 'Internal error' });
      // Ended normally, a half-sent answer would read as a whole one.
      else res.destroy();
    }
  });

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, BRIDGE_HOST, () => resolve());
    });
  } catch (err) {
    // A bridge that never listened leaves nothing running behind it.
    listened(false);
    await stopRunning();
    throw err;
  }
  listened(true);
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${BRIDGE_HOST}:${port}/#token=${token}`,
    port,
    token,
    get services() {
      if (!running) throw new Error('The bridge’s services start once the database is open');
      return running;
    },
    ready,
    streamClients: () => streams.size,
    async close() {
      await stopRunning();
      for (const res of [...displays, ...[...streams.values()].flatMap((set) => [...set])]) res.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
