import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { STREAMS_PER_CLIENT, STREAMS_PER_START, startBridge, type Bridge, type BridgeOptions } from '../../main/bridge/server';
import { insertUser } from '../../main/users/repo';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { openMigrated } from '../support/databases';
import { testKeys } from '../support/keys';
import { TEST_PASSWORD, testPasswordHash } from '../support/harness';
import { waitFor } from '../support/wait';

const clientId = (name: string) => name.padEnd(24, '0');

/** An event stream: its status and all it has received so far (a refusal's body for a stream refused). */
interface Stream {
  status: number;
  text(): string;
  /** The bridge ended it. */
  ended(): boolean;
  close(): Promise<void>;
}

describe('bridge event streams, time-outs and connection caps', () => {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bridge-streams-'));
  let scratch: Awaited<ReturnType<typeof openMigrated>>;
  let deskId: number;
  const started: Bridge[] = [];

  beforeAll(async () => {
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
    scratch = await openMigrated('embedded');
    ({ id: deskId } = await insertUser(scratch.db.knex, {
      email: 'desk@clinic.test',
      passwordHash: await testPasswordHash(),
      role: 'RECEPTIONIST',
      displayName: 'Desk',
      doctorId: null,
    }));
  });
  afterAll(async () => {
    for (const b of started) await b.close();
    await scratch.dispose();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  async function bridge(extra: Partial<BridgeOptions> = {}) {
    const b = await startBridge({ db: scratch.db, rendererDir, version: '9.9.9', ...extra });
    started.push(b);
    const base = `http://127.0.0.1:${b.port}`;
    const call = async (channel: string, payload: unknown, client: string) => {
      const res = await fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${b.token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    };
    const stream = async (client: string): Promise<Stream> => {
      const controller = new AbortController();
      const res = await fetch(`${base}/api/events?token=${b.token}&client=${client}`, { signal: controller.signal });
      let text = '';
      let ended = false;
      const reading =
        res.status === 200
          ? (async () => {
              const reader = res.body!.getReader();
              for (;;) {
                const { value, done } = await reader.read();
                if (done) return void (ended = true);
                text += Buffer.from(value).toString('utf8');
              }
            })().catch(() => undefined)
          : res.text().then((body) => void (text = body));
      if (res.status !== 200) await reading;
      await waitFor('the stream to open', () => (res.status !== 200 || text.includes(': connected') ? true : undefined), 30_000, 5);
      return {
        status: res.status,
        text: () => text,
        ended: () => ended,
        async close() {
          controller.abort();
          await reading;
        },
      };
    };
    /** Signs a tab in without a password round (the caps below need many signed-in tabs). */
    const admit = (client: string) => b.services.sessions.signIn(`bridge:${client}`, deskId);
    return { b, call, stream, admit };
  }

  const received = (s: Stream, what: string) => waitFor(what, () => (s.text().includes(what) ? true : undefined), 30_000, 10);
  const dataFrames = (s: Stream, event: string) =>
    s
      .text()
      .split('\n')
      .filter((l) => l.startsWith('data:') && l.includes(`"${event}"`)).length;

  it('refuses the stream to a tab signed out or locked, serves it once signed in and unlocked, and ends it on lock and sign-out', async () => {
    const { b: started, call, stream } = await bridge();
    const [signedIn, neverSignedIn, locked] = [clientId('signedin'), clientId('never'), clientId('locked')];
    expect(await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, signedIn)).toMatchObject({ ok: true });
    expect(await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, locked)).toMatchObject({ ok: true });
    expect(await call('auth.lock', {}, locked)).toMatchObject({ ok: true });

    // Refused outright, with the valid token and client id: no stream is held open for them.
    const never = await stream(neverSignedIn);
    expect([never.status, JSON.parse(never.text())]).toEqual([403, { error: 'Sign in before opening the event stream' }]);
    const whileLocked = await stream(locked);
    expect([whileLocked.status, JSON.parse(whileLocked.text())]).toEqual([403, { error: 'Unlock the screen before opening the event stream' }]);
    expect(started.streamClients()).toBe(0);

    const a = await stream(signedIn);
    expect(a.status).toBe(200);
    expect(await call('patients.create', { name: 'Stream Test One' }, signedIn)).toMatchObject({ ok: true });
    await received(a, '"patients.changed"');

    // Signed in and unlocked now, they are served and hear the next change.
    expect(await call('auth.unlock', { password: TEST_PASSWORD }, locked)).toMatchObject({ ok: true });
    expect(await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, neverSignedIn)).toMatchObject({ ok: true });
    const [b, c] = [await stream(neverSignedIn), await stream(locked)];
    expect([b.status, c.status]).toEqual([200, 200]);
    expect(await call('patients.create', { name: 'Stream Test Two' }, signedIn)).toMatchObject({ ok: true });
    await received(b, '"patients.changed"');
    await received(c, '"patients.changed"');

    // Locking tells the tab, then ends its stream; signing out likewise. The other tab keeps its own.
    expect(await call('auth.lock', {}, locked)).toMatchObject({ ok: true });
    await received(c, '"locked":true');
    await waitFor('the locked tab’s stream to end', () => (c.ended() ? true : undefined), 30_000, 10);
    expect(await call('auth.logout', {}, neverSignedIn)).toMatchObject({ ok: true });
    await received(b, '"session":null');
    await waitFor('the signed-out tab’s stream to end', () => (b.ended() ? true : undefined), 30_000, 10);
    expect(a.ended()).toBe(false);
    expect(await call('patients.create', { name: 'Stream Test Three' }, signedIn)).toMatchObject({ ok: true });
    await waitFor('the third change on the open stream', () => (dataFrames(a, 'patients.changed') === 3 ? true : undefined), 30_000, 10);
    for (const s of [b, c]) expect(dataFrames(s, 'patients.changed')).toBe(1);
    for (const s of [a, b, c]) await s.close();
  });

  it('caps streams per tab and per start, sends keep-alive comments, and lets a closed tab go', async () => {
    // The request time-out is for the request only: a stream outlives it many times over.
    const { b, stream, admit } = await bridge({ keepAliveMs: 50, limits: SLOW_LORIS });
    const one = clientId('capped');
    admit(one);
    const mine: Stream[] = [];
    for (let i = 0; i < STREAMS_PER_CLIENT; i++) mine.push(await stream(one));
    expect(mine.map((s) => s.status)).toEqual(Array(STREAMS_PER_CLIENT).fill(200));
    expect((await stream(one)).status).toBe(429);
    const keepAlives = () => mine[0]!.text().split(': keep-alive').length - 1;
    await waitFor(
      'keep-alives for longer than the request time-out',
      () => (keepAlives() * 50 > 3 * SLOW_LORIS.requestTimeoutMs ? true : undefined),
      60_000,
      20,
    );

    const others: Stream[] = [];
    for (let i = 0; others.length + mine.length < STREAMS_PER_START; i++) {
      admit(clientId(`other${i}`));
      others.push(await stream(clientId(`other${i}`)));
    }
    expect(others.every((s) => s.status === 200)).toBe(true);
    admit(clientId('onetoomany'));
    expect((await stream(clientId('onetoomany'))).status).toBe(429);

    for (const s of [...mine, ...others]) await s.close();
    await waitFor('every closed stream to be let go', () => (b.streamClients() === 0 ? true : undefined), 30_000, 10);
    expect((await stream(one)).status).toBe(200);
  });

  it('closes a connection whose headers trickle in (slow loris), and refuses connections over the cap', async () => {
    await expectHeaderTimeout((await bridge({ limits: SLOW_LORIS })).b.port);
    await expectConnectionCap((await bridge({ limits: CAPPED })).b.port);
  });

  it('the webhook receiver holds to the same limits', async () => {
    const keys = testKeys();
    onTestFinished(() => keys.dispose());
    for (const [limits, expectLimit] of [
      [SLOW_LORIS, expectHeaderTimeout],
      [CAPPED, expectConnectionCap],
    ] as const) {
      const receiver: WebhookReceiver = await startWebhookReceiver({
        knex: scratch.db.knex,
        stored: () => undefined,
        log: () => undefined,
        secretBox: keys.secretBox,
        limits,
      });
      try {
        await expectLimit(Number(new URL(receiver.url).port));
      } finally {
        await receiver.close();
      }
    }
  });
});

