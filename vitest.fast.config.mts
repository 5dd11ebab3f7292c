import { readFileSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { SLOW, jsdomProject, maxWorkers, nodeProject, reporters } from './vitest.config.mjs';
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

/**
 * The node suites that put a stand-in in place of a module (`vi.mock`, `vi.resetModules`): each
 * needs a module graph of its own. Found by reading the files, so a new one is never forgotten.
 */
const REPLACING_MODULES = readdirSync('tests', { recursive: true, encoding: 'utf8' })
  .filter(
    (file) => file.endsWith('.test.ts') && !file.startsWith('renderer') && /\bvi\.(?:mock|doMock|resetModules)\(/.test(readFileSync(`tests/${file}`, 'utf8')),
  )
  .map((file) => `tests/${file.split('\\').join('/')}`);

const leftOut = [...SLOW, ...SCHEMA, ...GENERATED, ...embeddedLeftOut];
/**
 * The other node suites share one module graph per worker (vitest's `isolate: false`): loading
 * knex, pg, PGlite and main/ afresh for every file was most of their CPU. Each suite
 * still makes its own database and closes what it opens; `npm test` keeps every file isolated.
 */
const shared = nodeProject([...leftOut, ...REPLACING_MODULES]);
const isolated = nodeProject(leftOut);

export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    // The longest suites first, so none starts last and runs alone.
    sequence: { sequencer: slowFirstSequencer(['tests/auth/**', 'tests/renderer/front-desk.test.tsx', 'tests/renderer/doctors-screen.test.tsx']) },
    projects: [{ test: { ...shared.test, isolate: false } }, { test: { ...isolated.test, name: 'node-isolated', include: REPLACING_MODULES } }, jsdomProject],
  },
});
