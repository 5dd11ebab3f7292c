import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinicApi } from '../../preload/contract';
import { bridgeClient } from '../../renderer/api/bridge-client';

/** An EventSource that never connects: the test plays the bridge's messages and refusals. */
class FakeEventSource {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSED = 2;
  static opened: FakeEventSource[] = [];
  readyState = FakeEventSource.CONNECTING;
  onmessage: ((message: { data: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  close() {
    this.readyState = FakeEventSource.CLOSED;
  }
  send(event: string, payload: unknown) {
    this.onmessage?.({ data: JSON.stringify({ event, payload }) });
  }
  /** What a browser does when the bridge answers 403, or ends the stream and then refuses the retry. */
  refuse() {
    this.readyState = FakeEventSource.CLOSED;
    this.onerror?.();
  }
}

const session = (locked: boolean) => ({
  userId: 1,
  email: 'desk@clinic.test',
  displayName: 'Desk',
  role: 'RECEPTIONIST',
  doctorId: null,
  locked,
  idleLockMinutes: 10,
});

/** The bridge's replies, by channel, as the test sets them. */
let replies: Record<string, unknown>;
const streams = () => FakeEventSource.opened;
const live = () => streams().filter((s) => s.readyState !== FakeEventSource.CLOSED);

beforeEach(() => {
  FakeEventSource.opened = [];
  replies = {};
  sessionStorage.clear();
  window.location.hash = '#token=the-bridge-token';
  vi.stubGlobal('EventSource', FakeEventSource);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      const channel = url.replace('/api/call/', '');
      return new Response(JSON.stringify(replies[channel] ?? { ok: false, error: { code: 'INVALID', message: 'not scripted' } }), { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const ok = (value: unknown) => ({ ok: true, value });
type Call = (payload: unknown) => Promise<unknown>;
const call = (clinic: ClinicApi, channel: string, payload: unknown = {}) => {
  const [ns, method] = channel.split('.') as [string, string];
  return (clinic as unknown as Record<string, Record<string, Call>>)[ns]![method]!(payload);
};

describe('the bridge client’s event stream', () => {
  it('opens only once the tab is signed in, reopens after an unlock, and closes on lock and sign-out', async () => {
    const clinic = bridgeClient(window);
    const heard: unknown[] = [];
    clinic.on('patients.changed', (payload) => heard.push(payload));
    // Not signed in: the bridge would refuse the stream, so it is not asked for.
    replies['auth.status'] = ok({ needsFirstAdmin: false, session: null });
    await call(clinic, 'auth.status');
    expect(streams()).toHaveLength(0);

    replies['auth.login'] = ok(session(false));
    await call(clinic, 'auth.login', { email: 'desk@clinic.test', password: 'x' });
    expect(live()).toHaveLength(1);
    const first = live()[0]!;
    const client = sessionStorage.getItem('clinic.clientId')!;
    expect(first.url).toBe(`/api/events?token=the-bridge-token&client=${encodeURIComponent(client)}`);
    first.send('patients.changed', { id: 7 });
    expect(heard).toEqual([{ id: 7 }]);

    replies['auth.lock'] = ok(session(true));
    await call(clinic, 'auth.lock');
    expect(first.readyState).toBe(FakeEventSource.CLOSED);
    expect(live()).toHaveLength(0);

    replies['auth.unlock'] = ok(session(false));
    await call(clinic, 'auth.unlock', { password: 'x' });
    expect(live()).toHaveLength(1);
    const second = live()[0]!;
    expect(second).not.toBe(first);
    second.send('patients.changed', { id: 8 });
    expect(heard).toEqual([{ id: 7 }, { id: 8 }]);

    // Locked by main (the idle lock): the session event on the stream closes it.
    second.send('session.changed', { session: session(true) });
    expect(second.readyState).toBe(FakeEventSource.CLOSED);
    await call(clinic, 'auth.unlock', { password: 'x' });
    expect(live()).toHaveLength(1);

    replies['auth.logout'] = ok(null);
    await call(clinic, 'auth.logout');
    expect(live()).toHaveLength(0);
    expect(streams()).toHaveLength(3);
  });

  it('opens on a reload that finds the tab still signed in, and after a refused stream waits for the next sign-in', async () => {
    const clinic = bridgeClient(window);
    clinic.on('appointments.changed', () => undefined);
    replies['auth.status'] = ok({ needsFirstAdmin: false, session: session(false) });
    await call(clinic, 'auth.status');
    expect(live()).toHaveLength(1);

    // The bridge restarted and forgot the tab: the stream is refused, and calls say so.
    live()[0]!.refuse();
    replies['settings.get'] = { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Please sign in.' } };
    await call(clinic, 'settings.get');
    expect(live()).toHaveLength(0);
    expect(streams()).toHaveLength(1);

    replies['auth.login'] = ok(session(false));
    await call(clinic, 'auth.login', { email: 'desk@clinic.test', password: 'x' });
    expect(live()).toHaveLength(1);
    expect(streams()).toHaveLength(2);
  });

  it('asks for no stream while nothing listens, and opens one for the first listener of a signed-in tab', async () => {
    const clinic = bridgeClient(window);
    replies['auth.login'] = ok(session(false));
    await call(clinic, 'auth.login', { email: 'desk@clinic.test', password: 'x' });
    expect(streams()).toHaveLength(0);
    clinic.on('patients.changed', () => undefined);
    expect(live()).toHaveLength(1);
  });
});