/** A raw socket and what became of it: the server's bytes, and whether it was closed. */
function connect(port: number) {
  const socket = net.connect(port, '127.0.0.1');
  const seen = { data: '', closed: false, connected: false };
  socket.on('connect', () => (seen.connected = true));
  socket.on('data', (d) => (seen.data += d.toString('utf8')));
  socket.on('close', () => (seen.closed = true));
  socket.on('error', () => undefined);
  return { socket, seen };
}

/** Short enough to watch a slow client being cut off; the cap is tried on a server with the usual time-outs. */
const SLOW_LORIS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000 };
const CAPPED = { maxConnections: 3 };

async function expectHeaderTimeout(port: number) {
  // Slow loris: the request line and one header, then nothing more.
  const loris = connect(port);
  await waitFor('the connection', () => (loris.seen.connected ? true : undefined), 30_000, 5);
  loris.socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
  await waitFor('the server to close the slow connection', () => (loris.seen.closed ? true : undefined), 60_000, 20);
  expect(loris.seen.data).toMatch(/^HTTP\/1.1 408/);
}

async function expectConnectionCap(port: number) {
  // Three idle connections fill the cap; the fourth is closed without a word.
  const held = [connect(port), connect(port), connect(port)];
  await waitFor('three connections', () => (held.every((c) => c.seen.connected) ? true : undefined), 30_000, 5);
  const extra = connect(port);
  await waitFor('the fourth connection to be closed', () => (extra.seen.closed ? true : undefined), 30_000, 5);
  expect(extra.seen.data).toBe('');
  expect(held.some((c) => c.seen.closed)).toBe(false);
  for (const c of held) c.socket.destroy();
}
