// out/main/browser.js: browser mode from the build, as the app's own main starts (bundled, no
// TypeScript loader); the cold-start bench measures this.
import path from 'node:path';
import { defaultUserDataDir } from '../db/data-dir';
import { discardEarlyEngine, startEngineEarly } from '../db/embedded/engine';
import { parseBrowserArgs } from './browser-args';

// Before the rest of main is even loaded (browser-mode comes in with import() below).
try {
  parseBrowserArgs(process.argv.slice(2));
  startEngineEarly(process.env, defaultUserDataDir());
} catch {
  // A command line browser mode refuses opens nothing: it says why below.
}

void (async () => {
  const { reportStartFailure, runBrowserMode } = await import('./browser-mode');
  try {
    await runBrowserMode(process.argv.slice(2), path.resolve(__dirname, '..', '..'));
  } catch (err) {
    reportStartFailure(err);
    await discardEarlyEngine();
  }
})();
