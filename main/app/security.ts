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

/** No navigation away from the app, no new windows; external links go to the system browser. */
export function lockDownContents(contents: WebContents, openExternal: ShellOpener): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
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
