import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { STREAMS_PER_CLIENT, STREAMS_PER_START, startBridge, type Bridge, type BridgeOptions } from '../../main/bridge/server';
import { insertUser } from '../../main/users/repo';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { openMigrated } from '../support/databases';
import { testKeys } from '../support/keys';
import { TEST_PASSWORD, testPasswordHash } from '../support/harness';
import { deferred, waitFor } from '../support/wait';

const clientId = (name: string) => name.padEnd(24, '0');

/** An event stream: its status and all it has received so far (a refusal's body for a stream refused). */
interface Stream {
  status: number;
  headers: Headers;
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
    await b.ready;
    const base = `http://127.0.0.1:${b.port}`;
    const call = async (channel: string, payload: unknown, client: string) => {
      const res = await fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${b.token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
        body: JSON.stringify(payload),
      });
      return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string } };
    };
    /** A tab's event stream; with a ticket, a token display's. */
    const stream = async (client: string, displayTicket?: string): Promise<Stream> => {
      const controller = new AbortController();
      const display = displayTicket === undefined ? '' : `&display=${displayTicket}`;
      const res = await fetch(`${base}/api/events?token=${b.token}&client=${client}${display}`, { signal: controller.signal });
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
        headers: res.headers,
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
    return { b, base, call, stream, admit };
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
    const overTab = await stream(one);
    expect([overTab.status, JSON.parse(overTab.text())]).toEqual([429, { error: 'Too many event streams' }]);
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
    const overStart = await stream(clientId('onetoomany'));
    expect([overStart.status, JSON.parse(overStart.text())]).toEqual([429, { error: 'Too many event streams' }]);

    for (const s of [...mine, ...others]) await s.close();
    await waitFor('every closed stream to be let go', () => (b.streamClients() === 0 ? true : undefined), 30_000, 10);
    expect((await stream(one)).status).toBe(200);
  });

  it('gives token displays streams of their own: their own cap and keep-alives, and a bare board frame for appointment changes and resyncs only', async () => {
    const { b, call, stream, admit } = await bridge({ keepAliveMs: 50 });
    await b.ready;
    const ticket = b.services.displayTickets.issue();
    const displays: Stream[] = [];
    for (let i = 0; i < STREAMS_PER_START; i++) displays.push(await stream(clientId(`display${i}`), ticket));
    expect(displays.map((s) => s.status)).toEqual(Array(STREAMS_PER_START).fill(200));
    const [first] = displays as [Stream];
    expect(first.headers.get('content-type')).toBe('text/event-stream');
    expect(first.headers.get('cache-control')).toBe('no-store');
    const over = await stream(clientId('display-over'), ticket);
    expect([over.status, JSON.parse(over.text())]).toEqual([429, { error: 'Too many event streams' }]);
    // The displays' cap leaves the tabs theirs.
    const desk = clientId('beside-displays');
    admit(desk);
    const tab = await stream(desk);
    expect(tab.status).toBe(200);
    await received(first, ': keep-alive');
    // A display taken down frees its place.
    await displays.pop()!.close();
    await waitFor(
      'a display’s place to be free again',
      async () => {
        const again = await stream(clientId('display-again'), ticket);
        if (again.status !== 200) return undefined;
        displays.push(again);
        return true;
      },
      30_000,
      10,
    );

    // A patient added, an appointment booked, the database reconnected: the tab hears each;
    // a display hears only that the board changed, for the booking and the resync.
    // Two patients to one booking, so a display hearing the wrong events cannot come to the same count.
    expect(await call('patients.create', { name: 'Board Frame Test' }, desk)).toMatchObject({ ok: true });
    expect(await call('patients.create', { name: 'Board Frame Test Two' }, desk)).toMatchObject({ ok: true });
    await waitFor('both patients on the tab’s stream', () => (dataFrames(tab, 'patients.changed') === 2 ? true : undefined), 30_000, 10);
    const [{ id: doctorId }] = await scratch.db.knex('doctor_entities').insert({ name: 'Dr. Frame', email: 'frame@clinic.test' }).returning('id');
    const [{ id: patientId }] = await scratch.db.knex('patient_entities').select('id').where({ name: 'Board Frame Test' });
    await scratch.db
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2030-01-07', start_time: '10:00', end_time: '10:15' });
    await received(tab, '"appointments.changed"');
    scratch.db.changes.emit('resync', 'a reconnection, for the test');
    await received(tab, '"resync"');
    // Closing the bridge ends every stream after what was written to it: each display's text is then whole.
    started.splice(started.indexOf(b), 1);
    await b.close();
    await waitFor('the displays’ streams to end', () => (displays.every((d) => d.ended()) ? true : undefined), 30_000, 10);
    const boardFrames = dataFrames(tab, 'appointments.changed') + dataFrames(tab, 'resync');
    for (const d of [first, displays.at(-1)!]) {
      const frames = d
        .text()
        .split('\n\n')
        .filter((f) => f !== '' && !f.startsWith(':'));
      expect(frames).toEqual(Array(boardFrames).fill('event: message\ndata: {"event":"board.changed","payload":{}}'));
    }
  });

  it('hands an export to the tab that made it, once, as an attachment with a safe name, and cuts a download whose file is gone', async () => {
    const failures: string[] = [];
    const { b, base, call } = await bridge({ log: (message) => failures.push(message) });
    await b.ready;
    const [maker, other] = [clientId('exporter'), clientId('bystander')];
    const target = (await b.services.exportFiles.target(`bridge:${maker}`, 'Day sheet "4 Dec"/ü.csv'))!;
    fs.writeFileSync(target.path, 'token,patient\n1,Asha\n');
    await target.done();
    const download = (client: string, id = target.downloadId!) => fetch(`${base}/api/download/${id}?token=${b.token}&client=${client}`);

    const refused = await download(other);
    expect([refused.status, await refused.json()]).toEqual([404, { error: 'No such download' }]);
    const got = await download(maker);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/octet-stream');
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="Day_sheet__4_Dec___.csv"');
    expect(got.headers.get('cache-control')).toBe('no-store');
    expect(await got.text()).toBe('token,patient\n1,Asha\n');
    await waitFor('the handed file to be deleted', () => (fs.existsSync(target.path) ? undefined : true), 30_000, 10);
    expect((await download(maker)).status).toBe(404);

    // The file gone between the headers and its bytes: the browser sees a failed download.
    const lost = (await b.services.exportFiles.target(`bridge:${maker}`, 'lost.csv'))!;
    fs.writeFileSync(lost.path, 'x');
    await lost.done();
    fs.rmSync(lost.path);
    // (The headers may not have left yet: the request fails then, else its body does.)
    await expect(download(maker, lost.downloadId!).then((r) => r.text())).rejects.toThrow();
    expect(failures).toEqual(['bridge download failed']);
    // Anything else that fails: 500 before the headers, a cut connection after; logged, and the bridge answers on.
    const take = b.services.exportFiles.take.bind(b.services.exportFiles);
    b.services.exportFiles.take = () => {
      throw new Error('broken');
    };
    const broken = await download(maker, 'x');
    expect([broken.status, await broken.json()]).toEqual([500, { error: 'Internal error' }]);
    b.services.exportFiles.take = () => ({ path: undefined as unknown as string, fileName: 'half.csv', release: () => undefined });
    await expect(download(maker, 'x').then((r) => r.text())).rejects.toThrow();
    b.services.exportFiles.take = take;
    expect(failures).toEqual(['bridge download failed', 'bridge request failed', 'bridge request failed']);
    expect((await download(maker, 'x')).status).toBe(404);
    // The services behind the bridge log to the same place: a call failing inside is written there.
    const sessions = b.services.sessions;
    const get = sessions.get.bind(sessions);
    sessions.get = () => {
      throw new Error('sessions broken');
    };
    expect(await call('patients.search', { query: 'Asha' }, maker)).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    sessions.get = get;
    expect(failures.at(-1)).toBe('call patients.search failed');

    // A bridge started without a log fails the same way, and answers on.
    const quiet = await bridge();
    const gone = (await quiet.b.services.exportFiles.target(`bridge:${maker}`, 'gone.csv'))!;
    fs.writeFileSync(gone.path, 'x');
    await gone.done();
    fs.rmSync(gone.path);
    const fetchQuiet = (id: string) => fetch(`${quiet.base}/api/download/${id}?token=${quiet.b.token}&client=${maker}`);
    await expect(fetchQuiet(gone.downloadId!).then((r) => r.text())).rejects.toThrow();
    quiet.b.services.exportFiles.take = () => {
      throw new Error('broken');
    };
    expect((await fetchQuiet('x')).status).toBe(500);
    expect(await quiet.call('app.info', {}, maker)).toMatchObject({ ok: true });
  });

  it('a stream ended by its session’s lock hears nothing sent in the same moment, and the bridge goes on', async () => {
    const { b, call, stream, admit } = await bridge();
    const [locking, other] = [clientId('locking'), clientId('watching')];
    admit(locking);
    admit(other);
    const [ending, going] = [await stream(locking), await stream(other)];
    // The lock and a broadcast in one tick: the locked tab's stream is ended before it could carry it.
    b.services.sessions.setLocked(`bridge:${locking}`, true);
    scratch.db.changes.emit('resync', 'in the same tick as a lock');
    await received(going, '"resync"');
    await waitFor('the locked tab’s stream to end', () => (ending.ended() ? true : undefined), 30_000, 10);
    expect(ending.text()).toContain('"locked":true');
    expect(ending.text()).not.toContain('"resync"');
    expect(await call('app.info', {}, other)).toMatchObject({ ok: true });
    await going.close();
  });

  it('a session event built before a lock and sent after it is not carried on the locked tab’s stream: the lock’s own event ends it', async () => {
    const { b, stream, admit } = await bridge();
    const tab = clientId('late-event');
    // Each session event waits on the database before it is sent: the sign-in's is held past the
    // lock, as a busy PC can hold it, and the lock's after that.
    const gates = [deferred(), deferred()];
    const sent: boolean[] = [];
    const sessionOf = b.services.auth.sessionOf.bind(b.services.auth);
    const held = (n: number) => async (key: string, user: Parameters<typeof sessionOf>[1]) => {
      const session = await sessionOf(key, user);
      await gates[n]!.promise;
      sent[n] = true;
      return session;
    };
    vi.spyOn(b.services.auth, 'sessionOf').mockImplementationOnce(held(0)).mockImplementationOnce(held(1));
    admit(tab);
    const ending = await stream(tab);
    b.services.sessions.setLocked(`bridge:${tab}`, true);
    gates[0]!.resolve();
    await waitFor('the sign-in’s event to be sent', () => sent[0], 30_000, 5);
    gates[1]!.resolve();
    await waitFor('the locked tab’s stream to end', () => (ending.ended() ? true : undefined), 30_000, 10);
    expect(ending.text()).toContain('"locked":true');
    expect(ending.text()).not.toContain('"locked":false');
  });

  it('says where it listens, refuses a port already taken, and names its workstation in the audit trail', async () => {
    const { b, call } = await bridge();
    expect(b.url).toBe(`http://127.0.0.1:${b.port}/#token=${b.token}`);
    const listening = scratch.db.changes.listenerCount('change');
    await expect(startBridge({ db: scratch.db, rendererDir, version: '9.9.9', port: b.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    // It started no services: nothing of it hears the database.
    expect(scratch.db.changes.listenerCount('change')).toBe(listening);
    const tab = clientId('audited');
    expect(await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, tab)).toMatchObject({ ok: true });
    const row = await scratch.db.knex('audit_log').where({ action: 'auth.login' }).orderBy('id', 'desc').first('workstation');
    expect(row.workstation).toBe(`${os.hostname()} (browser)`);
  });

  it('answers every call with 503 while its database cannot be opened, still serves its pages, and closes', async () => {
    const failed = Promise.reject(new Error('The data folder is locked by another Clinic Desk'));
    const b = await startBridge({ db: failed, rendererDir, version: '9.9.9' });
    try {
      await expect(b.ready).rejects.toThrow('locked by another');
      expect(() => b.services).toThrow('The bridge’s services start once the database is open');
      const base = `http://127.0.0.1:${b.port}`;
      const answer = await fetch(`${base}/api/call/app.info`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${b.token}`, 'X-Clinic-Client': clientId('early'), 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect([answer.status, await answer.json()]).toEqual([503, { error: 'The clinic database could not be opened' }]);
      expect(await (await fetch(`${base}/index.html`)).text()).toContain('<title>Clinic Desk</title>');
    } finally {
      await b.close();
    }
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
