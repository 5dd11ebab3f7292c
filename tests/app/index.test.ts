import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserWindowConstructorOptions, HandlerDetails, IpcMainInvokeEvent, PermissionRequest, WindowOpenHandlerResponse } from 'electron';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, type Result } from '../../preload/contract';
import { secureWebPreferences } from '../../main/app/security';
import { deferred } from '../support/wait';

/*
 * main/app/index.ts (and desk.ts, which it loads) with the whole `electron` module replaced by
 * recording stubs. Each scenario builds a fresh stub set, resets the module registry and imports
 * the shell again, as a new Electron process would run it.
 */

type Listener = (event: IpcMainInvokeEvent, payload?: unknown) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response>;
type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: PermissionRequest) => void;

class FakeWebContents extends EventEmitter {
  readonly mainFrame = { url: 'app://clinic/index.html' };
  readonly send = vi.fn<(channel: string, message: unknown) => void>();
  destroyed = false;
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  constructor(readonly id: number) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
}

interface StubOptions {
  singleInstance?: boolean;
  isPackaged?: boolean;
}

function makeElectron({ singleInstance = true, isPackaged = false }: StubOptions = {}) {
  const ready = deferred();
  const windows: FakeBrowserWindow[] = [];
  let nextId = 40;

  class FakeApp extends EventEmitter {
    readonly isPackaged = isPackaged;
    readonly enableSandbox = vi.fn();
    readonly requestSingleInstanceLock = vi.fn(() => singleInstance);
    readonly whenReady = vi.fn(() => ready.promise);
    readonly quit = vi.fn();
    readonly exit = vi.fn();
    readonly getVersion = vi.fn(() => '9.8.7-test');
    readonly getPath = vi.fn((name: string) => path.join(os.tmpdir(), 'clinic-desk-should-not-be-used', name));
  }

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => [...windows];
    readonly webContents = new FakeWebContents(++nextId);
    readonly loadURL = vi.fn(async (_url: string) => {});
    readonly show = vi.fn();
    readonly focus = vi.fn();
    readonly restore = vi.fn();
    minimized = false;
    constructor(readonly options: BrowserWindowConstructorOptions) {
      super();
      windows.push(this);
      // As Electron does for every webContents it creates.
      electron.app.emit('web-contents-created', {}, this.webContents);
    }
    isMinimized(): boolean {
      return this.minimized;
    }
  }

  class FakeNotification extends EventEmitter {
    static supported = true;
    static isSupported = () => FakeNotification.supported;
    readonly show = vi.fn();
    constructor(readonly options: { title: string; body: string }) {
      super();
      notifications.push(this);
    }
  }
  const notifications: FakeNotification[] = [];
  const shortcuts = new Map<string, () => void>();

  const ipcHandlers = new Map<string, Listener>();
  const electron = {
    globalShortcut: {
      register: vi.fn((accelerator: string, callback: () => void) => !shortcuts.has(accelerator) && !!shortcuts.set(accelerator, callback)),
      unregister: vi.fn((accelerator: string) => void shortcuts.delete(accelerator)),
    },
    Notification: FakeNotification,
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn<(scheme: string, handler: ProtocolHandler) => void>(),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn<(handler: PermissionRequestHandler) => void>(),
        setPermissionCheckHandler: vi.fn(),
        setDisplayMediaRequestHandler: vi.fn(),
      },
    },
    ipcMain: {
      handle: vi.fn((channel: string, listener: Listener) => {
        if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
        ipcHandlers.set(channel, listener);
      }),
    },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    dialog: { showErrorBox: vi.fn<(title: string, content: string) => void>() },
    desktopCapturer: { getSources: vi.fn(async () => []) },
    webContents: {
      getAllWebContents: vi.fn(() => windows.map((w) => w.webContents)),
      fromId: vi.fn((id: number) => windows.find((w) => w.webContents.id === id)?.webContents),
    },
  };
  return { electron, ready, windows, ipcHandlers, shortcuts, notifications };
}

type Stubs = ReturnType<typeof makeElectron>;

const current = vi.hoisted(() => ({ electron: undefined as unknown as Record<string, unknown> }));

