import { defineConfig } from 'vitest/config';
import { jsdomProject, maxWorkers, nodeProject, reporters } from './vitest.config.mjs';

// The edit loop (`npm run test:fast`): unit, jsdom and the database suites in one mode, without
// the suites whose point is slowness or another process. `npm test` still runs all of them.
process.env.CLINIC_TEST_MODES ??= 'server'; // measured about 4× faster here than embedded (README, Tests)

/** Left out of the fast lane, each for the reason beside it. */
const SLOW = [
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
];

export default defineConfig({
  test: {
    reporters,
    maxWorkers,
    projects: [nodeProject(SLOW), jsdomProject],
  },
});
