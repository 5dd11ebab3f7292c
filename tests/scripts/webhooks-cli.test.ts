import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import path from 'node:path';
import { once } from 'node:events';
import { testKeys } from '../support/keys';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../main/db/migrator';
import { openDatabase, type Database } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';
import { TEST_TWILIO, configureVideo } from '../support/fake-twilio';
import { waitFor } from '../support/wait';

const ROOT = path.resolve(__dirname, '../..');

// Server mode: the receiver runs beside the app on the clinic server, as in a real clinic.
describe('npm run webhooks', () => {
  let s: Awaited<ReturnType<typeof scratchServerDatabase>>;
  let db: Database;
  const keys = testKeys();
  beforeAll(async () => {
    s = await scratchServerDatabase();
    db = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(db.knex);
    await configureVideo(db.knex);
  });
  afterAll(async () => {
    await db.close();
    await s.dispose();
    keys.dispose();
  });

  it('runs headless in plain Node, resumes stored events, stores signed callbacks and stops on SIGTERM', async () => {
    // An event stored while the receiver was down.
    await db
      .knex('twilio_webhook_events')
      .insert({ event_type: 'track-added', event_data: JSON.stringify({ StatusCallbackEvent: 'track-added' }), dedup_key: 'waiting' });
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/webhooks.ts', '--port', '0'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: s.config.url, CLINIC_KEY_FILE: keys.file },
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    try {
      const url = await waitFor('the listening line', () => /listening on (http:\/\/\S+) /.exec(out)?.[1], 180_000, 50);
      expect(out).toContain('1 stored event(s) resumed');
      const params = {
        AccountSid: TEST_TWILIO.accountSid,
        RoomSid: `RM${'d'.repeat(32)}`,
        StatusCallbackEvent: 'room-created',
        SequenceNumber: '0',
        Timestamp: new Date().toISOString(),
      };
      const data =
        TEST_TWILIO.webhookUrl +
        Object.keys(params)
          .sort()
          .map((k) => k + params[k as keyof typeof params])
          .join('');
      const res = await fetch(`${url}/twilio/video`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'X-Twilio-Signature': createHmac('sha1', TEST_TWILIO.authToken).update(data).digest('base64'),
        },
        body: new URLSearchParams(params).toString(),
      });
      expect(res.status).toBe(204);
      // The secrets stored in plain text before sealing existed were sealed as it started, with the key file's key.
      const stored = await db.knex('video_settings').where({ id: 1 }).first('api_key_secret', 'auth_token');
      expect(keys.secretBox.open(stored.auth_token)).toBe(TEST_TWILIO.authToken);
      expect(keys.secretBox.open(stored.api_key_secret)).toBe(TEST_TWILIO.apiKeySecret);
      const rows = await db.knex('twilio_webhook_events').orderBy('id').select('dedup_key', 'processed_at');
      expect(rows.map((r) => r.dedup_key)).toEqual(['waiting', `${params.RoomSid}:0`]);
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    expect(out).not.toContain(TEST_TWILIO.authToken);
    expect(out).not.toContain(TEST_TWILIO.apiKeySecret);
  });
});
