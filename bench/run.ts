// npm run bench [-- --quick] [--keep] [--mode=server|embedded|signin|renderer|messaging|scheduling|payments|desks|coldstart] [--reports-only] [--markdown]
// Builds a synthetic clinic in each database mode, measures the front desk's operations
// through the real service layer, and writes bench/results.json (--quick: results-quick.json).
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Knex } from 'knex';
import type { Req } from '../preload/contract';
import type { DatabaseConfig } from '../main/db/config';
import { openDatabase } from '../main/db/open';
import { BENCH_SEED, type LoadReport } from './generate/clinic';
import { loadInChild } from './generate/spawn-loader';
import { benchDeskArrangements } from './measure/arrangements';
import { withAdmin } from './measure/pg-admin';
import { measureBooking, CLIENTS } from './measure/booking';
import { measureColdStart } from './measure/cold-start';
import { measureMessaging } from './measure/messaging';
import { measurePayments } from './measure/payments';
import { measureBundle, START_PATH } from './measure/bundle';
import { measureRenderer } from './measure/renderer';
import { exportRange, measureReports } from './measure/reports';
import { exportInApp, type AppExportFigures } from './measure/app-export';
import { Desk } from './measure/desk';
import { postgresCpuClock } from './measure/pg-cpu';
import { findPgbench, measurePgbench, type PgbenchFigures } from './measure/pgbench';
import { runInRounds, type LatencyCase, type Rounds } from './measure/rounds';
import { scheduleCases } from './measure/schedule';
import { searchCases } from './measure/search';
import { schedulingDepthCases } from './measure/waitlist';
import { FLOOD, measureSignInFlood } from './measure/signin';
import type { Mode } from './modes';
import { formatMarkdown, formatTable, writeResults, type Figure, type Machine } from './report';
import { scaleFor, type Scale } from './scale';

const ADMIN_URL = process.env.CLINIC_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROOT = path.resolve(__dirname, '..');
// Main measured as the packaged app runs it: its replies are checked against the contract in
// development and tests only (`checkReplies`), and that check is a few ms on a day of 800
// appointments. Every desk, bridge and app the bench starts, in this process or a child, reads it.
process.env.NODE_ENV = 'production';
/** The export size: a 100,000-row Excel file (fewer where the bench's data hold fewer). */
const EXPORT_ROWS = 100_000;

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    mode: { type: 'string', multiple: true },
    // Also print the figures as the README's Markdown table.
    markdown: { type: 'boolean', default: false },
    // Only the reports' figures (each mode's data is still loaded): the reports slice's own run.
    'reports-only': { type: 'boolean', default: false },
  },
});
const reportsOnly = args['reports-only'] ?? false;
const quick = args.quick ?? false;
// `--mode=server|embedded|signin|renderer|messaging|scheduling|payments|desks|coldstart` (repeatable) runs only those
// parts; a partial run never overwrites the full run's bench/results.json. `scheduling` is issue
// 20's figures alone, on PostgreSQL (they are part of each mode's run too).
type Part = Mode | 'signin' | 'renderer' | 'messaging' | 'scheduling' | 'payments' | 'desks' | 'coldstart';
const PARTS: readonly Part[] = ['server', 'embedded', 'signin', 'renderer', 'messaging', 'scheduling', 'payments', 'desks', 'coldstart'];
const parts: Part[] = args.mode?.length ? args.mode.map(asPart) : [...PARTS];
const modes = parts.filter((p): p is Mode => p === 'server' || p === 'embedded');

function asPart(m: string): Part {
  const part = PARTS.find((p) => p === m);
  if (!part) throw new Error(`--mode is one of ${PARTS.join(', ')}, not "${m}"`);
  return part;
}

const log = (line: string) => console.log(line);

const admin = <T>(work: (knex: Knex) => Promise<T>): Promise<T> => withAdmin(ADMIN_URL, work);

