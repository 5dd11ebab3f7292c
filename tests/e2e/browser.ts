import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startBridge, type Bridge, type BridgeOptions } from '../../main/bridge/server';
import { openDatabase, type Database } from '../../main/db/open';
import { scratchEmbeddedDir } from '../support/databases';

export const CHROMIUM = '/usr/bin/chromium';
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

/** A fresh embedded database, its own bridge and a Chromium with a fresh profile. */
export async function startClinic(options: { twilioHttpClient?: BridgeOptions['twilioHttpClient'] } = {}): Promise<E2eClinic> {
  if (!fs.existsSync(path.join(RENDERER, 'index.html'))) throw new Error('Build the renderer first (npm run build)');
  const scratch = scratchEmbeddedDir();
  const db = await openDatabase(scratch.config);
  const bridge = await startBridge({ db, rendererDir: RENDERER, version: 'e2e', twilioHttpClient: options.twilioHttpClient });
  // playwright gives every launch a fresh temporary profile of its own.
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
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
