// npm run db:migrate | db:rollback [-- --all] | db:status | db:seed -- --demo
//         db:backup [-- --to <folder>] | db:restore -- <file> [--force] | db:health
// Works on the database of the current mode: DATABASE_URL set → the clinic server, unset → the
// embedded database in the user-data folder (or CLINIC_DATA_DIR).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { backupConfigured, restoreDatabase } from '../main/backup/backup';
import { BackupError } from '../main/backup/errors';
import { formatHealthReport, healthReport } from '../main/health/service';
import { defaultUserDataDir, resolveDatabaseConfig } from '../main/db/config';
import { DatabaseSetupError } from '../main/db/errors';
import { migrateToLatest, rollbackLastBatch, schemaStatus } from '../main/db/migrator';
import { describeTarget, withMaintenanceDatabase } from '../main/db/tooling';
import { DemoRefusedError, seedDemoClinic } from '../main/demo/seed-demo-clinic';
import { clinicNow } from '../main/settings/clinic-time';

const USAGE = 'usage: tsx scripts/db.ts <migrate | rollback [--all] | status | seed --demo | backup [--to <folder>] | restore <file> [--force] | health>';

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      all: { type: 'boolean', default: false },
      demo: { type: 'boolean', default: false },
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  const config = resolveDatabaseConfig();
  const target = describeTarget(config);

  switch (command) {
    case 'migrate': {
      const applied = await withMaintenanceDatabase((knex) => migrateToLatest(knex), process.env, { asOwner: true });
      console.log(applied.length ? `Applied ${applied.length} migration(s) to the ${target}:\n  ${applied.join('\n  ')}` : `The ${target} is already up to date.`);
      return;
    }
    case 'rollback': {
      const undone = await withMaintenanceDatabase((knex) => rollbackLastBatch(knex, values.all), process.env, { asOwner: true });
      console.log(undone.length ? `Rolled back ${undone.length} migration(s) on the ${target}:\n  ${undone.join('\n  ')}` : `Nothing to roll back on the ${target}.`);
      return;
    }
    case 'status': {
      const status = await withMaintenanceDatabase((knex) => schemaStatus(knex));
      console.log(`The ${target}: ${status.applied.length} applied, ${status.pending.length} pending${status.unknown.length ? `, ${status.unknown.length} unknown to this version` : ''}.`);
      for (const name of status.pending) console.log(`  pending: ${name}`);
      for (const name of status.unknown) console.log(`  unknown: ${name}`);
      return;
    }
    case 'seed': {
      if (!values.demo) throw new UsageError('db:seed only loads the demo clinic: npm run db:seed -- --demo');
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
      const done = await backupConfigured(config, folder);
      console.log(`Backed up the ${target} to ${done.file} (${(done.bytes / 1024).toFixed(0)} KiB).`);
      return;
    }
    case 'restore': {
      const file = positionals[1];
      if (!file) throw new UsageError('Name the backup file: npm run db:restore -- <file> [--force]');
      const done = await restoreDatabase(config, path.resolve(file), { force: values.force });
      console.log(`Restored ${file} into the ${target}.`);
      if (done.previous) console.log(`The database it replaced is kept at ${done.previous}.`);
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
  if (err instanceof DatabaseSetupError || err instanceof DemoRefusedError || err instanceof BackupError || err instanceof UsageError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exitCode = 1;
});
