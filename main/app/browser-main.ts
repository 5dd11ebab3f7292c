// out/main/browser.js: browser mode from the build, as the app's own main starts (bundled, no
// TypeScript loader); the cold-start bench measures this.
import path from 'node:path';
import { reportStartFailure, runBrowserMode } from './browser-mode';

runBrowserMode(process.argv.slice(2), path.resolve(__dirname, '..', '..')).catch(reportStartFailure);
