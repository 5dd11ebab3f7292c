// out/main/browser.js: browser mode from the build, as the app's own main starts (bundled, no
// TypeScript loader); the cold-start bench measures this.
import path from 'node:path';
import { defaultUserDataDir } from '../db/data-dir';
import { discardEarlyEngine, startEngineEarly } from '../db/embedded/engine';

// Before the rest of main is even loaded (browser-mode comes in with import() below).
startEngineEarly(process.env, defaultUserDataDir());

void (async () => {
  const { reportStartFailure, runBrowserMode } = await import('./browser-mode');
  try {
    await runBrowserMode(process.argv.slice(2), path.resolve(__dirname, '..', '..'));
  } catch (err) {
    reportStartFailure(err);
    await discardEarlyEngine();
  }
})();
