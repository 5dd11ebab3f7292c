// npm start: build, make sure Electron's binary is there (electron 45 fetches it on first use,
// not at npm install), then launch the app. When the binary cannot be had, one clear line says
// so instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
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

function main(): void {
  const build = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    process.exitCode = build.status ?? 1;
    return;
  }
  const binary = electronBinary() ?? (installElectron() ? electronBinary() : undefined);
  if (!binary) {
    console.error('Clinic Desk: the Electron runtime is not installed and could not be downloaded here (no access to its download host).');
    process.exitCode = 1;
    return;
  }
  const child = spawn(binary, [ROOT, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => {
    process.exitCode = code ?? 0;
  });
}

if (require.main === module) main();