/** A fresh PostgreSQL database or PGlite folder for one mode, and how to get rid of it. */
async function freshTarget(mode: Mode): Promise<{ config: DatabaseConfig; where: string; dispose(): Promise<void> }> {
  if (mode === 'embedded') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-'));
    return { config: { mode, dataDir }, where: dataDir, dispose: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `clinic_bench_${quick ? 'quick' : 'full'}_${randomBytes(4).toString('hex')}`;
  await admin((k) => k.raw('CREATE DATABASE ??', [name]));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    // One connection per desk: 16 desks are 16 PCs, each with its own pool.
    config: { mode, url: url.toString(), sslMode: 'disable', caFile: undefined, poolMax: CLIENTS, statementTimeoutMs: 600_000 },
    where: name,
    dispose: () => admin((k) => k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name])),
  };
}

const n = (x: number) => x.toLocaleString('en');
const describeScale = (s: Scale, load: LoadReport) =>
  `${n(load.rows.patients)} patients, ${n(load.rows.doctors)} doctors, ${s.daysBefore + s.daysAfter} days, ${n(load.rows.appointments)} appointments`;

type Fig = (f: Omit<Figure, 'mode' | 'scale'>) => void;

/** A clinic loaded at `scale` into a fresh database of `mode`, opened with `desks` signed-in desks, for `work`; dropped after. */
async function withClinic(
  key: string,
  mode: Mode,
  scale: Scale,
  desks: number,
  loads: Record<string, LoadReport>,
  work: (desk: Desk, load: LoadReport, config: DatabaseConfig) => Promise<void>,
): Promise<void> {
  const target = await freshTarget(mode);
  log(
    `\n${key}, ${mode === 'server' ? 'PostgreSQL' : 'PGlite'} (${target.where}): loading ${n(scale.patients)} patients, ${scale.doctors} doctors, ${scale.daysBefore + scale.daysAfter} days`,
  );
  try {
    const load = await loadInChild(target.config, scale);
    loads[key] = load;
    log(`  loaded in ${load.seconds.total.toFixed(1)} s; measuring`);
    const desk = await Desk.open(target.config, desks);
    try {
      await work(desk, load, target.config);
    } finally {
      await desk.close();
    }
  } finally {
    if (args.keep) log(`  kept ${target.where}`);
    else await target.dispose();
  }
}

const doctorsOf = async (desk: Desk): Promise<number[]> => (await desk.knex('doctor_entities').orderBy('id').pluck('id')).map(Number);

/**
 * Issue 23's targets for the latency figures, p95 in ms by mode; a figure passes only when its
 * worst round meets it. Figures absent here (or a mode absent) are reported without a target.
 */
const LATENCY_TARGETS: Record<string, Partial<Record<Mode, number>>> = {
  search: { server: 8, embedded: 8 },
  'search.typo': { server: 30 },
  'schedule.day': { server: 10, embedded: 10 },
  'today.payments': { server: 10, embedded: 10 },
  'schedule.week': { server: 15, embedded: 15 },
  'schedule.freeSlots': { server: 10, embedded: 20 },
  'schedule.freeSlotsTyped': { server: 20, embedded: 20 },
  'waitlist.offerMatching': { server: 50, embedded: 50 },
};

/** Issue 23's main-process memory after the load, by mode. */
const RSS_TARGET_MB: Record<Mode, number> = { server: 200, embedded: 300 };

function latencyFigure(mode: Mode, c: LatencyCase, r: Rounds): Omit<Figure, 'mode' | 'scale'> {
  const target = LATENCY_TARGETS[c.id]?.[mode];
  return {
    id: c.id,
    label: c.label,
    unit: 'ms',
    value: r.median.p95,
    latency: r.median,
    worstP95: r.worst.p95,
    ...(target === undefined ? {} : { target: `≤ ${target} ms`, pass: r.worst.p95 <= target }),
    ...(c.note ? { note: c.note } : {}),
  };
}

/** Every latency case in rounds, each on a reopened app, one figure each (the median round's, with the worst round's p95). */
async function latencyFigures(mode: Mode, fig: Fig, desk: Desk, cases: readonly LatencyCase[]): Promise<Map<string, Rounds>> {
  const rounds = await runInRounds(cases, BENCH_SEED, () => desk.reopen(), log);
  for (const c of cases) {
    const r = rounds.get(c.id)!;
    fig(latencyFigure(mode, c, r));
    log(`  ${c.label}: p95 ${r.median.p95.toFixed(1)} ms (median round), ${r.worst.p95.toFixed(1)} ms (worst)`);
  }
  return rounds;
}