vi.mock('electron', () => {
  const live = (name: string) => ({ get: () => current.electron[name], enumerable: true });
  return Object.defineProperties(
    {},
    {
      app: live('app'),
      BrowserWindow: live('BrowserWindow'),
      protocol: live('protocol'),
      session: live('session'),
      ipcMain: live('ipcMain'),
      shell: live('shell'),
      dialog: live('dialog'),
      webContents: live('webContents'),
      desktopCapturer: live('desktopCapturer'),
      globalShortcut: live('globalShortcut'),
      Notification: live('Notification'),
    },
  );
});

const started: Stubs[] = [];

/** Runs main/app/index.ts once, as a fresh process would. */
async function runShell(options: StubOptions = {}): Promise<Stubs> {
  const stubs = makeElectron(options);
  started.push(stubs);
  current.electron = stubs.electron as unknown as Record<string, unknown>;
  vi.resetModules();
  await (
    await import('../../main/app/index')
  ).loaded;
  return stubs;
}

/**
 * Resolves app.whenReady() and waits until the shell has started or given up. Its window opens
 * while the database does, so it has started once a call from that window is answered.
 */
async function becomeReady(stubs: Stubs): Promise<void> {
  stubs.ready.resolve();
  const gaveUp = () => stubs.electron.dialog.showErrorBox.mock.calls.length > 0;
  await vi.waitFor(
    () => {
      if (stubs.windows.length === 0 && !gaveUp()) throw new Error('not started yet');
    },
    { timeout: 90_000, interval: 50 },
  );
  if (gaveUp()) return;
  let answered = false;
  void Promise.resolve(stubs.ipcHandlers.get('app.info')!(invokeFrom(stubs.windows[0]!.webContents), {})).finally(() => (answered = true));
  await vi.waitFor(
    () => {
      if (!answered && !gaveUp()) throw new Error('not started yet');
    },
    { timeout: 90_000, interval: 50 },
  );
}

/** Sends will-quit like Electron does; resolves with whether it was prevented. */
function willQuit(stubs: Stubs): boolean {
  const event = { preventDefault: vi.fn() };
  stubs.electron.app.emit('will-quit', event);
  return event.preventDefault.mock.calls.length > 0;
}

/** An invoke from the window's main frame (or the given frame). */
function invokeFrom(contents: FakeWebContents, frame: { url: string } | null = contents.mainFrame): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

async function call(stubs: Stubs, channel: string, payload: unknown, event: IpcMainInvokeEvent): Promise<Result<unknown>> {
  const handler = stubs.ipcHandlers.get(channel);
  expect(handler, channel).toBeDefined();
  return (await handler!(event, payload)) as Result<unknown>;
}

const ENV_KEYS = ['DATABASE_URL', 'CLINIC_DATA_DIR', 'CLINIC_DB_POOL_MAX'] as const;
type EnvKey = (typeof ENV_KEYS)[number];
const savedEnv = Object.fromEntries(ENV_KEYS.map((key) => [key, process.env[key]])) as Partial<Record<EnvKey, string>>;
function setEnv(values: Partial<Record<EnvKey, string>>) {
  for (const key of ENV_KEYS) {
    if (values[key] === undefined) delete process.env[key];
    else process.env[key] = values[key];
  }
}
afterEach(async () => {
  setEnv(savedEnv);
  // A scenario that failed half-way must not leave its database (and folder lock) open.
  for (const stubs of started.splice(0)) {
    const quits = stubs.electron.app.quit.mock.calls.length;
    if (willQuit(stubs)) {
      await vi.waitFor(() => expect(stubs.electron.app.quit.mock.calls.length).toBeGreaterThan(quits), { timeout: 60_000, interval: 50 });
    }
  }
  // Nor the engine the shell started before ready, if the scenario never opened the database.
  await (await import('../../main/db/embedded/engine')).discardEarlyEngine();
});

