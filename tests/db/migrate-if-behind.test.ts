import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../main/db/open';
import { migrateIfBehind, migratorConfig } from '../../main/db/migrator';
import { migrations } from '../../migrations';
import { openMigrated } from '../support/databases';

// What the app runs at every embedded start (openDatabase): nothing but a read of the applied
// list when the schema is current; the migrator itself, lock and all, when it is not.
describe.each(['embedded', 'server'] as const)('migrateIfBehind on %s', (mode) => {
  let db: Database;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ db, dispose } = await openMigrated(mode));
  });
  afterAll(async () => dispose?.());

  const statementsOf = async (work: () => Promise<unknown>): Promise<string[]> => {
    const seen: string[] = [];
    const record = (q: { sql: string }) => seen.push(q.sql);
    db.knex.on('query', record);
    try {
      await work();
    } finally {
      db.knex.off('query', record);
    }
    return seen;
  };

  it('reads the applied list only when the schema is current: the migrator and its lock are left alone', async () => {
    let applied: string[] | undefined;
    const statements = await statementsOf(async () => (applied = await migrateIfBehind(db.knex)));
    expect(applied).toEqual([]);
    // (The embedded database's upkeep, started with it, may run its look at the counters meanwhile.)
    expect(statements.filter((sql) => /knex_migrations/.test(sql))).toEqual(['select "name" from "knex_migrations" order by "id" asc']);
  });

  it('runs the migrator when a migration is pending, and applies it', async () => {
    const last = migrations[migrations.length - 1]!.name;
    await db.knex.migrate.down(migratorConfig);
    let applied: string[] | undefined;
    const statements = await statementsOf(async () => (applied = await migrateIfBehind(db.knex)));
    expect(applied).toEqual([last]);
    expect(statements.join('\n')).toMatch(/knex_migrations_lock/);
    expect(await migrateIfBehind(db.knex)).toEqual([]);
  });

  it('leaves a schema newer than this code to the migrator, which refuses it', async () => {
    await db.knex('knex_migrations').insert({ name: '29991231000000_from_a_newer_app', batch: 99, migration_time: new Date() });
    try {
      await expect(migrateIfBehind(db.knex)).rejects.toThrow(/29991231000000_from_a_newer_app/);
    } finally {
      await db.knex('knex_migrations').where({ name: '29991231000000_from_a_newer_app' }).del();
    }
  });
});
