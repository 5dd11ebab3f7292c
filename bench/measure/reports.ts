import fs from 'node:fs';
import type { Knex } from 'knex';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { ChannelName, ExportResultDto, Req, Result } from '../../preload/contract';
import type { Database } from '../../main/db/open';
import { insertUser } from '../../main/users/repo';
import type { Desk } from './desk';
import { summarise, type Latency } from './latency';

const SESSION = 'bench-reports-admin';
const shiftDate = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const MONTH_RUNS = 20;
const YEAR_RUNS = 5;

export interface ReportFigures {
  month: { from: string; to: string; byReport: Record<string, Latency> };
  year: { from: string; to: string; byReport: Record<string, Latency> };
  /** Event-loop delay p99 (ms) while the year's reports ran. */
  eventLoopP99Ms: number;
  export: { rows: number; seconds: number; rssGrowthMb: number };
}

type Filters = Req<'reports.revenue'>;

/** Every report's request for a range (the day sheet: its last day, every doctor). */
const REPORTS = (f: Filters): [string, ChannelName, unknown][] => [
  ['day sheet', 'reports.daySheet', { date: f.to }],
  ['by status', 'reports.statusOverTime', { filters: f, period: 'week' }],
  ['no-shows, heat map, lead time', 'reports.attendance', f],
  ['utilisation', 'reports.utilisation', f],
  ['revenue', 'reports.revenue', f],
  ['dues and advances', 'reports.dues', f],
  ['new vs returning', 'reports.patientMix', { filters: f, period: 'week' }],
];

/** The export's range: the appointments list over as many days back from `today` as hold `rows` appointments. */
export async function exportRange(knex: Knex, today: string, rows: number): Promise<{ from: string; to: string }> {
  const days: { date: string; n: number }[] = (
    await knex.raw(
      `SELECT appointment_date AS date, count(*)::int AS n FROM appointment_entities WHERE appointment_date <= ?::date GROUP BY 1 ORDER BY 1 DESC`,
      [today],
    )
  ).rows;
  let covered = 0;
  let from = today;
  for (const d of days) {
    if (covered >= rows) break;
    covered += d.n;
    from = d.date;
  }
  return { from, to: today };
}

/**
 * The reports through the same router the IPC handlers use, as a signed-in ADMIN: each report
 * for the last month and the last year of the bench's data, a large Excel export (time and
 * the process's RSS growth), and the event loop while a year's reports run.
 */
export async function measureReports(db: Database, desk: Desk, today: string, exportAs: Req<'reports.export'>): Promise<ReportFigures> {
  const user = await insertUser(db.knex, {
    email: `reports.${process.pid}@bench.clinic`,
    passwordHash: 'x',
    role: 'ADMIN',
    displayName: 'Reports',
    doctorId: null,
  });
  desk.services.sessions.signIn(SESSION, user.id);
  const call = async (channel: ChannelName, payload: unknown) => {
    const r = (await desk.services.router.call(channel, payload, { sessionKey: SESSION, workstation: 'bench-reports' })) as Result<unknown>;
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const time = async (runs: number, work: () => Promise<unknown>) => {
    await work();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await work();
      samples.push(performance.now() - t);
    }
    return summarise(samples);
  };

  const month = { from: shiftDate(today, -30), to: today };
  const year = { from: shiftDate(today, -364), to: today };
  const byMonth: Record<string, Latency> = {};
  for (const [name, channel, payload] of REPORTS(month)) byMonth[name] = await time(MONTH_RUNS, () => call(channel, payload));

  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const byYear: Record<string, Latency> = {};
  for (const [name, channel, payload] of REPORTS(year)) byYear[name] = await time(YEAR_RUNS, () => call(channel, payload));
  delay.disable();

  if (typeof global.gc === 'function') global.gc();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 20);
  const started = performance.now();
  const result = (await call('reports.export', exportAs)) as ExportResultDto;
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const file = desk.services.exportFiles.take(SESSION, result.downloadId!);
  if (file) {
    if (fs.statSync(file.path).size === 0) throw new Error('the export wrote an empty file');
    file.release();
  }
  return {
    month: { ...month, byReport: byMonth },
    year: { ...year, byReport: byYear },
    eventLoopP99Ms: delay.percentile(99) / 1e6,
    export: { rows: result.rows, seconds, rssGrowthMb: (rssPeak - rssBefore) / 2 ** 20 },
  };
}
