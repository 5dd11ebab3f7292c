import bcrypt from 'bcryptjs';
import type { SeedDemoOptions } from '../../main/demo/seed-demo-clinic';

/**
 * For a demo clinic whose logins the test never signs in with (it is a backup's payload, or the
 * test signs in with its own account): real bcrypt hashes at bcrypt's least cost, where the
 * app's cost took some seconds of CPU per load. demo-clinic.test.ts pins the app's cost.
 */
export const UNUSED_DEMO_LOGINS: Pick<SeedDemoOptions, 'hashPasswords'> = {
  hashPasswords: (passwords) => Promise.all(passwords.map((p) => bcrypt.hash(p, 4))),
};
