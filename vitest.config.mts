import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';
import { slowFirstSequencer } from './tests/support/slow-first-sequencer.mjs';

// Failsafes, not budgets: tests wait on conditions. Three times what a loaded 2-core machine
// needed (load average 10+), so a machine three times slower still passes.
const NODE_TIMEOUTS = { testTimeout: 360_000, hookTimeout: 360_000 };
const NODE_PROCESS = { pool: 'forks' as const };

/** The node suites (database, main, tools); the fast lane reuses this with more left out. */
export function nodeProject(exclude: readonly string[] = [], process: object = NODE_PROCESS): TestProjectInlineConfiguration {
  return {
    test: {
      name: 'node',
      environment: 'node',
      include: ['tests/**/*.test.ts'],
      exclude: ['tests/renderer/**', 'tests/e2e/**', ...exclude],
      ...NODE_TIMEOUTS,
      ...process,
    },
  };
}

export const jsdomProject: TestProjectInlineConfiguration = {
  test: {
    name: 'jsdom',
    environment: 'jsdom',
    include: ['tests/renderer/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/renderer/setup.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
};

/**
 * The suites whose point is slowness or another process, each for the reason beside it: left out
 * of the fast lane, and started first in a full run.
 */
export const SLOW = [
  'tests/races/**', // OS processes racing each other
  'tests/faults/**', // throwaway clusters restarted and killed mid-booking
  'tests/messaging/sender-kill.test.ts', // kill -9 of a sender process
  'tests/backup/backup-restore.test.ts', // demo-clinic round trips
  'tests/backup/encrypted-backups.test.ts', // demo-clinic round trips across key files
  'tests/db/demo-clinic.test.ts', // 2,000 generated patients
  'tests/db/private-at-rest.test.ts', // demo clinic, backup and quit, then a file-mode scan
  'tests/db/tls.test.ts', // its own throwaway cluster with certificates
  'tests/build/**', // reads or makes a production build
  'tests/scripts/**', // the npm scripts as child processes
  'tests/bench/desks-bench.test.ts', // desk apps in child processes
];

/**
 * The node suites that put a stand-in in place of a module (`vi.mock`, `vi.resetModules`): each
 * needs a module graph of its own. Found by reading the files, so a new one is never forgotten.
 */
export const REPLACING_MODULES = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter(
    (file) => file.endsWith('.test.ts') && !file.startsWith('renderer') && /\bvi\.(?:mock|doMock|resetModules)\(/.test(readFileSync(`tests/${file}`, 'utf8')),
  )
  .map((file) => `tests/${file.split('\\').join('/')}`);

/**
 * The node suites split in two projects: most share one module graph per worker (vitest's
 * `isolate: false`), since loading knex, pg, PGlite and main/ afresh for every file was most of
 * their CPU; each suite still makes its own database and closes what it opens. Those that
 * replace a module, and the `SLOW` ones (other processes, killed workers), keep a process each.
 */
export function nodeProjects(leftOut: readonly string[], alone: readonly string[]): TestProjectInlineConfiguration[] {
  const shared = nodeProject([...leftOut, ...alone, ...REPLACING_MODULES]);
  const isolated = nodeProject(leftOut);
  return [{ test: { ...shared.test, isolate: false } }, { test: { ...isolated.test, name: 'node-isolated', include: [...alone, ...REPLACING_MODULES] } }];
}

export const reporters = ['default', './tests/support/summary-reporter.ts'];
// Most suites wait on databases, not the CPU: three at a time on a two-core machine.
export const maxWorkers = 3;

export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    sequence: { sequencer: slowFirstSequencer([...SLOW, 'tests/ipc/contract-matrix.test.ts', 'tests/e2e/**']) },
    projects: [
      ...nodeProjects([], SLOW),
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          ...NODE_TIMEOUTS,
          ...NODE_PROCESS,
          // Each file starts its own clinic and Chromium; the module graph (main/, knex, PGlite) they share.
          isolate: false,
        },
      },
      jsdomProject,
    ],
  },
});
