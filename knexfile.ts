import type { Knex } from 'knex';
import { resolveDatabaseConfig } from './main/db/config';
import { startEngine } from './main/db/embedded/engine';
import { migratorConfig } from './main/db/migrator';
import { embeddedKnexConfig } from './main/db/open';
import { serverKnexConfig } from './main/db/server';

/**
 * For the knex CLI (`npx tsx node_modules/knex/bin/cli.js --knexfile knexfile.ts migrate:status`).
 * The project's own commands (npm run db:migrate, db:rollback, db:seed) go through
 * scripts/db.ts, which also shuts the embedded database down cleanly.
 */
export default async function knexConfig(): Promise<Knex.Config> {
  const config = resolveDatabaseConfig();
  if (config.mode === 'server') return { ...serverKnexConfig(config), migrations: migratorConfig };
  const server = await startEngine(config.dataDir).server;
  return { ...embeddedKnexConfig(() => server), migrations: migratorConfig };
}
