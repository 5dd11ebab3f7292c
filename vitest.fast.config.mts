import { defineConfig } from 'vitest/config';
import { SLOW, jsdomProject, maxWorkers, nodeProjects, reporters } from './vitest.config.mjs';
import { slowFirstSequencer } from './tests/support/slow-first-sequencer.mjs';

// The edit loop (`npm run test:fast`): unit, jsdom and the database suites in one mode, without
// the suites whose point is slowness or another process. `npm test` still runs all of them.
process.env.CLINIC_TEST_MODES ??= 'server'; // measured about 4× faster here than embedded (README, Tests)

/**
 * Suites about the schema itself (every migration down and up, the roles, the guard and the
 * seed's conformance): they run when a migration changes, in `npm test`, not on every edit.
 */
const SCHEMA = ['tests/db/migration-downs.test.ts', 'tests/db/schema-guard.test.ts', 'tests/db/schema-conformance.test.ts', 'tests/audit/runtime-role.test.ts'];

/**
 * The generated suites (every channel × every role, locked and signed-out call, and hostile
 * payload): `npm test` runs them; the edit loop keeps the hand-written policy tests (tests/policy).
 */
const GENERATED = ['tests/ipc/contract-matrix.test.ts', 'tests/ipc/hostile-input.test.ts'];

/** Suites about the embedded database alone: the other mode, so outside a server-mode lane. */
const EMBEDDED_ONLY = ['tests/db/data-folder-lock.test.ts', 'tests/db/embedded-planner.test.ts'];
const embeddedLeftOut = process.env.CLINIC_TEST_MODES === 'server' ? EMBEDDED_ONLY : [];

const leftOut = [...SLOW, ...SCHEMA, ...GENERATED, ...embeddedLeftOut];
export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    // The longest suites first, so none starts last and runs alone.
    sequence: { sequencer: slowFirstSequencer(['tests/auth/**', 'tests/renderer/front-desk.test.tsx', 'tests/renderer/doctors-screen.test.tsx']) },
    projects: [...nodeProjects(leftOut, []), jsdomProject],
  },
});
