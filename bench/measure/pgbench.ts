import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgbenchFigures {
  selectOnlyTps: number;
  tpcbLikeTps: number;
  /** PostgreSQL's CPU per tpcb-like transaction, in ms (bench/measure/pg-cpu.ts), where it can be read. */
  tpcbCpuMs?: number;
  scale: number;
  seconds: number;
}

const CANDIDATES = ['/usr/lib/postgresql/15/bin/pgbench', '/usr/bin/pgbench'];

export function findPgbench(): string | undefined {
  return [process.env.PGBENCH, ...CANDIDATES].find((p): p is string => !!p && fs.existsSync(p));
}

function tps(output: string): number {
  const m = /tps = ([\d.]+) \((?:without initial connection time|excluding connections establishing)\)/.exec(output);
  if (!m) throw new Error(`pgbench printed no TPS:\n${output}`);
  return Number(m[1]);
}

function transactions(output: string): number {
  const m = /number of transactions actually processed: (\d+)/.exec(output);
  if (!m) throw new Error(`pgbench printed no transaction count:\n${output}`);
  return Number(m[1]);
}

/**
 * What PostgreSQL itself does on this machine, in the same run: pgbench's select-only and
 * TPC-B-like transactions, 16 clients over 2 threads, in a database of its own (`database`,
 * already created and dropped by the caller).
 */
export async function measurePgbench(pgbench: string, url: URL, database: string, scale: number, seconds: number, cpu?: () => number): Promise<PgbenchFigures> {
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  await run(pgbench, [...conn, '-i', '-q', '-s', String(scale), database], { maxBuffer: 16 << 20 });
  const bench = async (extra: string[]) =>
    (await run(pgbench, [...conn, ...extra, '-n', '-c', '16', '-j', '2', '-T', String(seconds), database], { maxBuffer: 16 << 20 })).stdout;
  const selectOnlyTps = tps(await bench(['-S']));
  const cpuBefore = cpu?.();
  const tpcb = await bench([]);
  const tpcbCpuMs = cpu && cpuBefore !== undefined ? (cpu() - cpuBefore) / transactions(tpcb) : undefined;
  return { selectOnlyTps, tpcbLikeTps: tps(tpcb), ...(tpcbCpuMs === undefined ? {} : { tpcbCpuMs }), scale, seconds };
}
