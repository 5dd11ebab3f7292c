import type {
  BrowserWindow,
  DesktopCapturerSource,
  Dialog,
  DisplayMediaRequestHandlerHandlerRequest,
  MessageBoxOptions,
  PermissionCheckHandlerHandlerDetails,
  PermissionRequest,
  Session,
  Streams,
  WebContents,
  WebFrameMain,
} from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { installPermissionHandlers, mediaOnlyForCallWindows, screenShareForCallWindows } from '../../main/app/permissions';
import { sharePicker } from '../../main/app/share-picker';

type Handlers = ReturnType<typeof mediaOnlyForCallWindows>;
type Permission = Parameters<Handlers['request']>[1];

const mainWindow = { id: 1 } as unknown as WebContents;
const callWindow = { id: 2 } as unknown as WebContents;
const isCallWindow = (contents: WebContents | null) => contents === callWindow;

function request(handlers: Handlers, contents: WebContents, permission: string, mediaTypes?: string[]): boolean {
  const callback = vi.fn<(granted: boolean) => void>();
  const details = { isMainFrame: true, requestingUrl: 'app://clinic/call.html', ...(mediaTypes ? { mediaTypes } : {}) } as unknown as PermissionRequest;
  handlers.request(contents, permission as Permission, callback, details);
  // Answered exactly once, synchronously: a request left hanging would stall the page.
  expect(callback).toHaveBeenCalledTimes(1);
  return callback.mock.calls[0]![0];
}

function check(handlers: Handlers, contents: WebContents | null, permission: string, mediaType?: string): boolean {
  const details = { isMainFrame: true, requestingUrl: 'app://clinic/', ...(mediaType ? { mediaType } : {}) } as unknown as PermissionCheckHandlerHandlerDetails;
  return handlers.check(contents, permission, 'app://clinic', details);
}

const OTHER_PERMISSIONS = [
  'geolocation',
  'notifications',
  'openExternal',
  'display-capture',
  'clipboard-read',
  'deprecated-sync-clipboard-read',
  'fullscreen',
  'pointerLock',
  'keyboardLock',
  'midi',
  'midiSysex',
  'mediaKeySystem',
  'idle-detection',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'window-management',
  'storage-access',
  'local-fonts',
  'unknown',
];

describe('mediaOnlyForCallWindows: permission requests', () => {
  const handlers = mediaOnlyForCallWindows(isCallWindow);

  it.each([[['audio']], [['video']], [['audio', 'video']]])('grants media %j to the call window', (types) => {
    expect(request(handlers, callWindow, 'media', types)).toBe(true);
  });

  it.each([[undefined], [['audio']], [['video']], [['audio', 'video']]])('refuses media %j to the main window', (types) => {
    expect(request(handlers, mainWindow, 'media', types)).toBe(false);
  });

  it.each([[undefined], [[]], [['screen']], [['audio', 'screen']], [['video', 'window']], [['tab']], [['unknown']], [['audio', 'unknown']]])(
    'refuses media %j (not named camera/microphone) to the call window',
    (types) => {
      expect(request(handlers, callWindow, 'media', types)).toBe(false);
    },
  );

  it.each(OTHER_PERMISSIONS)('refuses %s to the call window and to the main window', (permission) => {
    expect(request(handlers, callWindow, permission, ['audio', 'video'])).toBe(false);
    expect(request(handlers, mainWindow, permission)).toBe(false);
  });

  it('allows clipboard-sanitized-write to any app window', () => {
    expect(request(handlers, mainWindow, 'clipboard-sanitized-write')).toBe(true);
    expect(request(handlers, callWindow, 'clipboard-sanitized-write')).toBe(true);
  });

  it('asks the predicate about the requesting contents itself', () => {
    const seen: (WebContents | null)[] = [];
    const spying = mediaOnlyForCallWindows((c) => (seen.push(c), false));
    expect(request(spying, callWindow, 'media', ['audio'])).toBe(false);
    expect(seen).toEqual([callWindow]);
  });
});

describe('mediaOnlyForCallWindows: permission checks', () => {
  const handlers = mediaOnlyForCallWindows(isCallWindow);

  it('grants the call window a media check for audio or video', () => {
    expect(check(handlers, callWindow, 'media', 'audio')).toBe(true);
    expect(check(handlers, callWindow, 'media', 'video')).toBe(true);
  });

  it('refuses a media check that does not say its kind, of an unknown kind, or from anything but the call window', () => {
    expect(check(handlers, callWindow, 'media')).toBe(false);
    expect(check(handlers, callWindow, 'media', '')).toBe(false);
    expect(check(handlers, callWindow, 'media', 'unknown')).toBe(false);
    expect(check(handlers, callWindow, 'media', 'screen')).toBe(false);
    expect(check(handlers, mainWindow, 'media', 'audio')).toBe(false);
    expect(check(handlers, mainWindow, 'media', 'video')).toBe(false);
    expect(check(handlers, null, 'media', 'audio')).toBe(false);
  });

  it.each(OTHER_PERMISSIONS)('refuses a %s check everywhere', (permission) => {
    expect(check(handlers, callWindow, permission, 'audio')).toBe(false);
    expect(check(handlers, mainWindow, permission)).toBe(false);
    expect(check(handlers, null, permission)).toBe(false);
  });

  it('allows the clipboard-sanitized-write check', () => {
    expect(check(handlers, mainWindow, 'clipboard-sanitized-write')).toBe(true);
    expect(check(handlers, null, 'clipboard-sanitized-write')).toBe(true);
  });
});

