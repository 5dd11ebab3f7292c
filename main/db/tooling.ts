import type { Knex } from 'knex';
import { redactUrl, resolveDatabaseConfig, type DatabaseConfig } from './config';
import { openDatabase, type Database } from './open';

/** One line that tells an operator which database a command is about to touch. */
export function describeTarget(config: DatabaseConfig): string {
  return config.mode === 'server' ? `clinic server ${redactUrl(config.url)}` : `embedded database in ${config.dataDir}`;
}

/**
 * Opens the database of the current mode for a maintenance command (migrate, rollback, seed),
 * leaving the schema alone, runs the work and always closes cleanly. `asOwner`: a command that
 * changes the schema connects, in server mode, as the owner login (DATABASE_OWNER_URL, a member
 * of clinic_owner) when one is given, since the desks' own login (DATABASE_URL, a member of
 * clinic_app) may not; see README "Database roles".
 */
export async function withMaintenanceDatabase<T>(
  work: (knex: Knex, db: Database, config: DatabaseConfig) => Promise<T>,
  env: NodeJS.ProcessEnv = process.env,
  options: { asOwner?: boolean } = {},
): Promise<T> {
  const ownerUrl = options.asOwner && env.DATABASE_URL ? env.DATABASE_OWNER_URL : undefined;
  const config = resolveDatabaseConfig(ownerUrl ? { ...env, DATABASE_URL: ownerUrl } : env);
  const db = await openDatabase(config, { schema: 'none' });
  try {
    return await work(db.knex, db, config);
  } finally {
    await db.close();
  }
}