async function benchMode(mode: Mode, figures: Figure[], loads: Record<string, LoadReport>): Promise<void> {
  const scale = scaleFor(mode, quick);
  await withClinic(mode, mode, scale, CLIENTS, loads, async (desk, load, config) => {
    const fig: Fig = (f) => figures.push({ mode, scale: describeScale(scale, load), ...f });
    const rowsLoaded = load.rows.patients + load.rows.appointments + load.rows.payments + load.rows.availabilityWindows;
    fig({
      id: 'load',
      label: 'data load (generate + insert + analyze)',
      unit: 's',
      value: load.seconds.total,
      note: `${n(Math.round(rowsLoaded / load.seconds.total))} rows/s`,
    });
    const doctorIds = await doctorsOf(desk);
    if (!reportsOnly) {
      const full = mode === 'server';
      const search = await searchCases(desk, scale.ops, scale.naiveOps, BENCH_SEED);
      const cases = [
        ...search.cases,
        ...scheduleCases(desk, doctorIds, load.today, scale.ops, BENCH_SEED),
        ...(await schedulingDepthCases(desk, doctorIds, load.today, scale.ops, BENCH_SEED)),
      ];
      const rounds = await latencyFigures(mode, fig, desk, cases);
      const speedUp = rounds.get('search.naive')!.median.p95 / rounds.get('search')!.median.p95;
      fig({
        id: 'search.speedup',
        label: 'search speed-up over naive (p95)',
        unit: 'x',
        value: speedUp,
        ...(full ? { target: '≥ 15×', pass: speedUp >= 15 } : {}),
      });
      const recall = search.typoRecall();
      fig({
        id: 'search.typo.recall',
        label: 'typo search: patient in top 5',
        unit: '%',
        value: recall * 100,
        ...(full ? { target: '≥ 97 %', pass: recall >= 0.97 } : {}),
        note: 'the patient, or a namesake',
      });
      const loopP99 = search.eventLoopP99Ms();
      fig({ id: 'eventloop', label: 'event-loop delay p99 during search, worst round', unit: 'ms', value: loopP99, target: '≤ 20 ms', pass: loopP99 <= 20 });
      log('  latency figures done');

      const cpu = mode === 'server' ? await postgresCpuClock(desk.knex) : undefined;
      const b = await measureBooking(desk.knex, desk, doctorIds, load.today, scale.bookings, scale.raceRounds, BENCH_SEED, cpu);
      fig({
        id: 'booking.throughput',
        label: `bookings/s, ${CLIENTS} desks, distinct slots`,
        unit: 'bookings/s',
        value: b.bookingsPerSecond,
        note: `${n(b.booked)} booked, ${b.failed} failed; p95 ${b.latency.p95.toFixed(1)} ms`,
      });
      if (b.serverCpuMs !== undefined) {
        fig({
          id: 'booking.cpu',
          label: 'PostgreSQL’s CPU per booking',
          unit: 'ms',
          value: b.serverCpuMs,
          note: 'its processes’ CPU time over the distinct-slot bookings, per booking: the desks’ own work excluded, any background work of the moment included',
        });
      }
      fig({
        id: 'booking.race',
        label: `${CLIENTS} desks racing for one slot`,
        unit: 'rounds',
        value: b.racePassed,
        target: `exactly 1 success in all ${b.raceRounds} rounds`,
        pass: b.racePassed === b.raceRounds && b.raceRounds > 0,
      });
      log('  booking done');
    }
    const r = await measureReports(desk.db, desk, load.today, await exportRequest(desk.knex, load.today));
    const range = (x: { from: string; to: string }) => `${x.from} to ${x.to}`;
    for (const [name, latency] of Object.entries(r.month.byReport)) {
      fig({
        id: `reports.month.${name}`,
        label: `report for a month: ${name}`,
        unit: 'ms',
        value: latency.p95,
        latency,
        target: '≤ 300 ms',
        pass: latency.p95 <= 300,
        note: range(r.month),
      });
    }
    for (const [name, latency] of Object.entries(r.year.byReport)) {
      fig({
        id: `reports.year.${name}`,
        label: `report for a year: ${name}`,
        unit: 'ms',
        value: latency.max,
        latency,
        target: '≤ 1.5 s',
        pass: latency.max <= 1500,
        note: `slowest of ${latency.ops}; ${range(r.year)}`,
      });
    }
    fig({
      id: 'reports.eventloop',
      label: 'event-loop delay p99 while a year’s reports run',
      unit: 'ms',
      value: r.eventLoopP99Ms,
      target: '≤ 20 ms',
      pass: r.eventLoopP99Ms <= 20,
    });
    fig({
      id: 'reports.export.time',
      label: `Excel export of ${n(r.export.rows)} appointments`,
      unit: 's',
      value: r.export.seconds,
      target: '≤ 10 s',
      pass: r.export.seconds <= 10,
    });
    fig({
      id: 'reports.export.benchRss',
      label: "the bench process's RSS growth during that export",
      unit: 'MB',
      value: r.export.rssGrowthMb,
      note: "after the desks' and the other measurements' garbage; the target is the app's own process's (reports.export.rss)",
    });
    log('  reports done');

    fig({
      id: 'rss',
      label: "the bench process's RSS after every measurement",
      unit: 'MB',
      value: process.memoryUsage().rss / 2 ** 20,
      note: "main's services and 16 desks, the searches' corpora, the reports and the export, with PGlite's worker in embedded mode",
    });
    // The app's own process on this database is measured here on a server; an embedded folder
    // opens in one process at a time, so there the cold start's starts measure it.
    if (config.mode === 'server' && !reportsOnly) {
      const { rss, exported } = await appFigures(config, await exportRequest(desk.knex, load.today));
      fig(rss);
      fig(exported);
    }
  });
}

