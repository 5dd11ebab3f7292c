import { defineConfig } from 'vitest/config';
import { SLOW, jsdomProject, maxWorkers, nodeProject, reporters } from './vitest.config.mjs';

// The edit loop (`npm run test:fast`): unit, jsdom and the database suites in one mode, without
// the suites whose point is slowness or another process. `npm test` still runs all of them.
process.env.CLINIC_TEST_MODES ??= 'server'; // measured about 4× faster here than embedded (README, Tests)

export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    projects: [nodeProject(SLOW), jsdomProject],
  },
});
