import type { Mode } from './modes';

/** How big a synthetic clinic is; `daysBefore` of history and `daysAfter` to book into. */
export interface Scale {
  patients: number;
  doctors: number;
  daysBefore: number;
  daysAfter: number;
  /** Operations per latency figure in each round (bench/measure/rounds.ts), and bookings for the throughput figure. */
  ops: number;
  /** The naive query reads the whole table each time: fewer runs of it, to keep the run short. */
  naiveOps: number;
  bookings: number;
  raceRounds: number;
  /** pgbench: scale factor and seconds per run. */
  pgbenchScale: number;
  pgbenchSeconds: number;
}

// Full sizes from the issue: PostgreSQL 1M patients, 200 doctors, two years (about 2M
// appointments); PGlite 100k patients, 40 doctors, six months. --quick keeps a tenth of the
// patients, fewer appointments (a tenth of the days would leave no month to search for free
// slots in), and never fewer than 40 doctors: the day view shows 40 columns.
const FULL: Record<Mode, Scale> = {
  server: {
    patients: 1_000_000,
    doctors: 200,
    daysBefore: 365,
    daysAfter: 365,
    ops: 1000,
    naiveOps: 100,
    bookings: 3200,
    raceRounds: 100,
    pgbenchScale: 20,
    pgbenchSeconds: 20,
  },
  embedded: {
    patients: 100_000,
    doctors: 40,
    daysBefore: 91,
    daysAfter: 91,
    ops: 1000,
    naiveOps: 100,
    bookings: 1600,
    raceRounds: 100,
    pgbenchScale: 0,
    pgbenchSeconds: 0,
  },
};
const QUICK: Record<Mode, Scale> = {
  server: {
    patients: 100_000,
    doctors: 40,
    daysBefore: 91,
    daysAfter: 91,
    ops: 300,
    naiveOps: 20,
    bookings: 800,
    raceRounds: 100,
    pgbenchScale: 5,
    pgbenchSeconds: 8,
  },
  embedded: {
    patients: 10_000,
    doctors: 40,
    daysBefore: 9,
    daysAfter: 31,
    ops: 300,
    naiveOps: 20,
    bookings: 320,
    raceRounds: 100,
    pgbenchScale: 0,
    pgbenchSeconds: 0,
  },
};

export function scaleFor(mode: Mode, quick: boolean): Scale {
  return (quick ? QUICK : FULL)[mode];
}
