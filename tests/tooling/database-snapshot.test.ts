import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MODES, openMigrated, type Mode } from '../support/databases';
import { databaseSnapshot } from '../support/harness';

// The matrix's "writes nothing" rests on this: any row added, changed or removed shows.
describe.each(MODES)('databaseSnapshot (%s)', (mode: Mode) => {
  let scratch: Awaited<ReturnType<typeof openMigrated>>;
  beforeAll(async () => {
    scratch = await openMigrated(mode);
  });
  afterAll(() => scratch.dispose());

  it('is the same when nothing changed, and names the table whose rows were added, changed or removed', async () => {
    const knex = scratch.db.knex;
    const empty = await databaseSnapshot(knex);
    expect(await databaseSnapshot(knex)).toBe(empty);

    const [{ id }] = await knex('patient_entities').insert({ name: 'Asha Verma', email: 'asha@clinic.test' }).returning('id');
    const added = await databaseSnapshot(knex);
    // A patient's name words are kept by trigger, so they change with the patient.
    expect(changedLines(empty, added)).toEqual([expect.stringMatching(/^patient_entities: 1 rows, /), expect.stringMatching(/^patient_name_words: 2 rows, /)]);

    await knex('patient_entities').where({ id }).update({ name: 'Asha Varma' });
    const changed = await databaseSnapshot(knex);
    expect(changedLines(added, changed)).toEqual([
      expect.stringMatching(/^patient_entities: 1 rows, /),
      expect.stringMatching(/^patient_name_words: 2 rows, /),
    ]);

    await knex('patient_entities').where({ id }).delete();
    expect(changedLines(changed, await databaseSnapshot(knex))).toEqual([
      expect.stringMatching(/^patient_entities: 0 rows, /),
      expect.stringMatching(/^patient_name_words: 0 rows, /),
    ]);
  });

  it('leaves out the tables it is told to', async () => {
    const knex = scratch.db.knex;
    const before = await databaseSnapshot(knex, ['audit_log']);
    await knex('audit_log').insert({ action: 'test.ignored', entity: 'patient', entity_id: 1 });
    expect(await databaseSnapshot(knex, ['audit_log'])).toBe(before);
    expect(before).not.toMatch(/^audit_log:/m);
  });
});

function changedLines(before: string, after: string): string[] {
  const old = new Set(before.split('\n'));
  return after.split('\n').filter((line) => !old.has(line));
}
