import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/db/open';
import { joinGateway } from '../../main/gateway/join-routes';
import { hashJoinCode, newJoinCode } from '../../main/video/join-window';
import { PatientJoin } from '../../main/video/patient-join';
import { issueJoinCode } from '../../main/video/repo';
import { TwilioRooms } from '../../main/video/rooms';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { scratchEmbeddedDir } from '../support/databases';
import { configureVideo, FakeTwilio } from '../support/fake-twilio';
import { testKeys } from '../support/keys';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS } from './browser';
import { seriousAxeViolations } from './desk';

const DATE = '2098-03-10';
/** 10:30–10:45 in Kolkata is 05:00–05:15 UTC. */
const utc = (hhmm: string) => Date.parse(`${DATE}T${hhmm}:00Z`);
const VIEWPORTS = [
  { name: 'phone', width: 360, height: 640 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

// The patient's page as the gateway serves it, in Chromium. The call itself (twilio-video's
// connection to Twilio's media servers) cannot run here: this covers every state before it.
describe('the patient’s join page in Chromium', () => {
  let db: Database;
  let gateway: WebhookReceiver;
  let browser: Browser;
  let code: string;
  let clock = utc('04:00');
  const twilio = new FakeTwilio();
  const keys = testKeys();
  const scratch = scratchEmbeddedDir();

  beforeAll(async () => {
    db = await openDatabase(scratch.config);
    await configureVideo(db.knex);
    await db.knex('clinic_settings').where({ id: 1 }).update({ time_zone: 'Asia/Kolkata' });
    const [{ id: doctorId }] = await db.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha@e2e.test' }).returning('id');
    const [{ id: patientId }] = await db.knex('patient_entities').insert({ name: 'Ravi Kumar', email: 'ravi@e2e.test' }).returning('id');
    const [{ id: appointmentId }] = await db
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: DATE, start_time: '10:30', end_time: '10:45' })
      .returning('id');
    code = newJoinCode();
    await issueJoinCode(db.knex, appointmentId, hashJoinCode(code), 1);
    const patientJoin = new PatientJoin(db.knex, new TwilioRooms(twilio.httpClient()), keys.secretBox, () => clock);
    gateway = await startWebhookReceiver({
      knex: db.knex,
      stored: () => undefined,
      log: () => undefined,
      secretBox: keys.secretBox,
      join: joinGateway({ patientJoin, now: () => clock, log: () => undefined }),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await twilio.close();
    await db?.close();
    await scratch.dispose();
    keys.dispose();
  });

  const STATES = [
    { state: 'out-of-window', at: utc('04:00'), path: () => `/join/${code}`, status: 200, text: 'This link opens at 2098-03-10 10:15' },
    { state: 'pre-join', at: utc('04:50'), path: () => `/join/${code}`, status: 200, text: 'Dr. Asha Rao will join you shortly' },
    { state: 'pre-join-hindi', at: utc('04:50'), path: () => `/join/${code}?lang=hi`, status: 200, text: 'जल्द ही आपसे जुड़ेंगे' },
    { state: 'ended', at: utc('06:00'), path: () => `/join/${code}`, status: 200, text: 'The time for this consultation has passed' },
    { state: 'unknown', at: utc('04:50'), path: () => `/join/${Buffer.alloc(16, 3).toString('base64url')}`, status: 404, text: 'This link does not work' },
  ];

  for (const viewport of VIEWPORTS) {
    it(`shows every state readably at ${viewport.width}×${viewport.height}, with no serious axe finding`, async () => {
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      try {
        const page = await context.newPage();
        for (const s of STATES) {
          clock = s.at;
          const res = await page.goto(`${gateway.url}${s.path()}`);
          expect(res?.status(), s.state).toBe(s.status);
          await page.getByText(s.text).waitFor();
          // The stylesheet loaded under the strict CSP: the page is laid out, not raw.
          expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth)).toBe('640px');
          // Nothing wider than the screen on a phone.
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
          await page.screenshot({ path: path.join(SCREENSHOTS, `join-${s.state}-${viewport.name}.png`), fullPage: true });
          expect(await seriousAxeViolations(page), s.state).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }
});
