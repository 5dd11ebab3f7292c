// npm run start:browser [-- --port N] [-- --demo]: the app in a browser on this PC, served by
// the loopback bridge from the built renderer, on the embedded database (or DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { reportStartFailure, runBrowserMode } from '../main/app/browser-mode';
import { ROOT, build } from './build-once';

/** Builds the renderer when it is missing, then runs browser mode from the sources. */
export async function startBrowserMode(argv: string[]): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, 'out', 'renderer', 'index.html')) && !build()) {
    process.exitCode = 1;
    return;
  }
  await runBrowserMode(argv, ROOT);
}

if (require.main === module) startBrowserMode(process.argv.slice(2)).catch(reportStartFailure);
