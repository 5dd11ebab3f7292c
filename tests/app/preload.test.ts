import { EventEmitter } from 'node:events';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, type ClinicApi } from '../../preload/contract';

const electron = vi.hoisted(() => {
  const exposed = new Map<string, unknown>();
  return {
    exposed,
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: null as unknown,
  };
});

class FakeIpcRenderer extends EventEmitter {
  invoke = vi.fn(async (channel: string, payload: unknown) => ({ ok: true, value: { channel, payload } }));
}
const ipcRenderer = new FakeIpcRenderer();

vi.mock('electron', () => ({
  contextBridge: electron.contextBridge,
  get ipcRenderer() {
    return electron.ipcRenderer;
  },
}));

let api: ClinicApi;

beforeAll(async () => {
  electron.ipcRenderer = ipcRenderer;
  await import('../../preload/index');
  expect([...electron.exposed.keys()]).toEqual(['clinic']);
  api = electron.exposed.get('clinic') as ClinicApi;
});

describe('the preload bridge', () => {
  it('exposes the contract namespaces and on(), and nothing of ipcRenderer', () => {
    const namespaces = new Set(CHANNEL_NAMES.map((c) => c.split('.')[0]));
    expect(Object.keys(api).sort()).toEqual([...namespaces, 'on'].sort());
    const methods = Object.entries(api as unknown as Record<string, unknown>)
      .filter(([k]) => k !== 'on')
      .flatMap(([ns, group]) => Object.keys(group as object).map((m) => `${ns}.${m}`));
    expect(methods.sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const leak of ['invoke', 'send', 'sendSync', 'ipcRenderer', 'require', 'process']) expect(api).not.toHaveProperty(leak);
  });

  it('invokes the channel of the method, with the payload as given', async () => {
    const payload = { email: 'desk@clinic.example', password: 'pw' };
    await expect(api.auth.login(payload)).resolves.toEqual({ ok: true, value: { channel: 'auth.login', payload } });
    expect(ipcRenderer.invoke).toHaveBeenLastCalledWith('auth.login', payload);
  });

  it('delivers only the payload of the subscribed event, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.on('resync', listener);
    expect(ipcRenderer.listenerCount('clinic:event')).toBe(1);
    const ipcEvent = { sender: ipcRenderer, senderId: 0 };
    ipcRenderer.emit('clinic:event', ipcEvent, { event: 'session.changed', payload: { session: null } });
    ipcRenderer.emit('clinic:event', ipcEvent, { event: 'resync', payload: { reason: 'x' } });
    expect(listener.mock.calls).toEqual([[{ reason: 'x' }]]);
    off();
    expect(ipcRenderer.listenerCount('clinic:event')).toBe(0);
    ipcRenderer.emit('clinic:event', ipcEvent, { event: 'resync', payload: { reason: 'y' } });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('refuses an event the contract does not name', () => {
    expect(EVENT_NAMES).toContain('resync');
    expect(() => (api.on as (e: string, l: () => void) => () => void)('ipc-message', () => {})).toThrow(/Unknown event/);
    expect(ipcRenderer.listenerCount('clinic:event')).toBe(0);
  });
});
