import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with one plain line, "vitest: N passed, N failed, N skipped", that CI tools
 * read whatever the runner. A file that failed to load or whose hooks failed counts as a failure;
 * a skipped test is counted as skipped, never as passed. Before it, the slowest files with their
 * wall time, so CI's log shows where its budget goes.
 */
const SLOWEST_SHOWN = 40;

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    for (const module of testModules) {
      // A file that failed to load, or whose hooks failed (its tests then show as skipped), is a failure.
      const tests = [...module.children.allTests()];
      if (module.state() === 'failed' && !tests.some((t) => t.result().state === 'failed')) failed++;
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
    }
    const slowest = [...testModules]
      .map((m) => ({ file: m.relativeModuleId, project: m.project.name, ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, SLOWEST_SHOWN);
    console.log(`\nslowest files:\n${slowest.map((s) => `  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.project}  ${s.file}`).join('\n')}`);
    console.log(`\nvitest: ${passed} passed, ${failed} failed, ${skipped} skipped`);
  }
}
