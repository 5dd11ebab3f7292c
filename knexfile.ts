import type { Knex } from 'knex';
import { resolveDatabaseConfig } from './main/db/config';
import { startEmbeddedServer } from './main/db/embedded/worker-host';
import { lockDataFolder } from './main/db/embedded/data-folder-lock';
import { migratorConfig } from './main/db/migrator';
import { embeddedKnexConfig, pgDataDir } from './main/db/open';
import { serverKnexConfig } from './main/db/server';

/**
 * For the knex CLI (`npx tsx node_modules/knex/bin/cli.js --knexfile knexfile.ts migrate:status`).
 * The project's own commands (npm run db:migrate, db:rollback, db:seed) go through
 * scripts/db.ts, which also shuts the embedded database down cleanly.
 */
export default async function knexConfig(): Promise<Knex.Config> {
  const config = resolveDatabaseConfig();
  if (config.mode === 'server') return { ...serverKnexConfig(config), migrations: migratorConfig };
  lockDataFolder(config.dataDir);
  const server = await startEmbeddedServer(pgDataDir(config));
  return { ...embeddedKnexConfig(() => server), migrations: migratorConfig };
}
