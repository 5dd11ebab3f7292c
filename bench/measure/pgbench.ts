import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface PgbenchFigures {
  selectOnlyTps: number;
  tpcbLikeTps: number;
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

/**
 * What PostgreSQL itself does on this machine, in the same run: pgbench's select-only and
 * TPC-B-like transactions, 16 clients over 2 threads, in a database of its own (`database`,
 * already created and dropped by the caller).
 */
export async function measurePgbench(pgbench: string, url: URL, database: string, scale: number, seconds: number): Promise<PgbenchFigures> {
  const conn = ['-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username || 'postgres')];
  await run(pgbench, [...conn, '-i', '-q', '-s', String(scale), database], { maxBuffer: 16 << 20 });
  const bench = async (extra: string[]) =>
    tps((await run(pgbench, [...conn, ...extra, '-n', '-c', '16', '-j', '2', '-T', String(seconds), database], { maxBuffer: 16 << 20 })).stdout);
  const selectOnlyTps = await bench(['-S']);
  const tpcbLikeTps = await bench([]);
  return { selectOnlyTps, tpcbLikeTps, scale, seconds };
}