/** The export: the appointments list as Excel, over as many days back from `today` as hold EXPORT_ROWS appointments. */
async function exportRequest(knex: Knex, today: string): Promise<Req<'reports.export'>> {
  return { kind: 'appointments', format: 'xlsx', filters: await exportRange(knex, today, EXPORT_ROWS) };
}

function appExportFigure(e: AppExportFigures): Omit<Figure, 'mode' | 'scale'> {
  const growth = e.rssPeakMb - e.rssBeforeMb;
  log(`  the export in the app: ${n(e.rows)} rows in ${e.seconds.toFixed(1)} s, RSS ${e.rssBeforeMb.toFixed(0)} → ${e.rssPeakMb.toFixed(0)} MB`);
  return {
    id: 'reports.export.rss',
    label: `the app's process RSS growth during an Excel export of ${n(e.rows)} appointments`,
    unit: 'MB',
    value: growth,
    target: '< 100 MB',
    pass: growth < 100,
    note: `asked through the bridge from the signed-in page, Today shown; RSS ${e.rssBeforeMb.toFixed(0)} → ${e.rssPeakMb.toFixed(0)} MB in ${e.seconds.toFixed(1)} s`,
  };
}

/** The app's main process (browser mode from the build) started on the loaded server, signed in, Today shown; then the export in it. */
async function appFigures(config: DatabaseConfig, request: Req<'reports.export'>): Promise<Record<'rss' | 'exported', Omit<Figure, 'mode' | 'scale'>>> {
  builtRenderer();
  const r = await measureColdStart(ROOT, config, 2, (page, pid) => exportInApp(page, pid, request));
  const rss = Math.max(...r.rssMb);
  log(`  the app's RSS with Today shown ${rss.toFixed(0)} MB (sign-in to Today p50 ${r.toToday.p50.toFixed(0)} ms)`);
  return {
    exported: appExportFigure(r.inLastStart!),
    rss: {
      id: 'app.rss',
      label: "the app's process RSS with Today shown, largest of the starts",
      unit: 'MB',
      value: rss,
      target: `≤ ${RSS_TARGET_MB.server} MB`,
      pass: rss <= RSS_TARGET_MB.server,
      note: `main on the loaded server, every doctor's day on Today; each start: ${r.rssMb.map((m) => m.toFixed(0)).join(', ')} MB`,
    },
  };
}

/** Only issue 20's figures, on PostgreSQL at this run's scale. */
async function benchScheduling(figures: Figure[], loads: Record<string, LoadReport>): Promise<void> {
  const scale = scaleFor('server', quick);
  await withClinic('scheduling', 'server', scale, 1, loads, async (desk, load) => {
    const fig: Fig = (f) => figures.push({ mode: 'server', scale: describeScale(scale, load), ...f });
    await latencyFigures('server', fig, desk, await schedulingDepthCases(desk, await doctorsOf(desk), load.today, scale.ops, BENCH_SEED));
  });
}

