import type { BrowserWindowConstructorOptions, WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

export { isAppUrl };

export type ShellOpener = (url: string) => Promise<void>;

/** Web preferences shared by every window: sandboxed, isolated, no Node. */
export function secureWebPreferences(preload: string, devTools: boolean): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: true,
    devTools,
  };
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:', 'tel:']);

/**
 * Only https, mailto and tel leave the app, and only as a URL rebuilt from its parsed parts,
 * so odd encodings cannot smuggle another scheme or a command line through.
 */
export function safeExternalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (!EXTERNAL_PROTOCOLS.has(url.protocol)) return undefined;
  if (url.protocol === 'https:') {
    if (!url.hostname || url.username || url.password) return undefined;
    return new URL(`${url.pathname}${url.search}${url.hash}`, `https://${url.host}`).toString();
  }
  return `${url.protocol}${url.pathname}${url.search}`;
}

/**
 * An opener for links that leave the app: mailto and tel, and https only to the hosts the
 * clinic has configured links to (`httpsHosts`, read when a link is opened). Anything else —
 * including a failure to read the hosts — opens nothing.
 */
export function allowListedOpener(
  httpsHosts: () => Promise<ReadonlySet<string>>,
  open: ShellOpener,
  log: (message: string, err: unknown) => void,
): ShellOpener {
  return async (url) => {
    const safe = safeExternalUrl(url);
    if (!safe) return;
    const parsed = new URL(safe);
    if (parsed.protocol === 'https:') {
      const hosts = await httpsHosts().catch((err: unknown) => (log('reading the allowed link hosts failed', err), new Set<string>()));
      if (!hosts.has(parsed.host)) return;
    }
    await open(safe).catch((err: unknown) => log('opening a link failed', err));
  };
}

/**
 * No navigation away from the app (of the page or of any frame in it), no <webview>, no new
 * windows; external links go to `openExternal`. main/app/desk.ts applies it to every
 * webContents Electron creates, so no window can be missed.
 */
export function lockDownContents(contents: WebContents, openExternal: ShellOpener): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void openExternal(safe);
    return { action: 'deny' };
  });
}
