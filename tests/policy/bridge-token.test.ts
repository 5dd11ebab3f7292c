import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../main/bridge/server';
import { startTestBridge } from '../support/test-bridge';

const CLIENT = 'c'.repeat(24);

/** Wrong tokens of exactly the right length: a check that compares lengths only lets these in. */
function sameLengthWrongTokens(token: string): Record<string, string> {
  const other = (ch: string) => (ch === 'A' ? 'B' : 'A');
  return {
    'last character changed': token.slice(0, -1) + other(token.at(-1)!),
    'first character changed': other(token[0]!) + token.slice(1),
    'middle character changed': token.slice(0, 21) + other(token[21]!) + token.slice(22),
    'all one letter': 'A'.repeat(token.length),
    reversed: [...token].reverse().join('') === token ? 'B'.repeat(token.length) : [...token].reverse().join(''),
  };
}

describe('the bridge token', () => {
  let bridge: Bridge;
  let base: string;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const started = await startTestBridge({ desk: true });
    ({ bridge, base, dispose } = started);
    // The tab is signed in, so the stream is refused for its token alone (an unsigned tab is refused anyway).
    const desk = await started.knex('users').where({ email: 'desk@clinic.test' }).first<{ id: number }>('id');
    bridge.services.sessions.signIn(`bridge:${CLIENT}`, Number(desk!.id));
  });
  afterAll(() => dispose());

  const callWith = (token: string) =>
    fetch(`${base}/api/call/app.info`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': CLIENT, 'Content-Type': 'application/json' },
      body: '{}',
    });

  /** Opens the event stream and reports its status; a stream that was let in is closed at once. */
  async function streamStatus(query: string, headers: Record<string, string> = {}): Promise<number> {
    const controller = new AbortController();
    const res = await fetch(`${base}/api/events?${query}`, { headers, signal: controller.signal });
    controller.abort();
    return res.status;
  }

  it('lets the right token in on calls and on the event stream (the checks below can fail)', async () => {
    expect((await callWith(bridge.token)).status).toBe(200);
    expect(await streamStatus(`token=${bridge.token}&client=${CLIENT}`)).toBe(200);
    expect(await streamStatus(`client=${CLIENT}`, { Authorization: `Bearer ${bridge.token}` })).toBe(200);
  });

  it.each(Object.entries(sameLengthWrongTokens('x'.repeat(43))).map(([label]) => label))('refuses a same-length token with its %s', async (label) => {
    const wrong = sameLengthWrongTokens(bridge.token)[label]!;
    expect(wrong).toHaveLength(bridge.token.length);
    expect(wrong).not.toBe(bridge.token);
    const call = await callWith(wrong);
    expect(call.status).toBe(401);
    expect(await call.json()).toEqual({ error: 'Missing or wrong bridge token' });
    expect(await streamStatus(`token=${encodeURIComponent(wrong)}&client=${CLIENT}`)).toBe(401);
    expect(await streamStatus(`client=${CLIENT}`, { Authorization: `Bearer ${wrong}` })).toBe(401);
  });

  it('refuses the token with a character added or taken away', async () => {
    for (const wrong of [`${bridge.token}A`, bridge.token.slice(0, -1), '']) {
      expect((await callWith(wrong)).status).toBe(401);
      expect(await streamStatus(`token=${encodeURIComponent(wrong)}&client=${CLIENT}`)).toBe(401);
    }
  });
});
