/**
 * Packaged-app smoke test: `npm run smoke:packaged [-- --required]` after
 * `electron-builder --dir -c.electronFuses.enableNodeCliInspectArguments=true`.
 *
 * Starts the unpacked app from release/ with Playwright's Electron launcher on a fresh data
 * folder and proves that it starts, that its embedded database (the PGlite worker and its wasm,
 * read from inside app.asar: nothing of PGlite is unpacked) creates the data folder, and that the
 * first-run screen paints. Playwright attaches through the Node inspector, which the shipped
 * installers' fuses turn off: the smoke build turns that one fuse on and is never distributed.
 *
 * Without a packaged app (Electron's binary cannot be downloaded on every machine) it prints
 * why and exits 0; with --required (the release workflow) that is a failure.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron } from 'playwright-core';

const ROOT = path.resolve(__dirname, '..');
const RELEASE = path.join(ROOT, 'release');
const required = process.argv.includes('--required');
const STARTUP_FAILSAFE_MS = 180_000;

interface Packaged {
  executable: string;
  resources: string;
}

/** The unpacked app electron-builder --dir leaves for this OS. */
function findPackaged(): Packaged | undefined {
  const candidates: Packaged[] =
    process.platform === 'win32'
      ? [{ executable: path.join(RELEASE, 'win-unpacked', 'Clinic Desk.exe'), resources: path.join(RELEASE, 'win-unpacked', 'resources') }]
      : process.platform === 'darwin'
        ? ['mac-arm64', 'mac', 'mac-universal'].map((dir) => {
            const app = path.join(RELEASE, dir, 'Clinic Desk.app', 'Contents');
            return { executable: path.join(app, 'MacOS', 'Clinic Desk'), resources: path.join(app, 'Resources') };
          })
        : [{ executable: path.join(RELEASE, 'linux-unpacked', 'clinic-desk'), resources: path.join(RELEASE, 'linux-unpacked', 'resources') }];
  return candidates.find((c) => fs.existsSync(c.executable));
}

function fail(message: string): never {
  console.error(`packaged-app smoke test FAILED: ${message}`);
  process.exit(1);
}

async function main(): Promise<void> {
  const packaged = findPackaged();
  if (!packaged) {
    const reason = `no packaged app under ${path.relative(ROOT, RELEASE) || 'release'}/ for ${process.platform} (electron-builder --dir makes one; it needs Electron's binary, which this machine cannot download)`;
    if (required) fail(reason);
    console.log(`[skipped] packaged-app smoke test: ${reason}`);
    return;
  }
  const asar = path.join(packaged.resources, 'app.asar');
  if (!fs.existsSync(asar)) fail(`${asar} is missing: the app is not packed into an asar`);
  const unpacked = path.join(packaged.resources, 'app.asar.unpacked', 'node_modules', '@electric-sql');
  if (fs.existsSync(unpacked)) fail(`${unpacked} exists: PGlite must load from inside app.asar (integrity-checked), not beside it`);

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-smoke-'));
  const env = { ...process.env, CLINIC_DATA_DIR: dataDir, DATABASE_URL: '' } as Record<string, string>;
  const app = await _electron.launch({ executablePath: packaged.executable, env, timeout: STARTUP_FAILSAFE_MS });
  try {
    const window = await app.firstWindow({ timeout: STARTUP_FAILSAFE_MS });
    window.setDefaultTimeout(STARTUP_FAILSAFE_MS);
    // The first-run screen asks the embedded database whether an administrator exists: it
    // paints only once the PGlite worker answered.
    await window.getByRole('heading', { name: 'Set up Clinic Desk' }).waitFor({ state: 'visible' });
    const url = window.url();
    if (!url.startsWith('app://')) fail(`the window shows ${url}, not the app:// renderer`);
    if (!findFile(dataDir, 'PG_VERSION')) {
      fail(`the embedded database wrote no PG_VERSION under ${dataDir}: PGlite's initdb did not run`);
    }
    const screenshots = path.join(ROOT, 'test-results', 'screenshots');
    fs.mkdirSync(screenshots, { recursive: true });
    await window.screenshot({ path: path.join(screenshots, `packaged-first-run-${process.platform}.png`) });
    console.log(
      `packaged-app smoke test passed: ${path.relative(ROOT, packaged.executable)} started, PGlite initialised ${dataDir} from inside app.asar, first-run screen painted`,
    );
  } finally {
    await app.close().catch(() => undefined);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function findFile(dir: string, name: string): boolean {
  return fs.readdirSync(dir, { withFileTypes: true }).some((e) => (e.isDirectory() ? findFile(path.join(dir, e.name), name) : e.name === name));
}

main().catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
