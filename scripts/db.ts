// npm run db:migrate | db:rollback [-- --all] | db:status | db:seed -- --demo
//         db:backup [-- --to <folder>] | db:restore -- <file> [--force] [--recovery-key-file <file>] | db:health
// Backups are encrypted with the clinic key in CLINIC_KEY_FILE (default: clinic-desk.key in the
// user-data folder, mode 0600; its text is the recovery key). A backup made elsewhere restores
// with that PC's recovery key in a file (--recovery-key-file), which becomes this PC's key if it has none.
// Works on the database of the current mode: DATABASE_URL set → the clinic server, unset → the
// embedded database in the user-data folder (or CLINIC_DATA_DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { backupConfigured, restoreDatabase, type RestoreKey } from '../main/backup/backup';
import { BackupError } from '../main/backup/errors';
import { embeddedHoldsDatabase } from '../main/backup/embedded-backup';
import { getSchedule } from '../main/backup/repo';
import { pruneReplaced } from '../main/backup/retention';
import { formatHealthReport, healthReport } from '../main/health/service';
import { resolveDatabaseConfig, type DatabaseConfig } from '../main/db/config';
import { defaultUserDataDir } from '../main/db/data-dir';
import { DatabaseSetupError } from '../main/db/errors';
import { migrateToLatest, rollbackLastBatch, schemaStatus } from '../main/db/migrator';
import { describeTarget, withMaintenanceDatabase } from '../main/db/tooling';
import { DemoRefusedError } from '../main/demo/refusal';
import { ClinicKey, ClinicKeyError } from '../main/secrets/clinic-key';
import { defaultKeyFile, keyFileStore, loadOrCreateKey } from '../main/secrets/key-store';
import { clinicNow } from '../main/settings/clinic-time';

const USAGE =
  'usage: tsx scripts/db.ts <migrate | rollback [--all] | status | seed --demo | backup [--to <folder>] | restore <file> [--force] [--recovery-key-file <file>] | health>';

/**
 * How many backups the clinic's schedule keeps, read from the database about to be replaced (the
 * backup may hold another number): undefined when it cannot be read (an empty database).
 */
async function scheduledKeepLast(config: DatabaseConfig): Promise<number | undefined> {
  // Opening an empty data folder would make a database there only to be replaced.
  if (config.mode === 'embedded' && !embeddedHoldsDatabase(config)) return undefined;
  try {
    return (await withMaintenanceDatabase((knex) => getSchedule(knex))).keepLast;
  } catch {
    return undefined;
  }
}

/**
 * Each forced restore keeps the database it replaced; as after a restore from Admin, only the
 * newest as many as the backup schedule keeps stay. The restore has happened either way, so a
 * copy that cannot be pruned is said and left.
 */
function pruneOlderCopies(kept: string, mode: 'server' | 'embedded', keepLast: number | undefined): void {
  if (keepLast === undefined) return console.log('Older copies of replaced databases were not pruned: the replaced database had no backup schedule.');
  try {
    const removed = pruneReplaced(kept, mode, keepLast);
    if (removed.length > 0) console.log(`Older copies removed (the backup schedule keeps ${keepLast}): ${removed.join(', ')}.`);
  } catch (err) {
    console.log(`Older copies of replaced databases were not pruned: ${(err as Error).message}`);
  }
}

/** The key a restore decrypts with: the recovery key given in a file, else this PC's own key file. */
function restoreKey(recoveryKeyFile: string | undefined): RestoreKey {
  if (!recoveryKeyFile) {
    const store = keyFileStore(defaultKeyFile());
    return { key: store.load(), source: `this PC's key file ${store.location}` };
  }
  let text: string;
  try {
    text = fs.readFileSync(recoveryKeyFile, 'utf8');
  } catch (err) {
    throw new UsageError(`The recovery key file ${recoveryKeyFile} cannot be read: ${(err as Error).message}`);
  }
  try {
    return { key: ClinicKey.fromRecoveryKey(text), source: `the recovery key in ${recoveryKeyFile}` };
  } catch (err) {
    throw new UsageError(`${recoveryKeyFile} does not hold a usable recovery key: ${(err as Error).message}`);
  }
}

