import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest';
import { openDatabase, RUNTIME_ROLE, type Database } from '../../main/db/open';
import { scratchEmbeddedDir, type Scratch } from '../support/databases';

describe('a clinic data folder opened by the app for the first time (embedded mode)', () => {
  let folder: Scratch;
  let db: Database;
  let printed: MockInstance<typeof console.log>;
  let logged: MockInstance<typeof console.error>;

  beforeAll(async () => {
    printed = vi.spyOn(console, 'log');
    logged = vi.spyOn(console, 'error');
    folder = scratchEmbeddedDir();
    db = await openDatabase(folder.config);
  });
  afterAll(async () => {
    printed.mockRestore();
    logged.mockRestore();
    await db?.close();
    await folder?.dispose();
  });

  it('is served, once created and migrated, by an engine started after the last migration (the first one’s memory had grown for good)', async () => {
    const { rows } = await db.knex.raw(
      'SELECT count(*)::int AS migrations, pg_postmaster_start_time() > max(migration_time) AS "startedAfter" FROM knex_migrations',
    );
    expect(rows[0].migrations).toBeGreaterThan(0);
    expect(rows[0].startedAfter).toBe(true);
  });

  it('runs as the runtime role on that engine and hears its changes', async () => {
    expect((await db.knex.raw('SELECT current_user')).rows[0].current_user).toBe(RUNTIME_ROLE);
    const heard = new Promise((resolve) => db.changes.once('change', resolve));
    const [{ id }] = await db.knex('patient_entities').insert({ name: 'First Open Patient' }).returning('id');
    expect(await heard).toMatchObject({ table: 'patient_entities', op: 'INSERT', id });
  });

  it('reports nothing on the way: the old engine’s connection, closed on purpose, is no lost connection (it was reported on standard output, into the bench loader’s report)', () => {
    expect(printed).not.toHaveBeenCalled();
    expect(logged).not.toHaveBeenCalled();
  });
});

describe('an embedded database closed right after it opened', () => {
  it('lets the statistics update under way finish first, so nothing is aborted or logged', async () => {
    const folder = scratchEmbeddedDir();
    try {
      // Without migrating, open returns while its first statistics update still waits for the connection.
      const db = await openDatabase(folder.config, { schema: 'none' });
      const logged = vi.spyOn(console, 'error');
      try {
        await db.close();
        expect(logged).not.toHaveBeenCalled();
      } finally {
        logged.mockRestore();
      }
    } finally {
      await folder.dispose();
    }
  });
});
