import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { hashPassword } from '../../main/auth/hashing';
import type { DatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { insertUser } from '../../main/users/repo';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/e2e/browser';
import { aWorkingToday } from '../../tests/support/working-today';
import { summarise, type Latency } from './latency';

const ADMIN = { email: 'cold-start@clinic.test', password: 'cold start bench 2026' };
/** Starting, opening 100k patients and painting is seconds; a start that takes this long has failed. */
const START_DEADLINE_MS = 120_000;

export interface ColdStartFigures {
  /** From starting the app's process (and Chromium with it) to the sign-in screen painted. */
  toSignIn: Latency;
  /** From the Sign in click to the Today screen painted with the day's doctors. */
  toToday: Latency;
  /** The app's own process (main, with PGlite in its worker) once Today is painted, in MB: each timed start. */
  rssMb: number[];
}

/** A process's resident memory in MB: from /proc where there is one (cheap enough to read every few milliseconds), else as `ps` reports it (macOS). */
export function rssOf(pid: number): number {
  const status = `/proc/${pid}/status`;
  if (fs.existsSync(status)) return Number(/^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(status, 'utf8'))![1]) / 1024;
  return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim()) / 1024;
}

/** Resolves after the next frame has been painted. */
const painted = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/**
 * Resolves in the first frame in which the page holds an element matching `selector`. Checked in
 * the page at every frame: a locator's wait asks again only every half second once it has waited
 * a quarter of one, so what it times comes in steps of half a second.
 */
const shown = (page: Page, selector: string) =>
  page.waitForFunction((wanted) => document.querySelector(wanted) !== null, selector, { polling: 'raf', timeout: START_DEADLINE_MS });

/** The sign-in form's email field, and Today's first doctor column (a region named "Today with …"). */
const SIGN_IN_FORM = 'form[aria-labelledby="login-title"] input[type="email"]';
const TODAY_COLUMN = 'section[aria-label^="Today with "]';

/** What points the app at `config`'s database: its folder, or the server's URL. */
function databaseEnv(config: DatabaseConfig): NodeJS.ProcessEnv {
  const { DATABASE_URL: _server, CLINIC_DATA_DIR: _folder, ...env } = process.env;
  return config.mode === 'embedded' ? { ...env, CLINIC_DATA_DIR: config.dataDir } : { ...env, DATABASE_URL: config.url };
}

/** The built app in browser mode on `config`'s database, until it prints where it listens; and how to stop it. */
function startApp(root: string, config: DatabaseConfig): { pid: number; url: Promise<string>; stop(): Promise<void> } {
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'browser.js')], {
    cwd: root,
    env: databaseEnv(config),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Open (http:\/\/\S+) in a browser/.exec(output);
      if (found) resolve(found[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`The app exited (${code}) before it was up:\n${output}`)));
  });
  return {
    pid: child.pid!,
    url,
    async stop() {
      // SIGTERM: the app closes the bridge and checkpoints the database, as on a normal quit.
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Cold start as a receptionist sees it, `runs` times after one untimed start: the app's process
 * (browser mode from the build: main bundled, as the app runs it, on plain Node) and Chromium started together,
 * the database opened, the sign-in screen painted; then a sign-in to the Today screen. The
 * database holds a loaded clinic; an administrator is added to sign in with. `thenInLastStart`
 * runs in the last start once Today is painted and its RSS read, with the signed-in page and the
 * app's process id; what it gives back is `inLastStart`.
 */
export async function measureColdStart<T = undefined>(
  root: string,
  config: DatabaseConfig,
  runs = 5,
  thenInLastStart?: (page: Page, appPid: number) => Promise<T>,
): Promise<ColdStartFigures & { inLastStart?: T }> {
  const db = await openDatabase(config);
  try {
    await aWorkingToday(db.knex);
    await insertUser(db.knex, {
      email: ADMIN.email,
      passwordHash: await hashPassword(ADMIN.password),
      role: 'ADMIN',
      displayName: 'Cold Start',
      doctorId: null,
    });
  } finally {
    await db.close();
  }
  const toSignIn: number[] = [];
  const toToday: number[] = [];
  const rssMb: number[] = [];
  let inLastStart: T | undefined;
  for (let i = 0; i <= runs; i++) {
    const started = performance.now();
    const app = startApp(root, config);
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    try {
      const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
      // unref: the deadline still pending once the app is up must not hold the bench open after its last run.
      const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('The app did not start')), START_DEADLINE_MS).unref());
      const url = await Promise.race([app.url, deadline]);
      await page.goto(url);
      await shown(page, SIGN_IN_FORM);
      await painted(page);
      const signInShown = performance.now() - started;
      await page.getByLabel('Email').fill(ADMIN.email);
      await page.getByLabel('Password').fill(ADMIN.password);
      const clicked = performance.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      await shown(page, TODAY_COLUMN);
      await painted(page);
      // The first start fills the OS file cache and tsx's transpile cache: not timed.
      if (i > 0) {
        toSignIn.push(signInShown);
        toToday.push(performance.now() - clicked);
        rssMb.push(rssOf(app.pid));
      }
      if (i === runs && thenInLastStart) inLastStart = await thenInLastStart(page, app.pid);
    } finally {
      await browser.close();
      await app.stop();
    }
  }
  return { toSignIn: summarise(toSignIn), toToday: summarise(toToday), rssMb, inLastStart };
}
