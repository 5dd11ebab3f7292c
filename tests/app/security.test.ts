import { EventEmitter } from 'node:events';
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { allowListedOpener, isAppUrl, lockDownContents, safeExternalUrl, secureWebPreferences } from '../../main/app/security';

describe('secureWebPreferences', () => {
  it.each([true, false])('sandboxes and isolates every window, Node off everywhere (devTools %s)', (devTools) => {
    const prefs = secureWebPreferences('/app/out/preload/index.cjs', devTools);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
    });
    // Strictly the flag, not "truthy": the packaged app passes false and must get false.
    expect(prefs?.devTools).toBe(devTools);
  });

  it('turns nothing on that would weaken the sandbox', () => {
    const prefs = secureWebPreferences('/p.cjs', false) ?? {};
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'allowpopups', 'session', 'partition'] as const) {
      expect(prefs).not.toHaveProperty(key);
    }
    expect(prefs.devTools).toBe(false);
  });
});

describe('safeExternalUrl', () => {
  it.each([
    ['https://example.com/path?q=1#h', 'https://example.com/path?q=1#h'],
    ['HTTPS://Example.COM', 'https://example.com/'],
    ['https://example.com:8443/a', 'https://example.com:8443/a'],
    ['https://example.com:443/a', 'https://example.com/a'],
    // Odd encodings come back rebuilt from the parsed parts.
    ['https://exa%6Dple.com/a b?x=1 2', 'https://example.com/a%20b?x=1%202'],
    ['https://example.com/a/../%2e%2e/b', 'https://example.com/b'],
    ['https://example.com\\@evil.example', 'https://example.com/@evil.example'],
    ['https:example.com', 'https://example.com/'],
    ['  https://example.com/\n', 'https://example.com/'],
    ['https://twilio.com/docs', 'https://twilio.com/docs'],
    ['mailto:desk@clinic.example?subject=Hello%20there', 'mailto:desk@clinic.example?subject=Hello%20there'],
    ['mailto:desk@clinic.example#fragment', 'mailto:desk@clinic.example'],
    ['MAILTO:desk@clinic.example', 'mailto:desk@clinic.example'],
    ['tel:+15551234567', 'tel:+15551234567'],
  ])('%j leaves the app as %j', (raw, expected) => {
    expect(safeExternalUrl(raw)).toBe(expected);
  });

  it.each([
    'http://example.com/',
    'https://user:pw@example.com/',
    'https://user@example.com/',
    'https://:pw@example.com/',
    'https://evil.example%2F@example.com/',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'javascript://example.com/%0Aalert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic /skip force',
    'search-ms:query=invoice',
    'ms-officecmd:{}',
    'ftp://example.com/',
    'blob:https://example.com/0f3a',
    'about:blank',
    'app://clinic/index.html',
    '//example.com/',
    '/relative/path',
    'not a url',
    '',
  ])('refuses %j', (raw) => {
    expect(safeExternalUrl(raw)).toBeUndefined();
  });
});

