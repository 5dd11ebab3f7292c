import { defineConfig } from 'vitest/config';
import type { TestProjectInlineConfiguration } from 'vitest/config';

// Failsafes, not budgets: tests wait on conditions. Three times what a loaded 2-core machine
// needed (load average 10+), so a machine three times slower still passes.
const NODE_TIMEOUTS = { testTimeout: 360_000, hookTimeout: 360_000 };

/** The node suites (database, main, tools); the fast lane reuses this with more left out. */
export function nodeProject(exclude: readonly string[] = []): TestProjectInlineConfiguration {
  return {
    test: {
      name: 'node',
      environment: 'node',
      include: ['tests/**/*.test.ts'],
      exclude: ['tests/renderer/**', 'tests/e2e/**', ...exclude],
      ...NODE_TIMEOUTS,
      pool: 'forks',
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

export const reporters = ['default', './tests/support/summary-reporter.ts'];
// Most suites wait on databases, not the CPU: three at a time on a two-core machine.
export const maxWorkers = 3;

export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    projects: [
      nodeProject(),
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          ...NODE_TIMEOUTS,
          pool: 'forks',
        },
      },
      jsdomProject,
    ],
  },
});