describe('main/app/index.ts before ready', () => {
  // A clinic server that is never connected to: before ready, the embedded database would start.
  const NEVER_CONNECTED = { DATABASE_URL: 'postgres://clinic@127.0.0.1:9/never-connected' };

  it('enables the sandbox and registers app:// as a privileged standard, secure scheme', async () => {
    setEnv(NEVER_CONNECTED);
    const stubs = await runShell();
    const { app, protocol } = stubs.electron;
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = protocol.registerSchemesAsPrivileged.mock.calls[0] as [{ scheme: string; privileges: Record<string, boolean> }[]];
    expect(schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    // Nothing that would let app:// pages ignore the CSP or reach other origins.
    expect(schemes[0]!.privileges.bypassCSP).toBeFalsy();
    expect(schemes[0]!.privileges.allowServiceWorkers).toBeFalsy();
    // Both must happen before the app is ready (Electron ignores them afterwards).
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(app.whenReady.mock.invocationCallOrder[0]!);
    // Nothing happens until ready.
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(stubs.windows).toHaveLength(0);
    expect(stubs.ipcHandlers.size).toBe(0);
    // One guard for every webContents, there before any can exist.
    expect(app.listenerCount('web-contents-created')).toBe(1);
  });

  it('locks down every webContents Electron creates, whoever creates it', async () => {
    setEnv(NEVER_CONNECTED);
    const stubs = await runShell();
    const { app, shell } = stubs.electron;
    // Say a devtools panel, a print preview or a window some later code opens without the guard.
    const stray = new FakeWebContents(500);
    app.emit('web-contents-created', {}, stray);
    const prevented = (name: string, ...args: unknown[]) => {
      const event = { preventDefault: vi.fn() };
      stray.emit(name, event, ...args);
      return event.preventDefault.mock.calls.length > 0;
    };
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true);
    expect(prevented('will-redirect', 'https://evil.example/')).toBe(true);
    expect(prevented('will-attach-webview', {}, { src: 'app://clinic/index.html' })).toBe(true);
    const frameNavigation = { url: 'https://evil.example/', isMainFrame: false, preventDefault: vi.fn() };
    stray.emit('will-frame-navigate', frameNavigation);
    expect(frameNavigation.preventDefault).toHaveBeenCalled();
    expect(stray.openHandler?.({ url: 'mailto:desk@clinic.example' } as HandlerDetails)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal.mock.calls).toEqual([['mailto:desk@clinic.example']]));
  });

  it('quits at once when another instance holds the single-instance lock, leaving the data folder alone', async () => {
    const dataDir = path.join(os.tmpdir(), `clinic-second-instance-${process.pid}`);
    setEnv({ CLINIC_DATA_DIR: dataDir });
    const stubs = await runShell({ singleInstance: false });
    // The first instance's embedded database is not started a second time.
    expect(fs.existsSync(dataDir)).toBe(false);
    const { app } = stubs.electron;
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.whenReady).not.toHaveBeenCalled();
    expect(app.listenerCount('will-quit')).toBe(0);
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
  });
});