describe('isAppUrl', () => {
  it.each([
    ['app://clinic/index.html', true],
    ['app://clinic/', true],
    ['app://clinic/#/patients/3', true],
    ['app://clinic/assets/x.js?v=1', true],
    ['app://other/index.html', false],
    ['app://clinic.evil.example/index.html', false],
    ['app://clinic:8080/index.html', false],
    ['app://user@clinic/index.html', false],
    ['https://clinic/index.html', false],
    ['file:///clinic/index.html', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

/** The part of WebContents lockDownContents touches: events and the window-open handler. */
class FakeContents extends EventEmitter {
  openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.openHandler = handler;
  }
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

function lockedDown() {
  const contents = new FakeContents();
  const openExternal = vi.fn(async (_url: string) => {});
  lockDownContents(contents.asWebContents(), openExternal);
  /** Fires an event the way Electron does and says whether the listener prevented it. */
  const fire = (name: string, ...args: unknown[]) => {
    const event = { preventDefault: vi.fn() };
    contents.emit(name, event, ...args);
    return event.preventDefault.mock.calls.length > 0;
  };
  const open = (url: string) => {
    expect(contents.openHandler).toBeTypeOf('function');
    return contents.openHandler!({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } } as HandlerDetails);
  };
  return { contents, openExternal, fire, open };
}

describe('lockDownContents', () => {
  it.each(['will-navigate', 'will-redirect'])('%s away from the app is prevented', (name) => {
    const { fire } = lockedDown();
    for (const url of [
      'https://evil.example/',
      'http://evil.example/',
      'file:///etc/passwd',
      'file:///C:/Windows/System32/calc.exe',
      'app://other/index.html',
      'app://clinic.evil.example/index.html',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      'garbage',
    ]) {
      expect(fire(name, url), url).toBe(true);
    }
  });

  it.each(['will-navigate', 'will-redirect'])('%s within app://clinic is allowed', (name) => {
    const { fire } = lockedDown();
    for (const url of ['app://clinic/index.html', 'app://clinic/', 'app://clinic/index.html#/users', 'app://clinic/call.html?room=1']) {
      expect(fire(name, url), url).toBe(false);
    }
  });

  it('will-frame-navigate: no frame of the page, main or sub, navigates away from the app', () => {
    const { contents } = lockedDown();
    const navigate = (url: string, isMainFrame: boolean) => {
      const details = { url, isMainFrame, preventDefault: vi.fn() };
      contents.emit('will-frame-navigate', details);
      return details.preventDefault.mock.calls.length > 0;
    };
    for (const isMainFrame of [true, false]) {
      for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)', 'about:blank']) {
        expect(navigate(url, isMainFrame), url).toBe(true);
      }
      expect(navigate('app://clinic/index.html#/call/5', isMainFrame)).toBe(false);
    }
  });

  it('prevents attaching a <webview>', () => {
    const { fire } = lockedDown();
    expect(fire('will-attach-webview', {}, { src: 'https://evil.example/' })).toBe(true);
    expect(fire('will-attach-webview', {}, { src: 'app://clinic/index.html' })).toBe(true);
  });

  it('denies every window.open and hands only https/mailto/tel, rebuilt, to the system', () => {
    const { open, openExternal } = lockedDown();
    const cases: [string, string | undefined][] = [
      ['https://example.com/help', 'https://example.com/help'],
      ['https://exa%6Dple.com/a b', 'https://example.com/a%20b'],
      ['mailto:desk@clinic.example', 'mailto:desk@clinic.example'],
      ['tel:+15551234567', 'tel:+15551234567'],
      ['https://user:pw@example.com/', undefined],
      ['http://example.com/', undefined],
      ['javascript:alert(1)', undefined],
      ['file:///etc/passwd', undefined],
      ['smb://server/share', undefined],
      ['ms-msdt:/id PCWDiagnostic', undefined],
      ['app://clinic/index.html', undefined],
      ['about:blank', undefined],
    ];
    for (const [url, external] of cases) {
      openExternal.mockClear();
      expect(open(url), url).toEqual({ action: 'deny' });
      if (external === undefined) expect(openExternal, url).not.toHaveBeenCalled();
      else expect(openExternal.mock.calls, url).toEqual([[external]]);
    }
  });
});

describe('allowListedOpener', () => {
  function opener(hosts: Promise<ReadonlySet<string>> | Error) {
    const open = vi.fn(async (_url: string) => {});
    const log = vi.fn();
    const openLink = allowListedOpener(async () => (hosts instanceof Error ? Promise.reject(hosts) : hosts), open, log);
    return { openLink, open, log };
  }

  it('opens mailto, tel and https to the clinic’s configured hosts only', async () => {
    const { openLink, open } = opener(Promise.resolve(new Set(['join.sunrise.example', 'pay.sunrise.example:8443'])));
    for (const url of [
      'https://join.sunrise.example/visit?t=abc',
      'https://pay.sunrise.example:8443/receipt/5',
      'mailto:desk@sunrise.example',
      'tel:+911234567890',
      'https://example.com/help',
      'https://join.sunrise.example.evil.example/',
      'https://pay.sunrise.example/receipt/5',
      'https://evil.example/?next=https://join.sunrise.example/',
      'http://join.sunrise.example/',
      'javascript:alert(1)',
    ]) {
      await openLink(url);
    }
    expect(open.mock.calls).toEqual([
      ['https://join.sunrise.example/visit?t=abc'],
      ['https://pay.sunrise.example:8443/receipt/5'],
      ['mailto:desk@sunrise.example'],
      ['tel:+911234567890'],
    ]);
  });

  it('opens no https link when no host is configured, or the hosts cannot be read', async () => {
    const none = opener(Promise.resolve(new Set<string>()));
    await none.openLink('https://join.sunrise.example/visit');
    expect(none.open).not.toHaveBeenCalled();
    const failing = opener(new Error('database down'));
    await failing.openLink('https://join.sunrise.example/visit');
    await failing.openLink('mailto:desk@sunrise.example');
    expect(failing.open.mock.calls).toEqual([['mailto:desk@sunrise.example']]);
    expect(failing.log).toHaveBeenCalledWith('reading the allowed link hosts failed', expect.any(Error));
  });
});
