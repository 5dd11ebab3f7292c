import fs from 'node:fs';
import os from 'node:os';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import { measureBundle, START_PATH } from '../../bench/measure/bundle';
import { START_SHARED } from '../../electron.vite.config';
import type { WorkerToHost } from '../../main/db/embedded/protocol';

// npm test builds before vitest runs; these check what `npm run build` produced.
const OUT = path.resolve(__dirname, '../../out');
const RENDERER = path.join(OUT, 'renderer');

// Strings only each library's own code holds, minified or not.
const HEAVY = {
  'twilio-video': 'SignalingConnectionError',
  'chart.js': 'Canvas is already in use',
  qrcode: 'Invalid hex color',
  cmdk: 'cmdk-item',
  zod: 'ZodError',
  '@radix-ui/react-dialog': 'DialogContent',
};

/** A built main file and the chunks it requires as it loads (top-level statements), each once. */
function loadedWith(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = fs.readFileSync(path.join(OUT, 'main', file), 'utf8');
  const chunks = [...text.matchAll(/^(?:const|let) \w+ = require\("\.\/([^"]+)"\)/gm)].map((m) => m[1]!);
  return [text, ...chunks.flatMap((chunk) => loadedWith(chunk, seen))];
}

/** Node's own modules, by the names bundled packages require them (`util`, not `node:util`). */
const NODE_BUILTINS = new Set(builtinModules);

/** The one built main file whose name matches. */
function builtMain(name: RegExp): string {
  const [file, ...more] = fs.readdirSync(path.join(OUT, 'main')).filter((f) => name.test(f));
  if (!file || more.length > 0) throw new Error(`expected one file in out/main matching ${name}`);
  return file;
}

/** The chunk that holds main's services (createServices and every domain's service). */
const SERVICES = () => builtMain(/^services-.*\.js$/);

/** The chunk of the app's main that its entry (index.js) loads once the embedded database is starting. */
const DESK = () => builtMain(/^desk-.*\.js$/);

/** The packages that file and those chunks require as they load. */
const loadedAtStart = (file: string) =>
  new Set(loadedWith(file).flatMap((text) => [...text.matchAll(/^(?:const|let) \w+ = require\("([^.][^"]*)"\)/gm)].map((m) => m[1]!)));

describe('npm run build output', () => {
  it('names only modules that exist in the start-up chunk: one moved away would load as a chunk of its own', () => {
    const root = path.resolve(__dirname, '../..');
    const missing = START_SHARED.filter((m) => !['', '.ts', '.tsx'].some((ext) => fs.existsSync(path.join(root, m + ext))));
    expect(missing).toEqual([]);
  });

  it('bundles the preload as one CommonJS file that requires only electron', () => {
    const preload = fs.readFileSync(path.join(OUT, 'preload/index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(fs.readdirSync(path.join(OUT, 'preload'))).toEqual(['index.cjs']);
  });

  it('builds main with the PGlite worker as its own entry, and knex, pg and the other packages main loads at start inside it', () => {
    const main = [...loadedWith('index.js'), ...loadedWith(DESK())].join('\n');
    // Knex's own error for a full pool, and pg's for a query on a closed client.
    expect(main).toContain('Knex: Timeout acquiring a connection');
    expect(main).toContain('Client was closed and is not queryable');
    expect(main).not.toMatch(/require\("(knex|pg|zod|libphonenumber-js|date-fns|rrule)"\)/);
    expect(main).toContain('require("electron")');
    // The migrations are bundled, not read from a folder at run time.
    expect(main).toContain('20261125000000_seed_schema');
    expect(main).toContain('excl_appointment_doctor_overlap');
    expect(fs.existsSync(path.join(OUT, 'main/pglite-worker.js'))).toBe(true);
  });

  it("main's start-up loads Twilio's, Razorpay's, the mailer's, the Excel writer's, the password dictionary's and the demo generator's packages only when first used", () => {
    const LAZY = ['twilio', 'razorpay', 'exceljs', 'nodemailer', '@zxcvbn-ts/language-common'];
    // Faker is bundled into the demo clinic's chunk (a dev dependency): known by its own error text.
    const FAKER = 'You cannot edit the locale data on the faker instance';
    // Both entries load main with import() once the embedded database is starting, and main's
    // services with import() once the window or the bridge is up (below).
    for (const entry of [DESK(), builtMain(/^browser-mode-.*\.js$/), SERVICES()]) {
      expect(loadedWith(entry).join('\n'), entry).not.toContain(FAKER);
      const atStart = loadedAtStart(entry);
      // Of node_modules, none but the worker pool, which starts its worker from a file beside its own.
      expect(
        [...atStart].filter((p) => !p.startsWith('node:') && !NODE_BUILTINS.has(p) && !['electron', 'piscina'].includes(p)),
        entry,
      ).toEqual([]);
      expect(
        LAZY.filter((p) => atStart.has(p)),
        entry,
      ).toEqual([]);
    }
    // Still there, loaded by the code that needs them.
    const main = fs
      .readdirSync(path.join(OUT, 'main'))
      .map((f) => fs.readFileSync(path.join(OUT, 'main', f), 'utf8'))
      .join('\n');
    for (const p of LAZY) expect(main, p).toMatch(new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\) => .*require\\("${p}"\\)`));
    expect(main).toContain(FAKER);
  });

  it("starts the embedded database before the rest of main loads: each entry requires only Node's own modules (and Electron) first", () => {
    const entries: [file: string, rest: string][] = [
      ['index.js', DESK()],
      ['browser.js', builtMain(/^browser-mode-.*\.js$/)],
    ];
    for (const [file, rest] of entries) {
      const atStart = [...loadedAtStart(file)];
      expect(
        atStart.filter((p) => !p.startsWith('node:') && p !== 'electron'),
        file,
      ).toEqual([]);
      const entry = fs.readFileSync(path.join(OUT, 'main', file), 'utf8');
      const started = entry.indexOf('startEngineEarly(');
      expect(started, file).toBeGreaterThan(-1);
      expect(entry.indexOf(`require("./${rest}")`), file).toBeGreaterThan(started);
    }
  });

  it("opens the window, or the bridge's page, before main's services are loaded: they come with import()", () => {
    for (const entry of [DESK(), builtMain(/^server-.*\.js$/)]) {
      const atStart = loadedWith(entry).join('\n');
      expect(atStart, entry).not.toContain('function createServices(');
      expect(fs.readFileSync(path.join(OUT, 'main', entry), 'utf8'), entry).toMatch(
        new RegExp(`Promise\\.resolve\\(\\)\\.then\\(\\(\\) => require\\("\\./${SERVICES()}"\\)\\)`),
      );
    }
  });

  it('builds the renderer with its entry script', () => {
    const html = fs.readFileSync(path.join(OUT, 'renderer/index.html'), 'utf8');
    const script = html.match(/src="\.?\/?(assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect(fs.existsSync(path.join(OUT, 'renderer', script!))).toBe(true);
  });

  it('loads twilio-video lazily, in its own chunk, not in the entry script', () => {
    const assets = fs.readdirSync(path.join(OUT, 'renderer/assets'));
    const read = (name: string) => fs.readFileSync(path.join(OUT, 'renderer/assets', name), 'utf8');
    const vendor = assets.filter((a) => /^twilio-vendor-.*\.js$/.test(a));
    expect(vendor).toHaveLength(1);
    // SignalingConnectionError is twilio-video's own code.
    expect(read(vendor[0]!)).toContain('SignalingConnectionError');
    for (const entry of assets.filter((a) => /^index-.*\.js$/.test(a))) expect(read(entry)).not.toContain('SignalingConnectionError');
  });

  it('starts without the heavy libraries: sign-in and then Today load none of them, each comes with what uses it', () => {
    const start = measureBundle(RENDERER).initialFiles;
    // The sign-in screen is the entry; what Today needs after it is counted with it.
    expect(measureBundle(RENDERER, ['index.html']).initialFiles.every((f) => start.includes(f))).toBe(true);
    const assets = fs.readdirSync(path.join(RENDERER, 'assets')).filter((a) => a.endsWith('.js'));
    for (const [library, marker] of Object.entries(HEAVY)) {
      const holders = assets.filter((a) => fs.readFileSync(path.join(RENDERER, 'assets', a), 'utf8').includes(marker)).map((a) => `assets/${a}`);
      expect(holders, `${library} is in the build`).not.toEqual([]);
      expect(
        holders.filter((h) => start.includes(h)),
        `${library} in the start-up JavaScript`,
      ).toEqual([]);
    }
  });

  it('keeps the start-up JavaScript (sign-in, then Today) within 120 KB gzipped', () => {
    const { initialJsGzip, initialFiles } = measureBundle(RENDERER);
    expect(initialFiles.length).toBeGreaterThanOrEqual(START_PATH.length);
    expect(initialJsGzip / 1024).toBeLessThanOrEqual(120);
  });

  it('loads every other screen and the dialogs as chunks of their own, outside the start-up JavaScript', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(RENDERER, '.vite/manifest.json'), 'utf8')) as Record<
      string,
      { file: string; isDynamicEntry?: boolean }
    >;
    const start = measureBundle(RENDERER).initialFiles;
    const later = Object.entries(manifest).filter(([key, chunk]) => chunk.isDynamicEntry && !START_PATH.includes(key));
    expect(later.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        'features/schedule/ScheduleScreen.tsx',
        'features/patients/PatientsScreen.tsx',
        'features/payments/DayEndScreen.tsx',
        'features/reports/ReportsScreen.tsx',
        'features/doctors/DoctorsScreen.tsx',
        'features/admin/AdminScreen.tsx',
        'features/auth/FirstRunScreen.tsx',
        'features/shell/CommandPalette.tsx',
        'features/queue/WalkInDialog.tsx',
        'features/payments/PaymentDialog.tsx',
        'features/appointments/AppointmentDialog.tsx',
        'features/call/CallRoot.tsx',
        'features/display/DisplayBoard.tsx',
      ]),
    );
    for (const [key, chunk] of later) expect(start, key).not.toContain(chunk.file);
  });

  it('ships Noto Sans for Latin and each Indian script as woff2 faces of the built CSS, each fetched only for its own characters', () => {
    const assets = fs.readdirSync(path.join(RENDERER, 'assets'));
    const css = assets.filter((a) => a.endsWith('.css')).map((a) => fs.readFileSync(path.join(RENDERER, 'assets', a), 'utf8'));
    const faces = css.flatMap((sheet) => [...sheet.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!));
    const face = (family: string, covers: string) => faces.find((f) => f.includes(`font-family:${family};`) && f.includes(covers));
    // Each script by its Unicode block, as the minified CSS writes it (no leading zeros).
    const SCRIPTS = {
      Devanagari: 'U+900-97F',
      Bengali: 'U+980-9FE',
      Gujarati: 'U+A80-AFF',
      Tamil: 'U+B82-BFA',
      Telugu: 'U+C00-C7F',
      Kannada: 'U+C80-CF3',
      Malayalam: 'U+D00-D7F',
    };
    expect(face('Noto Sans Variable', 'unicode-range:U+??,'), 'Latin').toBeDefined();
    for (const [script, block] of Object.entries(SCRIPTS)) {
      const rule = face(`Noto Sans ${script} Variable`, block);
      expect(rule, script).toBeDefined();
      // A script's face names its own block and shared marks, never Latin: a Latin page never fetches it.
      expect(rule, script).not.toMatch(/unicode-range:[^;]*U\+(\?\?|0-|20-)/);
      const file = rule!.match(/src:url\(\.\/([^)]+)\)/)?.[1];
      expect(file, script).toMatch(/\.woff2$/);
      expect(assets, script).toContain(file);
    }
    // woff2 only, nothing in the JavaScript: the fonts cost the start-up script nothing.
    expect(assets.filter((a) => /\.(woff|ttf|otf|eot)$/.test(a))).toEqual([]);
    expect(assets.filter((a) => a.endsWith('.woff2'))).toHaveLength(Object.keys(SCRIPTS).length + 2);
    for (const file of measureBundle(RENDERER).initialFiles) expect(fs.readFileSync(path.join(RENDERER, file), 'utf8')).not.toContain('.woff2');
  });

  it('the bundled PGlite worker starts a database that answers over its socket', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-built-worker-'));
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-built-sock-'));
    const worker = new Worker(path.join(OUT, 'main/pglite-worker.js'), {
      workerData: { pgDataDir: path.join(dir, 'pgdata'), socketPath: path.join(socketDir, '.s.PGSQL.5432') },
    });
    const next = (type: WorkerToHost['type']) =>
      new Promise<WorkerToHost>((resolve, reject) => {
        worker.on('message', (m: WorkerToHost) => (m.type === type || m.type === 'failed' ? resolve(m) : undefined));
        worker.once('error', reject);
      });
    try {
      expect(await next('ready')).toMatchObject({ type: 'ready' });
      const knex = knexFactory({ client: 'pg', connection: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' }, pool: { min: 0, max: 1 } });
      const r = await knex.raw(`CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm; SELECT similarity('clinic', 'clinics') > 0.5 AS ok`);
      await knex.destroy();
      expect((Array.isArray(r) ? r.at(-1) : r).rows).toEqual([{ ok: true }]);
      const closed = next('closed');
      worker.postMessage({ type: 'close' });
      expect(await closed).toEqual({ type: 'closed' });
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(socketDir, { recursive: true, force: true });
    }
  });
});
