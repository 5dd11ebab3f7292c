// Mutation testing of the policy modules (`npm run mutation`; not part of `npm test`).
// Each module is mutated against the test files that exercise its rules, and with perTest
// coverage each mutant runs only the tests that reach it, so a run fits a loaded 2-core machine.
// MUTATE=router,sessions picks modules (default: all); survivors judged equivalent are listed
// in tests/MUTATION.md.
import process from 'node:process';

const MODULES = {
  router: { file: 'main/ipc/router.ts', tests: ['tests/policy/router-rules.test.ts', 'tests/ipc/router.test.ts', 'tests/ipc/contract-matrix.test.ts'] },
  sessions: {
    file: 'main/auth/sessions.ts',
    tests: [
      'tests/policy/sessions.test.ts',
      'tests/ipc/router.test.ts',
      'tests/auth/auth.test.ts',
      'tests/users/users.test.ts',
      'tests/policy/idle-sweep.test.ts',
      'tests/app/call-window.test.ts',
    ],
  },
  auth: {
    file: 'main/auth/service.ts',
    tests: [
      'tests/policy/auth-service.test.ts',
      'tests/auth/auth.test.ts',
      'tests/auth/sign-in-throttle.test.ts',
      'tests/auth/user-language.test.ts',
      'tests/users/users.test.ts',
    ],
  },
  bridge: {
    file: 'main/bridge/server.ts',
    tests: [
      'tests/bridge/bridge.test.ts',
      'tests/bridge/bridge-wire.test.ts',
      'tests/bridge/streams-and-limits.test.ts',
      'tests/policy/bridge-token.test.ts',
      'tests/queue/board.test.ts',
    ],
  },
  payments: {
    file: 'main/payments/service.ts',
    tests: [
      'tests/payments/payments.test.ts',
      'tests/policy/payments-refusals.test.ts',
      'tests/payments/gateway-desk.test.ts',
      'tests/policy/fake-parity.test.ts',
    ],
  },
  appointments: {
    file: 'main/appointments/service.ts',
    tests: [
      'tests/policy/appointment-rules.test.ts',
      'tests/races/lost-steps.test.ts',
      'tests/appointments/appointments.test.ts',
      'tests/appointments/undo-rules.test.ts',
      'tests/appointments/waitlist.test.ts',
      'tests/appointments/recalls.test.ts',
      'tests/opd/opd-sessions.test.ts',
      'tests/queue/waiting-room.test.ts',
      'tests/appointments/appointment-types.test.ts',
      'tests/policy/clinic-zones.test.ts',
      'tests/policy/fake-parity.test.ts',
    ],
  },
};

const chosen = (process.env.MUTATE ?? Object.keys(MODULES).join(',')).split(',').map((name) => {
  const found = MODULES[name.trim()];
  if (!found) throw new Error(`MUTATE: unknown module "${name}"; one of ${Object.keys(MODULES).join(', ')}`);
  return found;
});

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: false },
  coverageAnalysis: 'perTest',
  mutate: chosen.map((m) => m.file),
  testFiles: [...new Set(chosen.flatMap((m) => m.tests))],
  // Mutants in module-level constants would need a fresh process each; the rules live in functions.
  ignoreStatic: true,
  concurrency: 1,
  // Database tests on a loaded machine: a mutant is a time-out only when it is far slower.
  timeoutMS: 120_000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 60,
  disableTypeChecks: true,
  thresholds: { high: 90, low: 80, break: null },
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Anchored at the root: an unanchored 'reports' would also drop main/reports from the sandbox.
  ignorePatterns: ['/out', '/release', '/reports', '/test-results', '/.tsbuild', '/.clinic-data', '/bench/results*.json'],
  tempDirName: '.stryker-tmp',
};
