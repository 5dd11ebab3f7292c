import { Faker, base } from '@faker-js/faker';
import { timeEach, type Latency } from './latency';

/** One latency figure: what to call, with which inputs, and what it must meet. */
export interface LatencyCase<T = unknown> {
  id: string;
  label: string;
  inputs: readonly T[];
  run(input: T): Promise<unknown>;
  /** Untimed calls before each round's timed ones (connections, plans, caches); timeEach's default when absent. */
  warmUp?: number;
  note?: string;
  /** Starts something to observe while this case runs (the event loop); returns its stop. */
  observe?: () => () => void;
}

/** A figure's rounds: each round's latency, the round with the median p95 and the worst one. */
export interface Rounds {
  rounds: Latency[];
  median: Latency;
  worst: Latency;
}

export const ROUNDS = 3;

function byP95(rounds: readonly Latency[]): Rounds {
  const sorted = [...rounds].sort((a, b) => a.p95 - b.p95);
  return { rounds: [...rounds], median: sorted[Math.floor((sorted.length - 1) / 2)]!, worst: sorted[sorted.length - 1]! };
}

/**
 * Runs every case in ROUNDS rounds, so one noisy minute of a shared machine shows as one bad
 * round rather than as the figure: before each round `freshConnections` (the pool drained and
 * reopened), then the cases in a shuffled order, each over its inputs in a shuffled order.
 */
export async function runInRounds(
  cases: readonly LatencyCase[],
  seed: number,
  freshConnections: () => Promise<void>,
  log: (line: string) => void,
): Promise<Map<string, Rounds>> {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const samples = new Map<string, Latency[]>(cases.map((c) => [c.id, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    await freshConnections();
    for (const c of faker.helpers.shuffle([...cases])) {
      const stop = c.observe?.();
      try {
        samples.get(c.id)!.push(await timeEach(faker.helpers.shuffle([...c.inputs]), c.run, c.warmUp));
      } finally {
        stop?.();
      }
    }
    log(`  round ${round} of ${ROUNDS} done`);
  }
  return new Map([...samples].map(([id, rounds]) => [id, byP95(rounds)]));
}
