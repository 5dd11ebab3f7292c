import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { Knex } from 'knex';

/** A process's /proc stat fields from the third on (state, ppid, …), when it is a PostgreSQL process of this machine. */
function postgresStat(pid: number): string[] | undefined {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  if (!stat.includes('(postgres)')) return undefined;
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

// Fields of postgresStat: ppid, then utime, stime (the process's own), cutime, cstime (its reaped children's), in clock ticks.
const PPID = 1;
const OWN = [11, 12];
const REAPED = [13, 14];
const sum = (fields: string[], at: readonly number[]) => at.reduce((total, i) => total + Number(fields[i]), 0);

/**
 * PostgreSQL's CPU time so far, in ms, as a clock to read before and after some work: its
 * postmaster's, every process it forked that is still alive, and those that have exited (the
 * postmaster collects their time when it reaps them), so a pool's connections closed meanwhile
 * still count. Undefined when the server is not a process of this machine (another host, a
 * system without /proc): what it costs is then not this bench's to see.
 */
export async function postgresCpuClock(knex: Knex): Promise<(() => number) | undefined> {
  const { rows } = (await knex.raw('SELECT pg_backend_pid() AS pid')) as { rows: { pid: number }[] };
  const backend = postgresStat(rows[0]!.pid);
  if (!backend) return undefined;
  const postmaster = Number(backend[PPID]);
  const ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  return () => {
    const own = postgresStat(postmaster);
    if (!own) throw new Error(`PostgreSQL's postmaster (process ${postmaster}) has gone`);
    let ticks = sum(own, OWN) + sum(own, REAPED);
    for (const entry of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const child = postgresStat(Number(entry));
      if (child && Number(child[PPID]) === postmaster) ticks += sum(child, OWN);
    }
    return (ticks * 1000) / ticksPerSecond;
  };
}