/**
 * A shift starting: forty sign-ins at once while a receptionist searches. On PGlite (its one
 * connection is the first to starve when the main thread is busy hashing), at the quick size
 * whatever the run's: the figure is about the main thread, not the data.
 */
async function benchSignIn(figures: Figure[], loads: Record<string, LoadReport>): Promise<void> {
  await withClinic('signin', 'embedded', scaleFor('embedded', true), 1, loads, async (desk, load) => {
    const f = await measureSignInFlood(desk.knex, desk);
    const fig = (x: Omit<Figure, 'mode' | 'scale'>) => figures.push({ mode: 'embedded', scale: `${n(load.rows.patients)} patients, ${FLOOD} sign-ins`, ...x });
    fig({ id: 'signin.search.quiet', label: 'search p95, nobody signing in', unit: 'ms', value: f.quietSearch.p95, latency: f.quietSearch });
    fig({
      id: 'signin.search',
      label: `search p95 while ${FLOOD} sign-ins arrive at once`,
      unit: 'ms',
      value: f.floodSearch.p95,
      latency: f.floodSearch,
      target: '≤ 20 ms',
      pass: f.floodSearch.p95 <= 20,
    });
    fig({
      id: 'signin.latency',
      label: `sign-in p95 of the ${FLOOD}`,
      unit: 'ms',
      value: f.signIn.p95,
      latency: f.signIn,
      note: 'bcrypt cost 12 in the worker pool; the last ones queue for a thread',
    });
    fig({
      id: 'signin.unavailable',
      label: 'calls answered UNAVAILABLE during the flood',
      unit: 'calls',
      value: f.unavailable,
      target: '0',
      pass: f.unavailable === 0,
    });
    log('  sign-in flood done');
  });
}

/** The machine's own rate in this run (`when`: before or after the measurements), or undefined without pgbench. */
async function benchPgbench(figures: Figure[], when: 'before' | 'after'): Promise<PgbenchFigures | undefined> {
  const pgbench = findPgbench();
  if (!pgbench) {
    log('\npgbench is not installed; no machine baseline');
    return undefined;
  }
  const scale = scaleFor('server', quick);
  const name = `clinic_bench_pgbench_${randomBytes(4).toString('hex')}`;
  log(`\npgbench ${when} (${name}): scale ${scale.pgbenchScale}, ${scale.pgbenchSeconds} s per run`);
  await admin((k) => k.raw('CREATE DATABASE ??', [name]));
  try {
    // PostgreSQL's CPU is read before the measurements only: after them, the loaded clinics'
    // autovacuum and checkpoints would run into pgbench's time (a reading near twice as high).
    const cpu = when === 'before' ? await admin(postgresCpuClock) : undefined;
    const p = await measurePgbench(pgbench, new URL(ADMIN_URL), name, scale.pgbenchScale, scale.pgbenchSeconds, cpu);
    const sc = `pgbench scale ${p.scale}, ${p.seconds} s, 16 clients, 2 threads`;
    const fig = (id: string, label: string, value: number, unit: Figure['unit'] = 'tps') =>
      figures.push({ id: `${id}.${when}`, label: `${label}, ${when} the measurements`, mode: 'machine', scale: sc, unit, value });
    fig('pgbench.select', 'pgbench select-only', p.selectOnlyTps);
    fig('pgbench.tpcb', 'pgbench tpcb-like', p.tpcbLikeTps);
    if (p.tpcbCpuMs !== undefined) fig('pgbench.tpcb.cpu', 'PostgreSQL’s CPU per tpcb-like transaction', p.tpcbCpuMs, 'ms');
    return p;
  } finally {
    await admin((k) => k.raw('DROP DATABASE IF EXISTS ?? WITH (FORCE)', [name]));
  }
}

/**
 * Figures that hold still when the machine does not: each latency's p95 in pgbench select-only
 * transactions (what PostgreSQL alone does in that time on this machine, mean of before and
 * after), search's against the naive scan, and bookings as a share of tpcb-like.
 */
