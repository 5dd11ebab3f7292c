import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/db/open';
import { joinGateway } from '../../main/gateway/join-routes';
import { hashJoinCode, newJoinCode } from '../../main/video/join-window';
import { PatientJoin } from '../../main/video/patient-join';
import { issueJoinCode } from '../../main/video/repo';
import { TwilioRooms } from '../../main/video/rooms';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { scratchMigrated, type Scratch } from '../support/databases';
import { configureVideo, FakeTwilio } from '../support/fake-twilio';
import { testKeys } from '../support/keys';
import { CHROMIUM, CHROMIUM_FLAGS, SCREENSHOTS } from './browser';
import { seriousAxeViolations } from './axe';

const DATE = '2098-03-10';
/** 10:30–10:45 in Kolkata is 05:00–05:15 UTC. */
const utc = (hhmm: string) => Date.parse(`${DATE}T${hhmm}:00Z`);
/** The built call page (npm run build), served by the gateway as in production. */
const CALL_PAGE = path.resolve(__dirname, '../../out/join');

/**
 * The vendor chunk the call page loads on joining, replaced by a fake room behind the same
 * interface (CallRoom): the page's own code runs unchanged, and the test drives the room
 * through window.__call as Twilio's media servers would.
 */
const FAKE_VENDOR = `
const listeners = new Map();
const on = (event, fn) => { if (!listeners.has(event)) listeners.set(event, new Set()); listeners.get(event).add(fn); return () => listeners.get(event).delete(fn); };
const fire = (event, ...args) => [...(listeners.get(event) ?? [])].forEach((fn) => fn(...args));
let parties = [];
function doctorCamera() {
  const canvas = document.createElement('canvas');
  canvas.width = 320; canvas.height = 240;
  const g = canvas.getContext('2d');
  const stream = canvas.captureStream(10);
  setInterval(() => { g.fillStyle = '#2f6f4f'; g.fillRect(0, 0, 320, 240); g.fillStyle = '#fff'; g.fillRect(120, 60, 80, 120); }, 100);
  return stream.getVideoTracks()[0];
}
export const twilioVendor = {
  async connect(token, roomName, tracks) {
    const sent = {};
    const room = {
      sid: 'RM' + 'f'.repeat(32),
      remoteParticipants: () => parties,
      on,
      setTrackEnabled(kind, enabled) { sent[kind] = enabled; },
      async shareScreen() {},
      stopSharing() {},
      async replaceTracks() {},
      disconnect() { fire('disconnected'); },
    };
    window.__call = {
      token, roomName, kinds: tracks.map((t) => t.kind).sort(), sent, fire,
      doctorJoins() { parties = [{ identity: 'doctor-1', reconnecting: false, tracks: [doctorCamera()] }]; fire('participantConnected', 'doctor-1'); fire('tracksChanged'); },
    };
    return room;
  },
};
`;