describe('main/app/index.ts with the embedded database', () => {
  let dataDir: string;
  const lockFile = () => path.join(dataDir, 'clinic-desk.lock');

  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-shell-'));
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts: database, IPC, permissions, one secure window on app://clinic; quits cleanly', async () => {
    setEnv({ CLINIC_DATA_DIR: dataDir });
    const stubs = await runShell({ isPackaged: false });
    const { app, protocol, session, ipcMain, shell, dialog } = stubs.electron;
    expect(app.whenReady).toHaveBeenCalledTimes(1);
    await becomeReady(stubs);
    expect(dialog.showErrorBox.mock.calls).toEqual([]);
    expect(app.exit).not.toHaveBeenCalled();

    // The embedded database is open and holds its folder lock.
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    expect(fs.existsSync(path.join(dataDir, 'pgdata'))).toBe(true);

    // app:// is served, and refuses what it should.
    expect(protocol.handle).toHaveBeenCalledTimes(1);
    const [scheme, serve] = protocol.handle.mock.calls[0]!;
    expect(scheme).toBe('app');
    expect((await serve(new Request('app://clinic/%2e%2e%2f%2e%2e%2fpackage.json'))).status).toBe(404);
    expect((await serve(new Request('app://other/index.html'))).status).toBe(404);

    // One IPC handler per contract channel.
    expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
    expect([...stubs.ipcHandlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());

    // One window, secure, with the built preload, loading the app.
    expect(stubs.windows).toHaveLength(1);
    const win = stubs.windows[0]!;
    const prefs = win.options.webPreferences!;
    expect(prefs.preload).toMatch(/[\\/]preload[\\/]index\.cjs$/);
    expect(path.isAbsolute(prefs.preload!)).toBe(true);
    expect(prefs).toEqual(secureWebPreferences(prefs.preload!, true));
    expect(win.options.show).toBe(false);
    expect(win.loadURL.mock.calls).toEqual([['app://clinic/index.html']]);
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);

    // The window is locked down: no navigation away, window.open denied, https to the system browser.
    const navigate = { preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', navigate, 'https://evil.example/');
    expect(navigate.preventDefault).toHaveBeenCalled();
    const stay = { preventDefault: vi.fn() };
    win.webContents.emit('will-navigate', stay, 'app://clinic/index.html#/users');
    expect(stay.preventDefault).not.toHaveBeenCalled();
    expect(win.webContents.openHandler?.({ url: 'https://example.com/help' } as HandlerDetails)).toEqual({ action: 'deny' });
    expect(win.webContents.openHandler?.({ url: 'file:///etc/passwd' } as HandlerDetails)).toEqual({ action: 'deny' });

    // Permission handlers are installed; the main window gets no camera or microphone.
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    const onRequest = session.defaultSession.setPermissionRequestHandler.mock.calls[0]![0];
    const granted = vi.fn();
    onRequest(win.webContents, 'media', granted, { mediaTypes: ['audio', 'video'] } as unknown as PermissionRequest);
    onRequest(win.webContents, 'clipboard-sanitized-write', granted, {} as PermissionRequest);
    expect(granted.mock.calls).toEqual([[false], [true]]);

    // A call from the window's main frame reaches the real router and database.
    const info = await call(stubs, 'app.info', {}, invokeFrom(win.webContents));
    expect(info).toEqual({ ok: true, value: { version: '9.8.7-test', databaseMode: 'embedded', schemaVersion: expect.any(String) } });
    // A subframe, a foreign page or a missing frame is refused.
    for (const event of [invokeFrom(win.webContents, { url: 'app://clinic/index.html' }), invokeFrom(win.webContents, null)]) {
      expect(await call(stubs, 'app.info', {}, event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }

    // The session is keyed on the window, the audit row carries this PC's name, and the
    // session event goes back to that window over clinic:event.
    const admin = await call(
      stubs,
      'auth.createFirstAdmin',
      {
        clinicName: 'Sunrise Clinic',
        timeZone: 'Asia/Kolkata',
        email: 'admin@sunrise.example',
        displayName: 'First Admin',
        password: 'a long unusual passphrase',
      },
      invokeFrom(win.webContents),
    );
    expect(admin).toMatchObject({ ok: true, value: { email: 'admin@sunrise.example', role: 'ADMIN' } });
    const audit = await call(stubs, 'audit.list', { action: 'auth.createFirstAdmin' }, invokeFrom(win.webContents));
    expect(audit).toMatchObject({ ok: true, value: [{ action: 'auth.createFirstAdmin', workstation: os.hostname() }] });

    // https leaves the app only for the hosts the clinic configured: its patient join page.
    const joinTemplate = { joinUrlTemplate: 'https://join.sunrise.example/visit?t={token}' };
    expect(await call(stubs, 'video.updateSettings', joinTemplate, invokeFrom(win.webContents))).toMatchObject({ ok: true });
    expect(win.webContents.openHandler?.({ url: 'https://join.sunrise.example/visit?t=abc' } as HandlerDetails)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(shell.openExternal).toHaveBeenCalled());
    // example.com (asked for before the join page) was never opened.
    expect(shell.openExternal.mock.calls).toEqual([['https://join.sunrise.example/visit?t=abc']]);
    await vi.waitFor(() =>
      expect(win.webContents.send).toHaveBeenCalledWith('clinic:event', {
        event: 'session.changed',
        payload: { session: expect.objectContaining({ email: 'admin@sunrise.example' }) },
      }),
    );
    // Another window (another webContents id) does not share that session.
    const stranger = new FakeWebContents(999);
    expect(await call(stubs, 'users.list', {}, invokeFrom(stranger))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(await call(stubs, 'users.list', {}, invokeFrom(win.webContents))).toMatchObject({ ok: true });

    // The OS-wide Call next (Ctrl+Alt+N) is held while a doctor is signed in here, unlocked.
    expect(stubs.electron.globalShortcut.register).not.toHaveBeenCalled();
    const here = invokeFrom(win.webContents);
    expect(await call(stubs, 'doctors.create', { name: 'Dr. Shell Rao', email: 'shell.rao@sunrise.example' }, here)).toMatchObject({ ok: true });
    const drLogin = { email: 'shell.rao@sunrise.example', password: 'another long passphrase' };
    expect(await call(stubs, 'users.create', { ...drLogin, displayName: 'Dr. Shell Rao', role: 'DOCTOR' }, here)).toMatchObject({ ok: true });
    expect(await call(stubs, 'auth.logout', {}, here)).toMatchObject({ ok: true });
    expect(await call(stubs, 'auth.login', drLogin, here)).toMatchObject({ ok: true, value: { role: 'DOCTOR' } });
    await vi.waitFor(() => expect(stubs.shortcuts.has('CommandOrControl+Alt+N')).toBe(true));
    // A press calls next for that doctor through the router and says what came of it.
    stubs.shortcuts.get('CommandOrControl+Alt+N')!();
    await vi.waitFor(() => expect(stubs.notifications).toHaveLength(1));
    expect(stubs.notifications[0]!.options).toEqual({ title: 'Call next', body: 'Nobody is waiting for this doctor' });
    expect(stubs.notifications[0]!.show).toHaveBeenCalledTimes(1);
    // Locking lets the keys go at once; quitting (below) lets them go too.
    expect(await call(stubs, 'auth.lock', {}, here)).toMatchObject({ ok: true });
    expect(stubs.shortcuts.size).toBe(0);
    expect(stubs.electron.globalShortcut.unregister.mock.calls).toEqual([['CommandOrControl+Alt+N']]);
    // Closing the window signs its session out.
    win.emit('closed');
    expect(await call(stubs, 'users.list', {}, invokeFrom(win.webContents))).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

    // A second instance brings the window back.
    win.minimized = true;
    app.emit('second-instance');
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.focus).toHaveBeenCalledTimes(1);

    // Closing every window quits.
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);

    // will-quit: prevented once while the database closes, then quit again; the lock is gone.
    expect(willQuit(stubs)).toBe(true);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(2), { timeout: 60_000, interval: 50 });
    expect(fs.existsSync(lockFile())).toBe(false);
    expect(willQuit(stubs)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('reopens the same folder packaged: devtools off, the migrated database kept', async () => {
    setEnv({ CLINIC_DATA_DIR: dataDir });
    const stubs = await runShell({ isPackaged: true });
    // The embedded database starts before the app is ready (no window yet): its folder is locked already.
    expect(stubs.windows).toHaveLength(0);
    expect(JSON.parse(fs.readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
    await becomeReady(stubs);
    expect(stubs.electron.dialog.showErrorBox.mock.calls).toEqual([]);
    const win = stubs.windows[0]!;
    expect(win.options.webPreferences).toEqual(secureWebPreferences(win.options.webPreferences!.preload!, false));
    expect(win.options.webPreferences!.devTools).toBe(false);
    // The first admin from the previous run is still there.
    expect(await call(stubs, 'auth.status', {}, invokeFrom(win.webContents))).toMatchObject({ ok: true, value: { needsFirstAdmin: false } });
    expect(willQuit(stubs)).toBe(true);
    await vi.waitFor(() => expect(stubs.electron.app.quit).toHaveBeenCalledTimes(1), { timeout: 60_000, interval: 50 });
    expect(fs.existsSync(lockFile())).toBe(false);
  });

  it('shows a clear error and exits 1 when the data folder is open in another live process', async () => {
    const lockedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-shell-locked-'));
    try {
      // The parent process (vitest) is alive on this host: the lock is genuinely held.
      const owner = { pid: process.ppid, host: os.hostname(), startedAt: '2026-01-01T08:00:00.000Z' };
      fs.writeFileSync(path.join(lockedDir, 'clinic-desk.lock'), JSON.stringify(owner));
      setEnv({ CLINIC_DATA_DIR: lockedDir });
      const stubs = await runShell();
      await becomeReady(stubs);
      const { app, dialog, ipcMain } = stubs.electron;
      expect(dialog.showErrorBox).toHaveBeenCalledTimes(1);
      const [title, message] = dialog.showErrorBox.mock.calls[0]!;
      expect(title).toBe('Clinic Desk cannot start');
      expect(message).toContain(lockedDir);
      expect(message).toMatch(new RegExp(`already open in another Clinic Desk \\(process ${process.ppid}\\b`));
      expect(message).toMatch(/Close that one first/);
      expect(message).not.toMatch(/\n\s+at /); // no stack trace
      expect(app.exit.mock.calls).toEqual([[1]]);
      // The window had opened while the database opened; its calls were waiting, and the app exits.
      expect(stubs.windows).toHaveLength(1);
      expect(ipcMain.handle).toHaveBeenCalledTimes(CHANNEL_NAMES.length);
      // The other process's lock is left alone, and no PGlite folder was started.
      expect(JSON.parse(fs.readFileSync(path.join(lockedDir, 'clinic-desk.lock'), 'utf8'))).toEqual(owner);
      expect(fs.existsSync(path.join(lockedDir, 'pgdata'))).toBe(false);
      // Nothing to close: will-quit goes through.
      expect(willQuit(stubs)).toBe(false);
    } finally {
      fs.rmSync(lockedDir, { recursive: true, force: true });
    }
  });

  it('stops the database it started before ready when the start then fails: the error shown, the folder unlocked, exit 1', async () => {
    const failedDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-shell-failed-'));
    try {
      // Read only by the settings' validation, after the embedded database has started.
      setEnv({ CLINIC_DATA_DIR: failedDir, CLINIC_DB_POOL_MAX: 'many' });
      const stubs = await runShell();
      expect(fs.existsSync(path.join(failedDir, 'clinic-desk.lock'))).toBe(true);
      stubs.ready.resolve();
      await vi.waitFor(() => expect(stubs.electron.app.exit.mock.calls).toEqual([[1]]), { timeout: 180_000, interval: 50 });
      expect(stubs.electron.dialog.showErrorBox.mock.calls).toEqual([['Clinic Desk cannot start', 'CLINIC_DB_POOL_MAX must be a whole number']]);
      // Exit came after the engine had stopped and let the folder go.
      expect(fs.existsSync(path.join(failedDir, 'clinic-desk.lock'))).toBe(false);
    } finally {
      fs.rmSync(failedDir, { recursive: true, force: true });
    }
  });

  it('shows a clear error and exits 1 on a bad DATABASE_URL', async () => {
    setEnv({ DATABASE_URL: 'mysql://clinic@db.example/clinic', CLINIC_DATA_DIR: dataDir });
    const stubs = await runShell();
    await becomeReady(stubs);
    const { app, dialog } = stubs.electron;
    expect(dialog.showErrorBox.mock.calls).toEqual([['Clinic Desk cannot start', 'DATABASE_URL must start with postgres:// (it starts with mysql://)']]);
    expect(app.exit.mock.calls).toEqual([[1]]);
    expect(stubs.windows).toHaveLength(0);
    expect(fs.existsSync(lockFile())).toBe(false);
  });
});

describe('main/app/index.ts quitting, with the database and services stubbed', () => {
  afterEach(() => {
    vi.doUnmock('../../main/db/open');
    vi.doUnmock('../../main/db/embedded/engine');
    vi.doUnmock('../../main/services');
    vi.restoreAllMocks();
  });

  /**
   * The database and the services stubbed, each mocked once: `createServices` replaces the stub
   * services' factory (a second doMock of the same module raced the first under load).
   */
  function stubDatabase(close: () => Promise<void>, createServices?: () => never, opened: Promise<void> = Promise.resolve()) {
    const order: string[] = [];
    const db = { mode: 'embedded', knex: {}, changes: new EventEmitter(), close: vi.fn(() => (order.push('db.close'), close())) };
    const services = {
      router: { call: vi.fn() },
      sessions: { signOut: vi.fn() },
      warmUp: vi.fn(async () => undefined),
      stop: vi.fn(() => order.push('services.stop')),
    };
    const openDatabase = vi.fn(async () => (await opened, db));
    vi.doMock('../../main/db/open', () => ({ openDatabase }));
    vi.doMock('../../main/db/embedded/engine', () => ({ startEngineEarly: vi.fn(), discardEarlyEngine: vi.fn(async () => undefined) }));
    vi.doMock('../../main/services', () => ({ createServices: createServices ?? vi.fn(() => services) }));
    return { db, services, order, openDatabase };
  }

  it('opens its window while the database opens; a call from it waits for the services, then is answered', async () => {
    setEnv({ CLINIC_DATA_DIR: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    let open!: () => void;
    const { services, openDatabase } = stubDatabase(async () => {}, undefined, new Promise<void>((resolve) => (open = resolve)));
    services.router.call.mockResolvedValue({ ok: true, value: { setUp: true } });
    const stubs = await runShell();
    stubs.ready.resolve();
    await vi.waitFor(() => expect(openDatabase).toHaveBeenCalledTimes(1));
    expect(stubs.windows).toHaveLength(1);
    const win = stubs.windows[0]!;
    expect(win.loadURL.mock.calls).toEqual([['app://clinic/index.html']]);

    let answered = false;
    const reply = call(stubs, 'auth.status', {}, invokeFrom(win.webContents)).finally(() => (answered = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    expect(services.router.call).not.toHaveBeenCalled();
    open();
    expect(await reply).toEqual({ ok: true, value: { setUp: true } });
    expect(services.router.call.mock.calls).toEqual([['auth.status', {}, { sessionKey: String(win.webContents.id), workstation: os.hostname() }]]);
  });

  it('stops the services before closing the database, and quits once closed', async () => {
    setEnv({ CLINIC_DATA_DIR: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    let finishClose!: () => void;
    const { db, services, order, openDatabase } = stubDatabase(() => new Promise<void>((r) => (finishClose = r)));
    const stubs = await runShell();
    await becomeReady(stubs);
    expect(openDatabase).toHaveBeenCalledWith({ mode: 'embedded', dataDir: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    // Today's first reads are made while the sign-in screen shows.
    expect(services.warmUp).toHaveBeenCalledTimes(1);
    const { app } = stubs.electron;

    expect(willQuit(stubs)).toBe(true);
    // Still closing: a second will-quit (another app.quit()) is held too, and nothing quits yet.
    expect(willQuit(stubs)).toBe(true);
    await Promise.resolve();
    expect(app.quit).not.toHaveBeenCalled();
    expect(order.slice(0, 2)).toEqual(['services.stop', 'db.close']);
    finishClose();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(willQuit(stubs)).toBe(false);
    expect(db.close).toHaveBeenCalled();
  });

  it('still quits, without an unhandled rejection, when closing the database fails', async () => {
    setEnv({ CLINIC_DATA_DIR: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      stubDatabase(() => Promise.reject(new Error('checkpoint failed')));
      const stubs = await runShell();
      await becomeReady(stubs);
      expect(willQuit(stubs)).toBe(true);
      await vi.waitFor(() => expect(stubs.electron.app.quit).toHaveBeenCalledTimes(1));
      await new Promise((r) => setTimeout(r, 50));
      expect(unhandled).not.toHaveBeenCalled();
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/closing the database failed/), expect.objectContaining({ message: 'checkpoint failed' }));
      expect(willQuit(stubs)).toBe(false);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('shows the error and exits 1 when the rest of main cannot be loaded', async () => {
    setEnv({ CLINIC_DATA_DIR: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    const { openDatabase } = stubDatabase(async () => {});
    vi.doMock('../../main/app/desk', () => {
      throw new Error('Cannot find module ./desk-1a2b3c.js');
    });
    try {
      const stubs = await runShell();
      // (vitest words the failed import its own way.)
      expect(stubs.electron.dialog.showErrorBox.mock.calls).toEqual([['Clinic Desk cannot start', expect.any(String)]]);
      expect(stubs.electron.app.exit.mock.calls).toEqual([[1]]);
      expect(stubs.electron.app.whenReady).not.toHaveBeenCalled();
      expect(openDatabase).not.toHaveBeenCalled();
    } finally {
      vi.doUnmock('../../main/app/desk');
    }
  });

  it('shows the error and exits 1 when the services cannot be built', async () => {
    setEnv({ CLINIC_DATA_DIR: path.join(os.tmpdir(), 'clinic-stubbed-db') });
    const { openDatabase } = stubDatabase(
      async () => {},
      () => {
        throw new Error('Contract channels without a handler: patients.list');
      },
    );
    const stubs = await runShell();
    await becomeReady(stubs);
    expect(openDatabase).toHaveBeenCalledTimes(1);
    expect(stubs.electron.dialog.showErrorBox.mock.calls).toEqual([['Clinic Desk cannot start', 'Contract channels without a handler: patients.list']]);
    expect(stubs.electron.app.exit.mock.calls).toEqual([[1]]);
    expect(stubs.windows).toHaveLength(1);
  });
});
