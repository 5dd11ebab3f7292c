/** Latency of one kind of operation, in milliseconds. */
export interface Latency {
  ops: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles. */
export function summarise(samples: readonly number[]): Latency {
  if (samples.length === 0) throw new Error('No samples to summarise');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return { ops: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1]! };
}

/**
 * Runs `op` once per input, one after another as one desk would, after a short untimed warm-up
 * (connections, plans, caches), and summarises the timed runs.
 */
export async function timeEach<T>(inputs: readonly T[], op: (input: T) => Promise<unknown>, warmUp = Math.min(50, inputs.length)): Promise<Latency> {
  for (const input of inputs.slice(0, warmUp)) await op(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const t = performance.now();
    await op(input);
    samples.push(performance.now() - t);
  }
  return summarise(samples);
}