function addRatios(figures: Figure[], runs: readonly PgbenchFigures[]): void {
  const mean = (f: (p: PgbenchFigures) => number) => runs.reduce((sum, p) => sum + f(p), 0) / runs.length;
  const selectTps = runs.length ? mean((p) => p.selectOnlyTps) : undefined;
  for (const f of figures) {
    if (f.unit !== 'ms' || !f.latency || f.mode === 'renderer' || f.id.endsWith('naive')) continue;
    if (selectTps) f.pgbenchSelects = (f.value * selectTps) / 1000;
    const naive = figures.find((g) => g.id === 'search.naive' && g.mode === f.mode);
    if (naive && f.id.startsWith('search')) f.naiveSpeedUp = naive.value / f.value;
  }
  const booking = figures.find((f) => f.id === 'booking.throughput' && f.mode === 'server');
  if (booking && runs.length) {
    const share = (booking.value / mean((p) => p.tpcbLikeTps)) * 100;
    figures.push({
      id: 'booking.share',
      label: 'bookings/s as a share of tpcb-like TPS (mean of before and after)',
      mode: 'server',
      scale: booking.scale,
      unit: '%',
      value: share,
      target: '≥ 40 %',
      pass: share >= 40,
    });
  }
  const bookingCpu = figures.find((f) => f.id === 'booking.cpu');
  const perTpcb = runs.find((p) => p.tpcbCpuMs !== undefined)?.tpcbCpuMs;
  if (bookingCpu && perTpcb !== undefined) {
    figures.push({
      id: 'booking.cpuShare',
      label: 'a tpcb-like transaction’s CPU in PostgreSQL as a share of a booking’s',
      mode: 'server',
      scale: bookingCpu.scale,
      unit: '%',
      value: (perTpcb / bookingCpu.value) * 100,
      note: 'the share of tpcb-like TPS a server doing bookings alone would reach were its CPU the limit, each desk on its own PC',
    });
  }
}

async function benchRenderer(figures: Figure[]): Promise<void> {
  log('\nrenderer: the schedule in headless Chromium through the bridge (5 runs each)');
  const r = await measureRenderer(path.join(ROOT, 'out', 'renderer'));
  // Issue 23 asks the day view for 60 ms; the week view keeps the first round's 100 ms.
  const view = (id: string, label: string, scale: string, latency: Figure['latency'] & object, targetMs: number): Figure => ({
    id,
    label,
    mode: 'renderer',
    scale,
    unit: 'ms',
    value: latency.p95,
    latency,
    target: `≤ ${targetMs} ms`,
    pass: latency.p95 <= targetMs,
    note: 'Previous/Next click to the painted frame of the appointments in view; neighbours fetched while the desk looks',
  });
  figures.push(view('renderer.dayView', 'schedule day view, 40 doctors', `${r.dayAppointments} appointments`, r.dayView, 60));
  figures.push(
    view('renderer.dayViewFromBusy', 'schedule day view, 40 doctors, from a day as busy', `${r.dayAppointments} appointments`, r.dayViewFromBusy, 60),
  );
  figures.push({
    id: 'renderer.dayFetch',
    label: 'fetching a day (what a jump to a far date adds)',
    mode: 'renderer',
    scale: `${r.dayAppointments} appointments`,
    unit: 'ms',
    value: r.dayFetch.p95,
    latency: r.dayFetch,
    note: 'the two calls the day view makes, from the page through the bridge',
  });
  figures.push({
    id: 'renderer.dayViewAll',
    label: 'and columns out of sight filled too',
    mode: 'renderer',
    scale: `${r.dayAppointments} appointments`,
    unit: 'ms',
    value: r.dayViewAll.p95,
    latency: r.dayViewAll,
    note: 'click to every appointment of the day in the page; the columns in view are drawn first',
  });
  figures.push(view('renderer.weekView', 'schedule week view, one doctor', `${r.weekAppointments} appointments`, r.weekView, 100));
}

