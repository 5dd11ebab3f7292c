import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, PermissionRequest, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { SessionStore } from '../../main/auth/sessions';
import { callRoute, callWindowOpener } from '../../main/app/call-window';
import { mediaOnlyForCallWindows } from '../../main/app/permissions';
import { secureWebPreferences } from '../../main/app/security';

// electron is never imported: the opener gets its BrowserWindow factory injected, so a
// recording stand-in is enough.
class FakeContents extends EventEmitter {
  constructor(readonly id: number) {
    super();
  }
}

let nextId = 100;
class FakeWindow extends EventEmitter {
  readonly webContents = new FakeContents(++nextId);
  readonly loadURL = vi.fn(async (_url: string) => {});
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly destroy = vi.fn(() => (this.destroyed = true));
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function setup() {
  const sessions = new SessionStore();
  const callWindows = new Set<number>();
  const windows: FakeWindow[] = [];
  const open = callWindowOpener({
    createWindow: (options) => {
      const w = new FakeWindow(options);
      windows.push(w);
      return w as unknown as BrowserWindow;
    },
    preload: '/app/preload/index.cjs',
    devTools: false,
    sessions,
    callWindows,
  });
  sessions.signIn('7', 42);
  return { sessions, callWindows, windows, open };
}

describe('the call window', () => {
  it('opens with the main window’s security settings on the call route, signed in as its opener', async () => {
    const { sessions, callWindows, windows, open } = setup();
    await open(5, '7');
    const [win] = windows as [FakeWindow];
    expect(win.options.webPreferences).toEqual(secureWebPreferences('/app/preload/index.cjs', false));
    expect(win.loadURL).toHaveBeenCalledWith(callRoute(5));
    expect(callRoute(5)).toBe('app://clinic/index.html#/call/5');
    expect(callWindows.has(win.webContents.id)).toBe(true);
    expect(sessions.get(String(win.webContents.id))).toMatchObject({ userId: 42, locked: false });
    // Its navigation and new windows are guarded by the app-wide web-contents-created handler (tests/app/index.test.ts).
  });

  it('is the only window granted camera and microphone', async () => {
    const { callWindows, windows, open } = setup();
    await open(5, '7');
    const handlers = mediaOnlyForCallWindows((c) => !!c && callWindows.has(c.id));
    const ask = (id: number) => {
      let granted: boolean | undefined;
      handlers.request({ id } as WebContents, 'media', (g) => (granted = g), { mediaTypes: ['audio', 'video'] } as unknown as PermissionRequest);
      return granted;
    };
    expect(ask(windows[0]!.webContents.id)).toBe(true);
    expect(ask(7)).toBe(false);
  });

  it('a second start for the same appointment brings the open window forward', async () => {
    const { windows, open } = setup();
    await open(5, '7');
    await open(5, '7');
    expect(windows).toHaveLength(1);
    expect(windows[0]!.focus).toHaveBeenCalled();
    await open(6, '7');
    expect(windows).toHaveLength(2);
  });

  it('closing it signs it out and takes its media permission away; signing out the opener signs it out', async () => {
    const { sessions, callWindows, windows, open } = setup();
    await open(5, '7');
    await open(6, '7');
    const [first, second] = windows as [FakeWindow, FakeWindow];
    first.emit('closed');
    expect(callWindows.has(first.webContents.id)).toBe(false);
    expect(sessions.get(String(first.webContents.id))).toBeUndefined();
    sessions.signOut('7');
    expect(sessions.get(String(second.webContents.id))).toBeUndefined();
  });

  it('is a call session of its opener: it locks and unlocks with the main window', async () => {
    const { sessions, windows, open } = setup();
    await open(5, '7');
    const key = String(windows[0]!.webContents.id);
    expect(sessions.get(key)).toMatchObject({ scope: 'call', locked: false });
    sessions.setLocked('7', true);
    expect(sessions.get(key)?.locked).toBe(true);
    sessions.setLocked('7', false);
    expect(sessions.get(key)?.locked).toBe(false);
  });

  it('is refused when its opener is not signed in or is locked', async () => {
    const { sessions, windows, callWindows, open } = setup();
    sessions.setLocked('7', true);
    await expect(open(5, '7')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(open(5, 'nobody')).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(windows.every((w) => w.destroyed)).toBe(true);
    expect(callWindows.size).toBe(0);
  });
});
