import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migratorConfig } from '../../main/db/migrator';
import { MODES, openScratch, type Mode } from '../support/databases';
import { fillSeedSchema, seedRows } from '../support/seed-data';

describe.each(MODES)('upgrading a clinic that runs the seed schema (%s)', (mode: Mode) => {
  let before: Record<string, unknown[]>;
  let after: Record<string, unknown[]>;
  let dispose: () => Promise<void>;

  beforeAll(async () => {
    const s = await openScratch(mode);
    dispose = s.dispose;
    await s.db.knex.migrate.up(migratorConfig);
    await fillSeedSchema(s.db.knex);
    before = await seedRows(s.db.knex);
    await migrateToLatest(s.db.knex);
    const upgraded = await seedRows(s.db.knex);
    // Compare only the columns the seed schema had: later migrations add columns, never change rows.
    after = Object.fromEntries(
      Object.entries(upgraded).map(([table, rows]) => [
        table,
        rows.map((row) => Object.fromEntries(Object.keys((before[table]?.[0] as object) ?? {}).map((k) => [k, (row as Record<string, unknown>)[k]]))),
      ]),
    );
  });
  afterAll(() => dispose());

  it('keeps every row of every seed table, value for value', () => {
    expect(Object.values(before).every((rows) => rows.length > 0)).toBe(true);
    expect(after).toEqual(before);
  });
});
