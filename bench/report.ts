import fs from 'node:fs';
import type { Latency } from './measure/latency';

type Unit = 'ms' | 's' | 'x' | '%' | 'MB' | 'KB' | 'bookings/s' | 'tps' | 'rounds' | 'calls' | 'yes/no' | 'messages/s';

export interface Figure {
  id: string;
  label: string;
  /** server (PostgreSQL), embedded (PGlite), machine (pgbench) or renderer. */
  mode: string;
  /** The data it was measured on, e.g. "1,000,000 patients, 200 doctors, 730 days". */
  scale: string;
  unit: Unit;
  /** For latencies, the p95 (of the median round, when measured in rounds). */
  value: number;
  latency?: Latency;
  /** Measured in rounds: the worst round's p95, which the target is held to. */
  worstP95?: number;
  /** The p95 in pgbench select-only transactions of the same run (what PostgreSQL alone does meanwhile). */
  pgbenchSelects?: number;
  /** The naive scan's p95 over this one. */
  naiveSpeedUp?: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  platform: string;
  node: string;
  postgres: string | null;
}

export interface Results {
  date: string;
  quick: boolean;
  machine: Machine;
  load: Record<string, unknown>;
  figures: Figure[];
}

export function writeResults(file: string, results: Results): void {
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

function formatValue(f: Figure): string {
  if (f.unit === 'yes/no') return f.value ? 'yes' : 'no';
  const digits = f.unit === 'ms' || f.unit === 'x' || f.unit === 's' ? (f.value < 10 ? 2 : 1) : 0;
  return `${f.value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${f.unit}`;
}

function formatRatios(f: Figure): string {
  const parts = [];
  if (f.pgbenchSelects !== undefined) parts.push(`${Math.round(f.pgbenchSelects).toLocaleString('en')} pgbench selects`);
  if (f.naiveSpeedUp !== undefined) parts.push(`${f.naiveSpeedUp.toFixed(0)}× faster than naive`);
  return parts.join(', ');
}

const worst = (f: Figure) => (f.worstP95 === undefined ? '' : `${f.worstP95.toFixed(f.worstP95 < 10 ? 2 : 1)} ms`);

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

/** The figures as a plain-text table: what, where, value (and p50/p99), target, pass or miss. */
export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    f.mode,
    formatValue(f),
    worst(f),
    formatRatios(f),
    f.latency ? `p50 ${f.latency.p50.toFixed(2)} / p99 ${f.latency.p99.toFixed(2)} ms, n=${f.latency.ops}` : (f.note ?? ''),
    f.target ?? '',
    f.pass === undefined ? '' : f.pass ? 'pass' : 'MISS',
  ]);
  const header = ['figure', 'mode', 'value (p95, median round)', 'worst round', 'ratios', 'detail', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => pad(c, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The README's table: the same figures as Markdown. */
export function formatMarkdown(figures: readonly Figure[]): string {
  const detail = (f: Figure) => (f.latency ? `p50 ${f.latency.p50.toFixed(1)}, p99 ${f.latency.p99.toFixed(1)} ms, n=${f.latency.ops}` : (f.note ?? ''));
  const rows = figures.map(
    (f) =>
      `| ${f.label} | ${f.mode} | ${formatValue(f)} | ${worst(f)} | ${formatRatios(f)} | ${detail(f)} | ${f.target ?? ''} | ${f.pass === undefined ? '' : f.pass ? 'pass' : '**miss**'} |`,
  );
  return ['| Figure | Mode | p95 (median round) | Worst round | Ratios | Detail | Target | |', '|---|---|---|---|---|---|---|---|', ...rows].join('\n');
}
