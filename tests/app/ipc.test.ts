import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Result } from '../../preload/contract';
import { EVENT_CHANNEL, isAppFrame, registerIpc, windowEventSink } from '../../main/app/ipc';
import type { Router } from '../../main/ipc/router';
import type { CallContext } from '../../main/shared/call-context';

type Listener = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const handle = vi.fn((channel: string, listener: Listener) => {
    if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    handlers.set(channel, listener);
  });
  return { handlers, handle, ipcMain: { handle } as unknown as Pick<IpcMain, 'handle'> };
}

function fakeRouter() {
  const call = vi.fn(async (channel: string, _payload: unknown, _ctx: CallContext): Promise<Result<unknown>> => ({ ok: true, value: { answered: channel } }));
  return { call, router: { call } as unknown as Router };
}

interface Frame {
  url: string;
}

/** An invoke event: the sender's main frame at mainUrl, sent from that frame unless `from` says otherwise. */
function invokeEvent(mainUrl: string, from: 'main' | 'subframe' | 'none' | 'undefined' = 'main', id = 42): IpcMainInvokeEvent {
  const mainFrame: Frame = { url: mainUrl };
  const senderFrame = from === 'main' ? mainFrame : from === 'subframe' ? { url: mainUrl } : from === 'none' ? null : undefined;
  return { sender: { id, mainFrame }, senderFrame } as unknown as IpcMainInvokeEvent;
}

const FORBIDDEN = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } };

describe('isAppFrame', () => {
  it.each([
    ['app://clinic/index.html', 'main', true],
    ['app://clinic/', 'main', true],
    ['app://clinic/index.html#/users', 'main', true],
    ['app://clinic/index.html', 'subframe', false],
    ['app://clinic/index.html', 'none', false],
    ['app://clinic/index.html', 'undefined', false],
    ['https://evil.example/', 'main', false],
    ['http://localhost:5173/', 'main', false],
    ['file:///opt/clinic/index.html', 'main', false],
    ['app://other/index.html', 'main', false],
    ['app://clinic.evil.example/index.html', 'main', false],
    ['about:blank', 'main', false],
    ['', 'main', false],
  ] as const)('%s from %s frame → %s', (url, from, expected) => {
    expect(isAppFrame(invokeEvent(url, from))).toBe(expected);
  });
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, handle, handlers } = fakeIpcMain();
    registerIpc(ipcMain, fakeRouter().router, 'FRONT-DESK-1');
    expect(handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect([...handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(CHANNEL_NAMES.length).toBeGreaterThan(0);
  });

  it('passes a call from the app main frame to the router with the window session key and the workstation', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { router, call } = fakeRouter();
    registerIpc(ipcMain, router, 'FRONT-DESK-1');
    const payload = { email: 'desk@clinic.example', password: 'x' };
    const result = await handlers.get('auth.login')!(invokeEvent('app://clinic/index.html', 'main', 17), payload);
    expect(result).toEqual({ ok: true, value: { answered: 'auth.login' } });
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('auth.login', payload, { sessionKey: '17', workstation: 'FRONT-DESK-1' });
  });

  it('routes every channel under its own name', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { router, call } = fakeRouter();
    registerIpc(ipcMain, router, 'ws');
    for (const channel of CHANNEL_NAMES) {
      await handlers.get(channel)!(invokeEvent('app://clinic/index.html', 'main', 3), {});
    }
    expect(call.mock.calls.map((c) => c[0])).toEqual([...CHANNEL_NAMES]);
    expect(new Set(call.mock.calls.map((c) => c[2].sessionKey))).toEqual(new Set(['3']));
  });

  it.each([
    ['a subframe of the app', invokeEvent('app://clinic/index.html', 'subframe')],
    ['no sender frame (navigated away or destroyed)', invokeEvent('app://clinic/index.html', 'none')],
    ['an undefined sender frame', invokeEvent('app://clinic/index.html', 'undefined')],
    ['a page from https://evil', invokeEvent('https://evil.example/index.html')],
    ['a file:// page', invokeEvent('file:///C:/clinic/index.html')],
    ['another app:// host', invokeEvent('app://other/index.html')],
    ['the dev server', invokeEvent('http://localhost:5173/')],
  ])('refuses %s with FORBIDDEN and never reaches the router', async (_what, event) => {
    const { ipcMain, handlers } = fakeIpcMain();
    const { router, call } = fakeRouter();
    registerIpc(ipcMain, router, 'ws');
    for (const channel of ['auth.login', 'users.list', 'app.info'] as const) {
      expect(await handlers.get(channel)!(event, {})).toEqual(FORBIDDEN);
    }
    expect(call).not.toHaveBeenCalled();
  });
});

describe('windowEventSink', () => {
  function fakeContents(id: number, destroyed = false) {
    const send = vi.fn();
    return { send, contents: { id, send, isDestroyed: () => destroyed } as unknown as WebContents };
  }

  it('sends clinic:event with {event, payload} to every live window when no session key is given', () => {
    const a = fakeContents(1);
    const b = fakeContents(2);
    const gone = fakeContents(3, true);
    const byId = vi.fn((_id: number): WebContents | undefined => undefined);
    const sink = windowEventSink(() => [a.contents, b.contents, gone.contents], byId);
    sink('resync', { reason: 'reconnected' });
    expect(EVENT_CHANNEL).toBe('clinic:event');
    for (const w of [a, b]) expect(w.send.mock.calls).toEqual([['clinic:event', { event: 'resync', payload: { reason: 'reconnected' } }]]);
    expect(gone.send).not.toHaveBeenCalled();
    expect(byId).not.toHaveBeenCalled();
  });

  it('sends to the one window named by the session key', () => {
    const a = fakeContents(1);
    const b = fakeContents(2);
    const all = vi.fn(() => [a.contents, b.contents]);
    const sink = windowEventSink(all, (id) => [a.contents, b.contents].find((w) => w.id === id));
    sink('session.changed', { session: null }, '2');
    expect(b.send.mock.calls).toEqual([['clinic:event', { event: 'session.changed', payload: { session: null } }]]);
    expect(a.send).not.toHaveBeenCalled();
    expect(all).not.toHaveBeenCalled();
  });

  it('skips a destroyed or unknown target window', () => {
    const gone = fakeContents(5, true);
    const sink = windowEventSink(
      () => [],
      (id) => (id === 5 ? gone.contents : undefined),
    );
    expect(() => sink('session.changed', { session: null }, '5')).not.toThrow();
    expect(() => sink('session.changed', { session: null }, '9')).not.toThrow();
    expect(() => sink('session.changed', { session: null }, 'not-a-number')).not.toThrow();
    expect(gone.send).not.toHaveBeenCalled();
  });
});
