import fs from 'node:fs';
import path from 'node:path';
import type { Bridge } from '../bridge/server';
import { resolveDatabaseConfig } from '../db/config';
import { DatabaseSetupError } from '../db/errors';
import { openDatabase, type Database } from '../db/open';
import { describeTarget } from '../db/tooling';
import { clinicNow } from '../settings/clinic-time';
import { parseBrowserArgs } from './browser-args';

/**
 * The app in a browser on this PC: main's services behind the loopback bridge, serving the
 * built renderer from `root`/out/renderer, on the embedded database (or DATABASE_URL). Run from
 * the sources by `npm run start:browser`, and from the build as out/main/browser.js.
 */
export async function runBrowserMode(argv: string[], root: string): Promise<void> {
  const { port, demo } = parseBrowserArgs(argv);
  const config = resolveDatabaseConfig();
  if (demo && config.mode !== 'embedded') throw new DatabaseSetupError('--demo only fills an empty embedded database; unset DATABASE_URL to use it', 'CONFIG');
  // The database opens in its own worker while main's services load and the bridge starts: the
  // browser fetches the sign-in screen meanwhile, and its first call waits for the database.
  const opening = openDatabase(config).then(async (db) => {
    if (!demo) return db;
    try {
      await loadDemo(db);
    } catch (err) {
      // The folder's lock goes with it, so the next start is not refused as a second copy.
      await db.close().catch(() => undefined);
      throw err;
    }
    return db;
  });
  opening.catch(() => undefined); // awaited below, once the bridge listens; this only keeps an early failure from counting as unhandled
  const { startBridge } = await import('../bridge/server');
  const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
  let bridge: Bridge;
  try {
    bridge = await startBridge({
      db: opening,
      rendererDir: path.join(root, 'out', 'renderer'),
      version,
      port,
      log: (m, e) => console.error(`[clinic-desk] ${m}`, e),
    });
  } catch (err) {
    // The database that opened meanwhile is closed, so the process ends.
    await opening.then((db) => db.close()).catch(() => undefined);
    if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new DatabaseSetupError(`Port ${port} is already in use on this PC: choose another with --port, or leave --port out for any free one`, 'CONFIG');
    throw err;
  }
  console.log(`Clinic Desk is running on the ${describeTarget(config)}.`);
  console.log(`Open ${bridge.url} in a browser on this PC. Press Ctrl+C to stop.`);
  let db: Database;
  try {
    db = await opening;
  } catch (err) {
    await bridge.close();
    throw err;
  }
  void (await bridge.ready).warmUp();
  const stop = () => {
    void bridge
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** Fills an empty embedded database with the demo clinic (`--demo`); a database with data is left as it is. */
async function loadDemo(db: Database): Promise<void> {
  // The generator and its name lists are loaded for --demo only, not at every start.
  const { DemoRefusedError, seedDemoClinic } = await import('../demo/seed-demo-clinic');
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

/** A start-up failure in one line where a person can act on it (see DatabaseSetupError), else the whole error. */
export function reportStartFailure(err: unknown): void {
  console.error(err instanceof DatabaseSetupError ? err.message : err);
  process.exitCode = 1;
}
