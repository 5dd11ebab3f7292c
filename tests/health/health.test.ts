import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthReport } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { dbCli } from '../support/db-cli';
import { expectOk, startHarness, type Harness } from '../support/harness';

describe.each(MODES)('database health (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let folder: string;

  beforeAll(async () => {
    h = await startHarness(mode);
    ({ sessionKey: admin } = await h.signInAs('ADMIN'));
    await h.knex('patient_entities').insert(Array.from({ length: 40 }, (_, i) => ({ name: `Health ${i}`, email: `health${i}@clinic.test` })));
    await h.knex('patient_entities').where('email', 'like', 'health1%').delete();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-health-'));
  });
  afterAll(async () => {
    await h.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('reports every table with its exact row count and size, the indexes, and the database size', async () => {
    const r = expectOk<HealthReport>(await h.call('health.get', {}, admin));
    expect(r.databaseMode).toBe(mode);
    expect(r.databaseBytes).toBeGreaterThan(1_000_000);
    const tables: string[] = (await h.knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
      (t: { tablename: string }) => t.tablename,
    );
    expect(r.tables.map((t) => t.name).sort()).toEqual(tables.sort());
    const patients = r.tables.find((t) => t.name === 'patient_entities')!;
    expect(patients.rows).toBe(40 - 11); // health1, health10..health19 deleted
    expect(patients.totalBytes).toBeGreaterThan(0);
    expect(r.indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['excl_appointment_doctor_overlap', 'excl_appointment_patient_overlap']));
    expect(r.lastBackup).toBeNull();
  });

  it('refuses anyone but an ADMIN', async () => {
    const { sessionKey } = await h.signInAs('RECEPTIONIST');
    expect(await h.call('health.get', {}, sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('npm run db:health prints a readable report, with the last backup taken by npm run db:backup', async () => {
    const config = h.db.config;
    // The command line opens the folder itself: the embedded database must be closed first.
    if (mode === 'embedded') await h.db.close();
    const scratch = { config, dispose: async () => undefined };
    expect((await dbCli(scratch, 'backup', '--to', folder)).code).toBe(0);
    const r = await dbCli(scratch, 'health');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Health of the (clinic server|embedded database)/);
    expect(r.out).toMatch(/\n {2}patient_entities\s+29\s+\d+\s+\d/);
    expect(r.out).toMatch(/Indexes: \d+, \d+ never used/);
    expect(r.out).toMatch(new RegExp(`Last good backup: \\d{4}-.*${folder.replace(/[/\\]/g, '.')}`));
  });
});