type FakeCall = {
  token: string;
  roomName: string;
  kinds: string[];
  sent: Record<string, boolean>;
  fire(event: string, ...args: unknown[]): void;
  doctorJoins(): void;
};
declare const window: { __call?: FakeCall };

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
  let scratch: Scratch;

  beforeAll(async () => {
    scratch = await scratchMigrated('embedded');
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
      join: joinGateway({ patientJoin, now: () => clock, log: () => undefined, callPageDir: CALL_PAGE }),
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    await twilio.close();
    await db?.close();
    await scratch?.dispose();
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

  /** A screenshot and an axe run of one state of the call page. */
  async function check(page: Page, state: string, viewport: (typeof VIEWPORTS)[number]) {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), state).toBeLessThanOrEqual(viewport.width);
    await page.screenshot({ path: path.join(SCREENSHOTS, `join-call-${state}-${viewport.name}.png`), fullPage: true });
    expect(await seriousAxeViolations(page), state).toEqual([]);
  }

  for (const viewport of VIEWPORTS) {
    it(`runs the call at ${viewport.width}×${viewport.height}: pre-join, lobby, in call, reconnecting and the end, with no serious axe finding`, async () => {
      expect(fs.existsSync(path.join(CALL_PAGE, 'join.js')), 'out/join/join.js: run npm run build first').toBe(true);
      clock = utc('04:50');
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height } });
      try {
        const page = await context.newPage();
        await page.route('**/join/assets/join-twilio-vendor-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: FAKE_VENDOR }));
        await page.goto(`${gateway.url}/join/${code}`);

        // Pre-join: Chromium's fake camera plays in the preview; the devices are listed.
        await page.getByRole('heading', { name: 'Check your camera and microphone' }).waitFor();
        await page.waitForFunction(() => ((document.querySelector('video[aria-label="Your camera"]') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0);
        const firstCamera = page
          .getByRole('combobox', { name: /^Camera/ })
          .locator('option')
          .first();
        await firstCamera.waitFor({ state: 'attached' });
        expect(await firstCamera.textContent()).not.toBe('None found');
        await page.getByRole('meter', { name: 'Microphone level' }).waitFor();
        await check(page, 'prejoin', viewport);

        // The lobby: the code traded for a token from the (fake) Twilio; the desk sees the patient waiting.
        await page.getByRole('button', { name: 'Join the consultation' }).click();
        await page.getByRole('heading', { name: 'Dr. Asha Rao will join you shortly.' }).waitFor();
        const call = (await page.evaluate(
          () => window.__call && { token: window.__call.token, roomName: window.__call.roomName, kinds: window.__call.kinds },
        ))!;
        expect(call.token.split('.')).toHaveLength(3);
        expect(call.roomName).toMatch(/^clinic-desk-appointment-\d+$/);
        expect(call.kinds).toEqual(['audio', 'video']);
        const lobbyEvents = await db.knex('video_call_events').where({ event_type: 'patient-lobby' }).count({ n: '*' }).first();
        expect(Number(lobbyEvents?.n)).toBeGreaterThan(0);
        await check(page, 'lobby', viewport);

        // In call: the doctor's video, the controls, the network's quality.
        await page.evaluate(() => {
          window.__call!.doctorJoins();
          window.__call!.fire('networkQuality', 4);
        });
        await page.getByRole('heading', { name: 'Consultation with Dr. Asha Rao' }).waitFor();
        await page.waitForFunction(
          () => ((document.querySelector('video[aria-label="Video of Dr. Asha Rao"]') as HTMLVideoElement | null)?.videoWidth ?? 0) > 0,
        );
        await page.getByText('Network: good').waitFor();
        await page.getByRole('button', { name: 'Mute' }).click();
        await page.getByRole('button', { name: 'Unmute' }).waitFor();
        expect(await page.evaluate(() => window.__call!.sent.audio)).toBe(false);
        await check(page, 'incall', viewport);

        // The connection drops and comes back.
        await page.evaluate(() => window.__call!.fire('reconnecting'));
        await page.getByText('Reconnecting… your connection dropped. Please stay on this page.').waitFor();
        await check(page, 'reconnecting', viewport);
        await page.evaluate(() => window.__call!.fire('reconnected'));
        await page.getByText(/Reconnecting…/).waitFor({ state: 'detached' });

        // The doctor finishes: Twilio completes the room.
        await page.evaluate(() => window.__call!.fire('disconnected', { code: 53118, message: 'Room completed' }));
        await page.getByRole('heading', { name: 'The consultation has ended' }).waitFor();
        expect(await page.getByRole('link', { name: 'Pay now' }).count()).toBe(0);
        await check(page, 'ended', viewport);
      } finally {
        await context.close();
      }
    });
  }

  it('explains a camera the browser refused, with the steps for Chrome', async () => {
    clock = utc('04:50');
    // No fake permission prompt this time: Chromium refuses the camera as if the patient had.
    const refusing = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS.filter((f) => f !== '--use-fake-ui-for-media-stream'), '--deny-permission-prompts'],
    });
    try {
      const page = await (await refusing.newContext({ viewport: { width: 360, height: 640 } })).newPage();
      await page.goto(`${gateway.url}/join/${code}`);
      await page.getByText('The browser is not allowed to use your camera or microphone.').waitFor();
      await page.getByText(/Tap the camera icon or the lock next to the address/).waitFor();
      expect(await page.getByRole('button', { name: 'Join the consultation' }).isDisabled()).toBe(true);
      await check(page, 'camera-denied', VIEWPORTS[0]);
    } finally {
      await refusing.close();
    }
  });
});
