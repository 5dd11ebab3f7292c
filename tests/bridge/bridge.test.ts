import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../main/bridge/server';
import { TEST_PASSWORD } from '../support/harness';
import { startTestBridge } from '../support/test-bridge';
import { waitFor } from '../support/wait';

const CLIENT_A = 'a'.repeat(24);
const CLIENT_B = 'b'.repeat(24);

describe('loopback browser bridge', () => {
  let bridge: Bridge;
  let dispose: () => Promise<void>;
  let base: string;

  beforeAll(async () => {
    ({ bridge, base, dispose } = await startTestBridge({ desk: true }));
  });
  afterAll(() => dispose());

  const call = (channel: string, payload: unknown, client = CLIENT_A, token = bridge.token) =>
    fetch(`${base}/api/call/${channel}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': client, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    });

  it('listens on 127.0.0.1 only and prints a URL carrying the token in its fragment', () => {
    expect(bridge.url).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the renderer with the CSP, and nothing outside its folder', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    for (const evil of ['/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/..%5c..%5cwindows']) {
      expect((await fetch(`${base}${evil}`)).status).toBe(404);
    }
  });

  it('answers contract calls with the Result envelope when the token is right', async () => {
    const res = await call('app.info', {});
    expect(await res.json()).toEqual({ ok: true, value: { version: '9.9.9', databaseMode: 'embedded', schemaVersion: expect.any(String) } });
    expect(await (await call('app.nothing', {})).json()).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('refuses a missing or wrong token, a bad client id, and a foreign Host or Origin', async () => {
    expect((await call('app.info', {}, CLIENT_A, 'wrong')).status).toBe(401);
    expect((await fetch(`${base}/api/call/app.info`, { method: 'POST', body: '{}' })).status).toBe(401);
    expect((await call('app.info', {}, 'short')).status).toBe(400);
    const foreignHost = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port: bridge.port, path: '/', headers: { Host: 'evil.example' } }, (r) => resolve(r.statusCode ?? 0));
    });
    expect(foreignHost).toBe(403);
    const crossSite = await fetch(`${base}/api/call/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'X-Clinic-Client': CLIENT_A, Origin: 'https://evil.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
  });

  it('refuses bodies over 1 MB and malformed JSON, changing nothing', async () => {
    expect((await call('auth.login', { email: 'x@y.z', password: 'p'.repeat(1_100_000) })).status).toBe(413);
    const bad = await fetch(`${base}/api/call/auth.login`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${bridge.token}`, 'X-Clinic-Client': CLIENT_A },
      body: '{not json',
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'INVALID' } });
  });

  it('gives each browser tab its own session, like a window in the app', async () => {
    expect(await (await call('auth.login', { email: 'desk@clinic.test', password: TEST_PASSWORD }, CLIENT_A)).json()).toMatchObject({ ok: true });
    expect(await (await call('settings.get', {}, CLIENT_A)).json()).toMatchObject({ ok: true });
    expect(await (await call('settings.get', {}, CLIENT_B)).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    // Signing out in one tab leaves the other tab's (absent) session and this one's state apart.
    expect(await (await call('auth.logout', {}, CLIENT_B)).json()).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await (await call('settings.get', {}, CLIENT_A)).json()).toMatchObject({ ok: true });
  });

  it('streams contract events to the tab as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?token=${bridge.token}&client=${CLIENT_A}`, { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body!.getReader();
    let text = '';
    const reading = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += Buffer.from(value).toString('utf8');
      }
    })().catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(await (await call('auth.lock', {}, CLIENT_A)).json()).toMatchObject({ ok: true, value: { locked: true } });
    await waitFor('session.changed on the stream', () => (text.includes('"session.changed"') ? true : undefined), 5000, 20);
    const frame = text.split('\n').find((l) => l.startsWith('data:') && l.includes('session.changed'))!;
    expect(JSON.parse(frame.slice(5))).toMatchObject({ event: 'session.changed', payload: { session: { locked: true, email: 'desk@clinic.test' } } });
    controller.abort();
    await reading;
  });
});
