import { spawn } from 'node:child_process';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VideoJoinDto } from '../../preload/contract';
import { findPgTool, libpqEnv } from '../../main/backup/pg-tools';
import type { Database } from '../../main/db/open';
import { openMigrated, MODES, type Mode } from '../support/databases';
import { TEST_TWILIO, configureVideo } from '../support/fake-twilio';
import { expectOk, startHarness, type Harness } from '../support/harness';

const SECRETS = [TEST_TWILIO.apiKeySecret, TEST_TWILIO.authToken];

/**
 * What a thief with a copy of the database reads: pg_dump's plain SQL (server), or the data
 * folder's pages as PGlite dumps them, unzipped (embedded).
 */
async function plainDump(db: Database): Promise<string> {
  if (db.config.mode === 'embedded') return zlib.gunzipSync(await db.dumpDataDir!()).toString('latin1');
  const child = spawn(findPgTool('pg_dump'), ['--format=plain'], { env: libpqEnv(db.config), stdio: ['ignore', 'pipe', 'inherit'] });
  const chunks: Buffer[] = [];
  for await (const chunk of child.stdout) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

async function storedSecrets(db: Database): Promise<{ api_key_secret: string; auth_token: string }> {
  return db.knex('video_settings').where({ id: 1 }).first('api_key_secret', 'auth_token');
}

describe.each(MODES)('Twilio secrets sealed in the clinic database (%s)', (mode: Mode) => {
  let scratchDb: Awaited<ReturnType<typeof openMigrated>>;
  let db: Database;
  let h: Harness;
  let admin: string;
  let appointmentId: number;

  beforeAll(async () => {
    scratchDb = await openMigrated(mode);
    db = scratchDb.db;
    // A clinic upgraded from a version that stored the secrets as typed.
    await configureVideo(db.knex);
    h = await startHarness(mode, db);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    const [{ id: doctorId }] = await db.knex('doctor_entities').insert({ name: 'Dr. Sealed', email: 'sealed@clinic.test' }).returning('id');
    const [{ id: patientId }] = await db.knex('patient_entities').insert({ name: 'P', email: 'p@example.com' }).returning('id');
    [{ id: appointmentId }] = await db
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-04-04', start_time: '09:00', end_time: '09:15' })
      .returning('id');
  });
  afterAll(async () => {
    await h?.dispose();
    await scratchDb?.dispose();
  });

  it('seals the plain-text secrets of an upgraded clinic when the services start, and calls still work', async () => {
    await h.services.startupWork;
    const stored = await storedSecrets(db);
    expect(stored.api_key_secret).toMatch(/^sealed:v1:/);
    expect(stored.auth_token).toMatch(/^sealed:v1:/);
    const dump = await plainDump(db);
    // The dump is real (it holds the settings row), yet no secret in it.
    expect(dump).toContain(TEST_TWILIO.accountSid);
    for (const secret of SECRETS) expect(dump).not.toContain(secret);
    // Twilio's fake accepts only the true API key secret: the sealed one was opened for the call.
    expectOk<VideoJoinDto>(await h.call('video.start', { appointmentId }, admin));
  });

  it('seals what an ADMIN saves: nothing readable from a dump, nothing in a reply', async () => {
    const newSecret = 'ChangedApiKeySecret9876543210fedcba';
    const reply = await h.call('video.updateSettings', { apiKeySecret: newSecret, authToken: TEST_TWILIO.authToken }, admin);
    expect(JSON.stringify(reply)).not.toContain(newSecret);
    expect(reply).toMatchObject({ ok: true, value: { apiKeySecretSet: true, authTokenSet: true } });
    const stored = await storedSecrets(db);
    expect(stored.api_key_secret).toMatch(/^sealed:v1:/);
    const dump = await plainDump(db);
    for (const secret of [newSecret, TEST_TWILIO.authToken]) expect(dump).not.toContain(secret);
    // Put back, so the fake accepts the next call's credentials.
    expectOk(await h.call('video.updateSettings', { apiKeySecret: TEST_TWILIO.apiKeySecret }, admin));
    expectOk<VideoJoinDto>(await h.call('video.start', { appointmentId }, admin));
  });

  it('a PC holding another clinic key cannot open them, and says so without showing them', async () => {
    // A second "PC" on the same database, with a key of its own (startHarness makes one each time).
    const other = await startHarness(mode, db);
    try {
      const otherAdmin = (await other.signInAs('ADMIN')).sessionKey;
      const refused = await other.call('video.start', { appointmentId }, otherAdmin);
      expect(refused).toMatchObject({
        ok: false,
        error: {
          code: 'UNAVAILABLE',
          message: expect.stringMatching(/sealed with clinic key [0-9a-f]{16}, but this PC holds key [0-9a-f]{16}\. Import the clinic's recovery key/),
        },
      });
      for (const secret of SECRETS) expect(JSON.stringify(refused)).not.toContain(secret);
    } finally {
      await other.dispose();
    }
  });
});
