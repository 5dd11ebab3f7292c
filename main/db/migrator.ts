import type { Knex } from 'knex';
import { migrations, type NamedMigration } from '../../migrations';
import { DatabaseSetupError } from './errors';

const MIGRATIONS_TABLE = 'knex_migrations';

/** From this migration on, the schema belongs to the owner role, not to whoever migrates. */
const ROLES_MIGRATION = '20261202030100_database_roles';
const OWNER_ROLE = 'clinic_owner';

/**
 * A migration after the roles one runs as the owner role (SET LOCAL: for its own transaction),
 * so what it creates belongs to `clinic_owner` like the rest of the schema and the desk's
 * runtime role keeps owning nothing.
 */
function asOwner(migration: Knex.Migration): Knex.Migration {
  const becomeOwner = (knex: Knex) =>
    knex.raw(`DO $$ BEGIN IF pg_has_role(current_user, '${OWNER_ROLE}', 'MEMBER') THEN SET LOCAL ROLE ${OWNER_ROLE}; END IF; END $$`);
  const { up, down } = migration;
  return {
    ...migration,
    up: async (knex) => (await becomeOwner(knex), up(knex)),
    ...(down ? { down: async (knex: Knex) => (await becomeOwner(knex), down(knex)) } : {}),
  };
}

const afterRoles = (name: string) => name > ROLES_MIGRATION;

const migrationSource: Knex.MigrationSource<NamedMigration> = {
  // `file` too: the knex CLI lists pending migrations by that property.
  getMigrations: async () => migrations.map((m) => ({ ...m, file: m.name })),
  getMigrationName: (m) => m.name,
  getMigration: async (m) => (afterRoles(m.name) ? asOwner(m.migration) : m.migration),
};

export const migratorConfig: Knex.MigratorConfig = {
  migrationSource,
  tableName: MIGRATIONS_TABLE,
};

/** The schema version this code expects: the name of its newest migration. */
export const expectedSchemaVersion = migrations[migrations.length - 1]!.name;

export interface SchemaStatus {
  applied: string[];
  pending: string[];
  /** Applied on the database but unknown to this code: a newer app migrated it. */
  unknown: string[];
}

export async function schemaStatus(knex: Knex): Promise<SchemaStatus> {
  const hasTable = await knex.schema.hasTable(MIGRATIONS_TABLE);
  const applied: string[] = hasTable ? (await knex(MIGRATIONS_TABLE).select('name').orderBy('id')).map((r: { name: string }) => r.name) : [];
  const known = new Set(migrations.map((m) => m.name));
  const appliedSet = new Set(applied);
  return {
    applied,
    pending: migrations.map((m) => m.name).filter((n) => !appliedSet.has(n)),
    unknown: applied.filter((n) => !known.has(n)),
  };
}

export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, log] = (await knex.migrate.latest(migratorConfig)) as [number, string[]];
  return log;
}

/**
 * migrateToLatest for a start: a schema already current, as on nearly every start, costs one read
 * of the applied list instead of the migrator's checks of its tables and its lock, on the
 * embedded database's one connection that the sign-in screen waits for.
 */
export async function migrateIfBehind(knex: Knex): Promise<string[]> {
  const status = await schemaStatus(knex);
  return status.pending.length === 0 && status.unknown.length === 0 ? [] : migrateToLatest(knex);
}

export async function rollbackLastBatch(knex: Knex, all = false): Promise<string[]> {
  const [, log] = (await knex.migrate.rollback(migratorConfig, all)) as [number, string[]];
  return log;
}

/**
 * Server mode: the shared database is migrated on purpose by an ADMIN, never by whichever PC
 * starts first, so a PC whose code expects another schema refuses to start and says why.
 */
export async function assertSchemaCurrent(knex: Knex): Promise<void> {
  const status = await schemaStatus(knex);
  if (status.unknown.length > 0) {
    throw new DatabaseSetupError(
      `The clinic database has a newer schema (${status.unknown[status.unknown.length - 1]}) than this copy of Clinic Desk expects (${expectedSchemaVersion}). ` +
        'Install the newer Clinic Desk version on this PC.',
      'SCHEMA_AHEAD',
    );
  }
  if (status.pending.length > 0) {
    const at = status.applied[status.applied.length - 1] ?? 'an empty database';
    throw new DatabaseSetupError(
      `The clinic database schema is at ${at}, but this version of Clinic Desk needs ${expectedSchemaVersion} ` +
        `(${status.pending.length} upgrade step(s) pending). An administrator must upgrade it: run "npm run db:migrate" ` +
        'with this DATABASE_URL, or use Admin → Database → Upgrade. Back the database up first.',
      'SCHEMA_BEHIND',
    );
  }
}
