import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBridge, type Bridge, type BridgeOptions } from '../../main/bridge/server';
import { openDatabase, type Database } from '../../main/db/open';
import { scratchMigrated } from '../support/databases';
import { CHROMIUM_PATH } from '../support/machine-paths';

export { CHROMIUM_PATH as CHROMIUM } from '../support/machine-paths';
const RENDERER = path.resolve(__dirname, '../../out/renderer');
export const SCREENSHOTS = path.resolve(__dirname, '../../test-results/screenshots');

// Debian's Chromium, headless, with nothing that reaches out to the network, and a fake
// camera and microphone for the call window.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
];

export interface E2eClinic {
  bridge: Bridge;
  db: Database;
  browser: Browser;
  dispose(): Promise<void>;
}

/**
 * Playwright waits 30 s by default for an element or a navigation: three times that in every
 * context and page of this browser, so a loaded machine three times slower still passes.
 * These are failsafes; every wait is for a condition (an element, a URL), never a time.
 */
const ACTION_FAILSAFE_MS = 90_000;

function withPatience(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  const newPage = browser.newPage.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.setDefaultTimeout(ACTION_FAILSAFE_MS);
    context.setDefaultNavigationTimeout(ACTION_FAILSAFE_MS);
    return context;
  };
  browser.newPage = async (options) => {
    const page = await newPage(options);
    page.setDefaultTimeout(ACTION_FAILSAFE_MS);
    page.setDefaultNavigationTimeout(ACTION_FAILSAFE_MS);
    return page;
  };
  return browser;
}

/** A fresh embedded database, its own bridge and a Chromium with a fresh profile. */
export async function startClinic(options: { twilioHttpClient?: BridgeOptions['twilioHttpClient'] } = {}): Promise<E2eClinic> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first (npm run build)');
  // A folder already migrated (copied from the machine's template): what the screens do with a
  // clinic is the point here; a folder's first open is tests/db's and the start script's.
  const scratch = await scratchMigrated('embedded');
  const db = await openDatabase(scratch.config);
  const bridge = await startBridge({ db, rendererDir: RENDERER, version: 'e2e', twilioHttpClient: options.twilioHttpClient });
  // Its services load once it listens; tests reach for them at once.
  await bridge.ready;
  // playwright gives every launch a fresh temporary profile of its own.
  const browser = withPatience(await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_FLAGS }));
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    bridge,
    db,
    browser,
    async dispose() {
      await browser.close();
      await bridge.close();
      await db.close();
      await scratch.dispose();
    },
  };
}
