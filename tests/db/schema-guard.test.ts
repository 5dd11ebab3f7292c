import { afterEach, describe, expect, it } from 'vitest';
import { migratorConfig, migrateToLatest, expectedSchemaVersion, schemaStatus } from '../../main/db/migrator';
import { openDatabase } from '../../main/db/open';
import { DatabaseSetupError } from '../../main/db/errors';
import { scratchServerDatabase, scratchEmbeddedDir } from '../support/databases';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function openError(p: Promise<unknown>): Promise<DatabaseSetupError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof DatabaseSetupError) return err;
    throw err;
  }
  throw new Error('expected the database to be refused');
}

describe('schema version guard (server mode)', () => {
  it('refuses a database that is behind, saying how to upgrade, and changes nothing', async () => {
    const s = await scratchServerDatabase();
    cleanups.push(s.dispose);
    const tooling = await openDatabase(s.config, { schema: 'none' });
    await tooling.knex.migrate.up(migratorConfig);
    const before = await schemaStatus(tooling.knex);
    await tooling.close();

    const err = await openError(openDatabase(s.config));
    expect(err.code).toBe('SCHEMA_BEHIND');
    expect(err.message).toContain('20261125000000_seed_schema');
    expect(err.message).toContain(expectedSchemaVersion);
    expect(err.message).toContain('npm run db:migrate');

    const check = await openDatabase(s.config, { schema: 'none' });
    cleanups.push(() => check.close());
    expect(await schemaStatus(check.knex)).toEqual(before);
  });

  it('refuses a database migrated by a newer Clinic Desk', async () => {
    const s = await scratchServerDatabase();
    cleanups.push(s.dispose);
    const tooling = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(tooling.knex);
    await tooling.knex('knex_migrations').insert({ name: '20990101000000_from_the_future', batch: 99, migration_time: new Date() });
    await tooling.close();

    const err = await openError(openDatabase(s.config));
    expect(err.code).toBe('SCHEMA_AHEAD');
    expect(err.message).toMatch(/Install the newer Clinic Desk/);
  });

  it('opens a current database', async () => {
    const s = await scratchServerDatabase();
    cleanups.push(s.dispose);
    const tooling = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(tooling.knex);
    await tooling.close();
    const db = await openDatabase(s.config);
    cleanups.push(() => db.close());
    expect((await schemaStatus(db.knex)).pending).toEqual([]);
  });
});

describe('embedded mode migrates itself on start', () => {
  it('brings a new data folder to the latest schema, and reopens it without changes', async () => {
    const s = scratchEmbeddedDir();
    cleanups.push(s.dispose);
    const first = await openDatabase(s.config);
    const applied = (await schemaStatus(first.knex)).applied;
    await first.knex('patient_entities').insert({ name: 'Kept Across Restarts', email: 'kept@clinic.test' });
    await first.close();
    expect(applied.at(-1)).toBe(expectedSchemaVersion);

    const second = await openDatabase(s.config);
    cleanups.push(() => second.close());
    expect((await schemaStatus(second.knex)).applied).toEqual(applied);
    expect(await second.knex('patient_entities').pluck('name')).toEqual(['Kept Across Restarts']);
  });
});
