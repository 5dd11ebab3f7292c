import { it } from 'vitest';
import type { Mode } from './databases';

// Apart from databases.ts, which child processes outside vitest (the sender and booker helpers)
// import: vitest refuses to load anywhere but inside a test run.
/**
 * `it` for a test whose point is calls racing each other. Embedded mode serves one connection,
 * so there the calls queue and cannot race: the test is not generated for it (it would pass
 * without proving anything) and says so; it counts once, in server mode.
 */
export function raceTest(mode: Mode): (name: string, fn: () => Promise<void>) => void {
  if (mode === 'server') return (name, fn) => it(name, fn);
  return (name) => console.info(`[not generated] ${name} (embedded): one connection, the calls queue and cannot race; run in server mode`);
}