async function main(): Promise<void> {
  // Backups, the key file and an embedded database made here are for this user alone.
  if (process.platform !== 'win32') process.umask(0o077);
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
      'recovery-key-file': { type: 'string' },
    },
  });
  const command = positionals[0];
  const config = resolveDatabaseConfig();
  const target = describeTarget(config);

  switch (command) {
    case 'migrate': {
      const applied = await withMaintenanceDatabase((knex) => migrateToLatest(knex), process.env, { asOwner: true });
      console.log(
        applied.length ? `Applied ${applied.length} migration(s) to the ${target}:\n  ${applied.join('\n  ')}` : `The ${target} is already up to date.`,
      );
      return;
    }
    case 'rollback': {
      const undone = await withMaintenanceDatabase((knex) => rollbackLastBatch(knex, values.all), process.env, { asOwner: true });
      console.log(
        undone.length ? `Rolled back ${undone.length} migration(s) on the ${target}:\n  ${undone.join('\n  ')}` : `Nothing to roll back on the ${target}.`,
      );
      return;
    }
    case 'status': {
      const status = await withMaintenanceDatabase((knex) => schemaStatus(knex));
      console.log(
        `The ${target}: ${status.applied.length} applied, ${status.pending.length} pending${status.unknown.length ? `, ${status.unknown.length} unknown to this version` : ''}.`,
      );
      for (const name of status.pending) console.log(`  pending: ${name}`);
      for (const name of status.unknown) console.log(`  unknown: ${name}`);
      return;
    }
    case 'seed': {
      if (!values.demo) throw new UsageError('db:seed only loads the demo clinic: npm run db:seed -- --demo');
      // Only a demo load needs the generator (faker's locales): every other command starts without it.
      const { seedDemoClinic } = await import('../main/demo/seed-demo-clinic');
      const summary = await withMaintenanceDatabase(async (knex) => {
        await migrateToLatest(knex);
        const settings = await knex('clinic_settings').where({ id: 1 }).first('time_zone');
        return seedDemoClinic(knex, { today: clinicNow(settings?.time_zone ?? 'UTC').date });
      });
      console.log(
        `Loaded the demo clinic into the ${target}: ${summary.doctors} doctors, ${summary.patients} patients, ` +
          `${summary.availabilityWindows} availability windows, ${summary.appointments} appointments, ${summary.payments} payments.`,
      );
      console.log('Demo logins (shown this once; the database keeps only bcrypt hashes):');
      for (const login of summary.logins) console.log(`  ${login.role.padEnd(12)} ${login.email.padEnd(36)} ${login.password}`);
      return;
    }
    case 'backup': {
      const folder = path.resolve(values.to ?? path.join(defaultUserDataDir(), 'backups'));
      const store = keyFileStore(defaultKeyFile());
      const created = !store.load();
      const key = loadOrCreateKey(store);
      const done = await backupConfigured(config, folder, key);
      console.log(`Backed up the ${target} to ${done.file} (${(done.bytes / 1024).toFixed(0)} KiB), encrypted with clinic key ${key.id}.`);
      if (created) console.log(`A new clinic key was made for it in ${store.location}: keep a copy of that file away from this PC (it is the recovery key).`);
      return;
    }
    case 'restore': {
      const file = positionals[1];
      if (!file) throw new UsageError('Name the backup file: npm run db:restore -- <file> [--force]');
      const key = restoreKey(values['recovery-key-file']);
      const own = keyFileStore(defaultKeyFile());
      const keepLast = values.force ? await scheduledKeepLast(config) : undefined;
      const done = await restoreDatabase(config, path.resolve(file), {
        force: values.force,
        key,
        safetyKey: () => own.load() ?? key.key ?? loadOrCreateKey(own),
      });
      console.log(`Restored ${file} into the ${target}.`);
      if (done.previous) {
        console.log(`The database it replaced is kept at ${done.previous}.`);
        pruneOlderCopies(done.previous, config.mode, keepLast);
      }
      // The restored database's sealed secrets open with the key it came with: a PC without a key takes it.
      if (values['recovery-key-file'] && key.key && !own.load()) {
        own.save(key.key);
        console.log(`The recovery key is now this PC's clinic key, in ${own.location}.`);
      } else if (key.key && own.load()?.id !== key.key.id) {
        console.log(`Note: this PC's clinic key (${own.location}) is not the restored clinic's; its stored provider secrets need the recovery key.`);
      }
      return;
    }
    case 'health': {
      const report = await withMaintenanceDatabase((_knex, db) => healthReport(db));
      console.log(`Health of the ${target}\n\n${formatHealthReport(report)}`);
      return;
    }
    default:
      throw new UsageError(USAGE);
  }
}

class UsageError extends Error {}

main().catch((err: unknown) => {
  // Problems a person can act on get their message alone; anything else keeps its stack.
  if (
    err instanceof DatabaseSetupError ||
    err instanceof DemoRefusedError ||
    err instanceof BackupError ||
    err instanceof ClinicKeyError ||
    err instanceof UsageError
  ) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
});
