// npm run start:browser [-- --port N] [-- --demo]: the app in a browser on this PC, served by
// the loopback bridge from the built renderer, on the embedded database (or DATABASE_URL).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabaseConfig } from '../main/db/config';
import { DatabaseSetupError } from '../main/db/errors';
import { openDatabase } from '../main/db/open';
import { describeTarget } from '../main/db/tooling';
import { DemoRefusedError, seedDemoClinic } from '../main/demo/seed-demo-clinic';
import { clinicNow } from '../main/settings/clinic-time';
import { ROOT, build } from './build-once';

const RENDERER = path.join(ROOT, 'out', 'renderer');

export async function runBrowserMode(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { port: { type: 'string' }, demo: { type: 'boolean', default: false } }, allowPositionals: false });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatabaseSetupError(`--port must be a port number, not "${values.port}"`, 'CONFIG');
  if (!fs.existsSync(path.join(RENDERER, 'index.html')) && !build()) {
    process.exitCode = 1;
    return;
  }
  const config = resolveDatabaseConfig();
  // The database opens in its own worker while main's services load here: on a cold start the
  // two were each about half of the wait for the sign-in screen.
  const opening = openDatabase(config);
  opening.catch(() => undefined); // awaited just below; this only keeps an early failure from counting as unhandled
  const { startBridge } = await import('../main/bridge/server');
  const db = await opening;
  if (values.demo) {
    if (config.mode !== 'embedded') throw new DatabaseSetupError('--demo only fills an empty embedded database; unset DATABASE_URL to use it', 'CONFIG');
    try {
      const settings = await db.knex('clinic_settings').where({ id: 1 }).first('time_zone');
      const summary = await seedDemoClinic(db.knex, { today: clinicNow(settings?.time_zone ?? 'UTC').date });
      console.log(`Loaded the demo clinic: ${summary.doctors} doctors, ${summary.patients} patients. Demo logins (shown this once):`);
      for (const login of summary.logins) console.log(`  ${login.role.padEnd(12)} ${login.email.padEnd(36)} ${login.password}`);
    } catch (err) {
      if (!(err instanceof DemoRefusedError)) throw err;
      console.log(`${err.message} Starting with the data that is there.`);
    }
  }
  const version = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  const bridge = await startBridge({ db, rendererDir: RENDERER, version, port, log: (m, e) => console.error(`[clinic-desk] ${m}`, e) });
  console.log(`Clinic Desk is running on the ${describeTarget(config)}.`);
  console.log(`Open ${bridge.url} in a browser on this PC. Press Ctrl+C to stop.`);
  const stop = () => {
    void bridge
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  runBrowserMode(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof DatabaseSetupError ? err.message : err);
    process.exitCode = 1;
  });
}