describe('installPermissionHandlers', () => {
  it('installs both the request and the check handler on the session, backed by the same rules', () => {
    const setPermissionRequestHandler = vi.fn<Session['setPermissionRequestHandler']>();
    const setPermissionCheckHandler = vi.fn<Session['setPermissionCheckHandler']>();
    const setDisplayMediaRequestHandler = vi.fn<Session['setDisplayMediaRequestHandler']>();
    const session = { setPermissionRequestHandler, setPermissionCheckHandler, setDisplayMediaRequestHandler } as unknown as Session;
    installPermissionHandlers(session, isCallWindow, { contentsOf: () => undefined, sources: async () => [], choose: async () => undefined });
    // The OS picker where there is one.
    expect(setDisplayMediaRequestHandler.mock.calls[0]![1]).toEqual({ useSystemPicker: true });
    expect(setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(setDisplayMediaRequestHandler).toHaveBeenCalledTimes(1);

    const installed = {
      request: setPermissionRequestHandler.mock.calls[0]![0]!,
      check: setPermissionCheckHandler.mock.calls[0]![0]!,
    } as unknown as Handlers;
    expect(request(installed, mainWindow, 'media', ['audio'])).toBe(false);
    expect(request(installed, callWindow, 'media', ['audio', 'video'])).toBe(true);
    expect(request(installed, callWindow, 'geolocation')).toBe(false);
    expect(check(installed, mainWindow, 'media', 'video')).toBe(false);
    expect(check(installed, callWindow, 'media', 'video')).toBe(true);
    expect(check(installed, callWindow, 'notifications')).toBe(false);
  });
});

describe('screen sharing', () => {
  const screen = { id: 'screen:0:0', name: 'Entire screen' } as DesktopCapturerSource;
  const notes = { id: 'window:42:0', name: 'Slides — case notes' } as DesktopCapturerSource;
  const frameOf = new Map<WebFrameMain, WebContents>([
    [{ url: 'app://clinic/index.html#/call/5' } as WebFrameMain, callWindow],
    [{ url: 'app://clinic/index.html' } as WebFrameMain, mainWindow],
  ]);
  const [callFrame, mainFrame] = [...frameOf.keys()] as [WebFrameMain, WebFrameMain];

  function sharing(choice: (offered: DesktopCapturerSource[]) => DesktopCapturerSource | undefined, sources = [screen, notes]) {
    const choose = vi.fn(async (offered: DesktopCapturerSource[], _contents: WebContents) => choice(offered));
    const handler = screenShareForCallWindows(isCallWindow, (f) => frameOf.get(f), { sources: async () => sources, choose });
    const ask = (frame: WebFrameMain | null, videoRequested = true) =>
      new Promise<Streams | null>((resolve) =>
        handler(
          { frame, videoRequested, audioRequested: true, securityOrigin: 'app://clinic', userGesture: true } as DisplayMediaRequestHandlerHandlerRequest,
          resolve,
        ),
      );
    return { ask, choose };
  }

  it('lets the person at the call window choose among screens and windows, and shares only that, without system audio', async () => {
    const { ask, choose } = sharing((offered) => offered.find((s) => s.id === notes.id));
    expect(await ask(callFrame)).toEqual({ video: notes });
    expect(choose.mock.calls).toEqual([[[screen, notes], callWindow]]);
  });

  it('shares nothing when the person declines: never a screen picked for them', async () => {
    const { ask, choose } = sharing(() => undefined);
    expect(await ask(callFrame)).toBeNull();
    expect(choose).toHaveBeenCalledTimes(1);
  });

  it('with nothing to share, asks nothing and shares nothing', async () => {
    const { ask, choose } = sharing(() => screen, []);
    expect(await ask(callFrame)).toBeNull();
    expect(choose).not.toHaveBeenCalled();
  });

  it('refuses the main window, a frame that is gone, and a request without video, without asking', async () => {
    const { ask, choose } = sharing(() => screen);
    expect(await ask(mainFrame)).toBeNull();
    expect(await ask(null)).toBeNull();
    expect(await ask(callFrame, false)).toBeNull();
    expect(choose).not.toHaveBeenCalled();
  });
});

describe('sharePicker (where the OS has no picker)', () => {
  const sources = [
    { id: 'screen:0:0', name: 'Screen 1' },
    { id: 'window:42:0', name: 'Slides — case notes' },
    { id: 'screen:1:0', name: 'Screen 2' },
  ] as DesktopCapturerSource[];
  const parent = {} as BrowserWindow;

  function picker(response: number) {
    const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response, checkboxChecked: false }));
    const choose = sharePicker({ showMessageBox } as unknown as Pick<Dialog, 'showMessageBox'>, () => parent);
    return { choose, showMessageBox };
  }

  it('lists windows before whole screens, each named, with Cancel as the default and the Escape answer', async () => {
    const { choose, showMessageBox } = picker(0);
    expect(await choose(sources, callWindow)).toBe(sources[1]);
    const [owner, options] = showMessageBox.mock.calls[0] as [BrowserWindow, MessageBoxOptions];
    expect(owner).toBe(parent);
    expect(options.buttons).toEqual(['Window: Slides — case notes', 'Whole screen: Screen 1', 'Whole screen: Screen 2', 'Cancel']);
    expect([options.defaultId, options.cancelId]).toEqual([3, 3]);
  });

  it('answers with the chosen screen, or nothing for Cancel', async () => {
    expect(await picker(2).choose(sources, callWindow)).toBe(sources[2]);
    expect(await picker(3).choose(sources, callWindow)).toBeUndefined();
  });
});
