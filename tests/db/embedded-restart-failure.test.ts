import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseSetupError } from '../../main/db/errors';
import { scratchEmbeddedDir, type Scratch } from '../support/databases';

type WorkerHost = typeof import('../../main/db/embedded/worker-host');

/**
 * A first start migrates a new folder, then serves it from a fresh engine (restartEngine). When
 * that engine does not start, the start fails with its reason, gives the folder back, and keeps
 * what it migrated: the next start opens it.
 */
describe('an embedded first start whose fresh engine fails to start', () => {
  let folder: Scratch & { config: { dataDir: string } };
  afterEach(async () => {
    vi.doUnmock('../../main/db/embedded/worker-host');
    vi.resetModules();
    await folder?.dispose();
  });

  it('fails with the engine’s reason, releases the folder, and the next start opens what it migrated', async () => {
    folder = scratchEmbeddedDir();
    const actual = await vi.importActual<WorkerHost>('../../main/db/embedded/worker-host');
    const failure = new DatabaseSetupError('The embedded database exited (code 1)', 'EMBEDDED_START');
    const start = vi.fn(actual.startEmbeddedServer).mockImplementationOnce(actual.startEmbeddedServer).mockRejectedValueOnce(failure);
    vi.doMock('../../main/db/embedded/worker-host', () => ({ ...actual, startEmbeddedServer: start }));
    vi.resetModules();
    const { openDatabase, RUNTIME_ROLE } = await import('../../main/db/open');

    await expect(openDatabase(folder.config)).rejects.toBe(failure);
    expect(start).toHaveBeenCalledTimes(2);
    expect(fs.existsSync(path.join(folder.config.dataDir, 'clinic-desk.lock'))).toBe(false);

    const db = await openDatabase(folder.config);
    try {
      // Already migrated by the failed start: no second restart.
      expect(start).toHaveBeenCalledTimes(3);
      const { rows } = await db.knex.raw('SELECT current_user AS "user", (SELECT count(*)::int FROM knex_migrations) AS migrations');
      expect(rows[0]).toMatchObject({ user: RUNTIME_ROLE, migrations: expect.any(Number) });
      expect(rows[0].migrations).toBeGreaterThan(0);
    } finally {
      await db.close();
    }
  });
});
