// npm start: build, make sure Electron's binary is there (electron 45 fetches it on first use,
// not at npm install), then launch the app. Where the binary cannot be had, one line says so
// and the app opens in the browser instead (the loopback bridge).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { reportStartFailure } from '../main/app/browser-mode';
import { ROOT, build } from './build-once';
import { startBrowserMode } from './start-browser';

const ELECTRON_DIR = path.join(ROOT, 'node_modules', 'electron');
const INSTALL_TIMEOUT_MS = 120_000;

export function electronBinary(electronDir = ELECTRON_DIR): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : undefined;
}

function installElectron(): boolean {
  const installer = path.join(ELECTRON_DIR, 'install.js');
  if (!fs.existsSync(installer)) return false;
  console.log('Fetching the Electron runtime (first start only)…');
  const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], timeout: INSTALL_TIMEOUT_MS });
  return result.status === 0;
}

async function main(): Promise<void> {
  if (!build()) {
    process.exitCode = 1;
    return;
  }
  const binary = electronBinary() ?? (installElectron() ? electronBinary() : undefined);
  if (!binary) {
    console.log('Clinic Desk: the Electron runtime is not installed and could not be downloaded here; opening Clinic Desk in the browser instead.');
    await startBrowserMode(process.argv.slice(2));
    return;
  }
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

if (require.main === module) {
  main().catch(reportStartFailure);
}