/** The built renderer's folder, built first when it or browser mode's main bundle is missing. */
function builtRenderer(): string {
  const dir = path.join(ROOT, 'out', 'renderer');
  if (!fs.existsSync(path.join(dir, 'index.html')) || !fs.existsSync(path.join(ROOT, 'out', 'main', 'browser.js'))) {
    log('\nthe build is missing: building (npm run build)');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  return dir;
}

/** Cold start on the embedded clinic (the full one: 100,000 patients; --quick: 10,000), build made. */
async function benchColdStart(figures: Figure[], loads: Record<string, LoadReport>): Promise<void> {
  builtRenderer();
  const scale = scaleFor('embedded', quick);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-coldstart-'));
  log(`
cold start (${dataDir}): loading ${n(scale.patients)} patients into PGlite, then 5 starts after one untimed`);
  try {
    const load = await loadInChild({ mode: 'embedded', dataDir }, scale);
    loads.coldstart = load;
    const db = await openDatabase({ mode: 'embedded', dataDir });
    const request = await exportRequest(db.knex, load.today).finally(() => db.close());
    const r = await measureColdStart(ROOT, { mode: 'embedded', dataDir }, undefined, (page, pid) => exportInApp(page, pid, request));
    const common = { mode: 'embedded', scale: describeScale(scale, load), unit: 'ms' as const };
    const note = 'browser mode from the build (out/main/browser.js on plain Node), headless Chromium started with it';
    figures.push({
      id: 'coldstart.signIn',
      label: 'cold start to the sign-in screen painted',
      ...common,
      value: r.toSignIn.p95,
      latency: r.toSignIn,
      target: '≤ 2500 ms',
      pass: r.toSignIn.p95 <= 2500,
      note,
    });
    figures.push({
      id: 'coldstart.today',
      label: 'sign-in to the Today screen painted',
      ...common,
      value: r.toToday.p95,
      latency: r.toToday,
      target: '≤ 1000 ms',
      pass: r.toToday.p95 <= 1000,
      note,
    });
    const rss = Math.max(...r.rssMb);
    figures.push({
      id: 'coldstart.rss',
      label: "the app's process RSS with Today shown, largest of the starts",
      mode: 'embedded',
      scale: common.scale,
      unit: 'MB',
      value: rss,
      target: `≤ ${RSS_TARGET_MB.embedded} MB`,
      pass: rss <= RSS_TARGET_MB.embedded,
      note: `main and its PGlite worker; each start: ${r.rssMb.map((m) => m.toFixed(0)).join(', ')} MB`,
    });
    figures.push({ mode: 'embedded', scale: common.scale, ...appExportFigure(r.inLastStart!) });
    log(
      `  to sign-in p95 ${r.toSignIn.p95.toFixed(0)} ms (p50 ${r.toSignIn.p50.toFixed(0)}); to Today p95 ${r.toToday.p95.toFixed(0)} ms (p50 ${r.toToday.p50.toFixed(0)}); RSS ${rss.toFixed(0)} MB`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function benchBundle(figures: Figure[]): void {
  const dir = builtRenderer();
  const b = measureBundle(dir);
  const sc = 'built renderer (out/renderer)';
  const initialKb = b.initialJsGzip / 1024;
  figures.push({
    id: 'renderer.initialJs',
    label: 'initial JavaScript, gzipped (sign-in, then Today)',
    mode: 'renderer',
    scale: sc,
    unit: 'KB',
    value: initialKb,
    target: '≤ 120 KB',
    pass: initialKb <= 120,
    note: `${START_PATH.join(' → ')} with their static imports, each file gzipped alone: ${b.initialFiles.length} files`,
  });
  figures.push({
    id: 'renderer.twilioLazy',
    label: 'twilio-video kept out of the initial JS',
    mode: 'renderer',
    scale: sc,
    unit: 'yes/no',
    value: b.twilioInInitial ? 0 : 1,
    target: 'in its own lazy chunk',
    pass: !b.twilioInInitial,
    note: b.twilioChunks.length ? `lazy chunk: ${b.twilioChunks.join(', ')}` : 'not imported by the renderer yet',
  });
}

/** Patient messaging on PostgreSQL: queueing due reminders (the outbox trigger) and the sender's throughput against the fake Twilio. */
async function benchMessaging(figures: Figure[]): Promise<void> {
  const count = quick ? 2_000 : 10_000;
  const target = await freshTarget('server');
  log(`\nmessaging (${target.where}): ${n(count)} due reminders`);
  try {
    const db = await openDatabase(target.config, { schema: 'migrate' });
    try {
      const m = await measureMessaging(db, count);
      const sc = `${n(m.reminders)} reminders, one PC sending`;
      const fig = (f: Omit<Figure, 'mode' | 'scale'>) => figures.push({ mode: 'server', scale: sc, ...f });
      fig({
        id: 'messaging.queue',
        label: `queueing ${n(m.reminders)} reminders (appointments inserted, trigger on)`,
        unit: 's',
        value: m.queueSeconds,
        note: `${n(Math.round(m.reminders / m.queueSeconds))} appointments/s; ${m.insertWithoutMessagingSeconds.toFixed(2)} s with messaging off`,
      });
      fig({
        id: 'messaging.send',
        label: 'sender throughput against the fake Twilio',
        unit: 'messages/s',
        value: m.sentPerSecond,
        target: 'each reminder sent exactly once',
        pass: m.sentOnce,
        note: `${m.sendSeconds.toFixed(1)} s for all`,
      });
    } finally {
      await db.close();
    }
  } finally {
    if (args.keep) log(`  kept ${target.where}`);
    else await target.dispose();
  }
}

/** Gateway payments on PostgreSQL: Razorpay's webhook to PAID as another PC reads it. */
async function benchPayments(figures: Figure[]): Promise<void> {
  const count = quick ? 100 : 500;
  const target = await freshTarget('server');
  log(`\npayments (${target.where}): ${n(count)} desk QR payments confirmed by webhook`);
  try {
    const db = await openDatabase(target.config, { schema: 'migrate' });
    try {
      const p = await measurePayments(target.config, db, count);
      figures.push({
        id: 'payments.webhookToPaid',
        label: 'Razorpay webhook to PAID on another PC',
        mode: 'server',
        scale: `${n(p.webhookToPaid.ops)} payments one after another, the gateway, a desk and another PC`,
        unit: 'ms',
        value: p.webhookToPaid.p95,
        latency: p.webhookToPaid,
        target: '≤ 1000 ms, each payment PAID once',
        pass: p.webhookToPaid.p95 <= 1000 && p.paidOnce,
        note: 'signed payment.captured and qr_code.credited posted; stored, applied by the durable worker, heard over LISTEN, read again',
      });
    } finally {
      await db.close();
    }
  } finally {
    if (args.keep) log(`  kept ${target.where}`);
    else await target.dispose();
  }
}

async function machine(): Promise<Machine> {
  const postgres = await admin(async (k) => ((await k.raw('SHOW server_version')).rows[0]?.server_version as string) ?? null).catch(() => null);
  return {
    cores: os.availableParallelism(),
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const figures: Figure[] = [];
  const loads: Record<string, LoadReport> = {};
  const baseline = modes.includes('server') && !reportsOnly;
  const pgbench: PgbenchFigures[] = [];
  const machineRate = async (when: 'before' | 'after') => {
    const p = baseline ? await benchPgbench(figures, when) : undefined;
    if (p) pgbench.push(p);
  };
  await machineRate('before');
  for (const mode of modes) await benchMode(mode, figures, loads);
  if (parts.includes('signin') && !reportsOnly) await benchSignIn(figures, loads);
  if (parts.includes('messaging') && !reportsOnly) await benchMessaging(figures);
  if (parts.includes('payments') && !reportsOnly) await benchPayments(figures);
  if (parts.includes('desks') && !reportsOnly) figures.push(...(await benchDeskArrangements(log, BENCH_SEED)));
  if (parts.includes('coldstart') && !reportsOnly) await benchColdStart(figures, loads);
  if (parts.includes('scheduling') && !modes.includes('server') && !reportsOnly) await benchScheduling(figures, loads);
  if (parts.includes('renderer') && !reportsOnly) {
    benchBundle(figures);
    await benchRenderer(figures);
  }
  await machineRate('after');
  addRatios(figures, pgbench);

  const file = path.join(
    __dirname,
    reportsOnly
      ? `results-reports${quick ? '-quick' : ''}.json`
      : quick
        ? 'results-quick.json'
        : args.mode?.length
          ? `results-${parts.join('-')}.json`
          : 'results.json',
  );
  writeResults(file, { date: new Date().toISOString(), quick, machine: await machine(), load: loads, figures });
  log(`\n${formatTable(figures)}\n\n${path.relative(ROOT, file)} written; ${((Date.now() - started) / 1000).toFixed(0)} s in all`);
  if (args.markdown) log(`\n${formatMarkdown(figures)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
