import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../preload/contract';
import { GATEWAY_HEADERS } from '../../main/gateway/headers';
import { joinGateway } from '../../main/gateway/join-routes';
import { migrateToLatest } from '../../main/db/migrator';
import { openDatabase, type Database } from '../../main/db/open';
import { PatientJoin } from '../../main/video/patient-join';
import { TwilioRooms } from '../../main/video/rooms';
import { roomNameOf } from '../../main/video/service';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { MODES, scratchServerDatabase, type Mode } from '../support/databases';
import { TEST_TWILIO, configureVideo, redirectingClient } from '../support/fake-twilio';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';
import { waitFor } from '../support/wait';

const APPOINTMENT_DATE = '2098-03-10';
/** 10:30–10:45 in Kolkata (UTC+5:30) is 05:00–05:15 UTC. */
const utc = (hhmm: string) => Date.parse(`${APPOINTMENT_DATE}T${hhmm}:00Z`);

/** The headers every gateway reply carries, whatever its status. */
function expectGatewayHeaders(res: Response): void {
  for (const [name, value] of Object.entries(GATEWAY_HEADERS)) expect(res.headers.get(name), name).toBe(value);
  const csp = res.headers.get('content-security-policy')!;
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'none'");
  expect(csp).not.toContain('unsafe-inline');
  expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
}

function jwtPayload(token: string): { grants: Record<string, unknown>; exp: number; iat: number; signatureValid: boolean } {
  const [h, p, sig] = token.split('.') as [string, string, string];
  const expected = createHmac('sha256', TEST_TWILIO.apiKeySecret).update(`${h}.${p}`).digest('base64url');
  return { ...JSON.parse(Buffer.from(p, 'base64url').toString('utf8')), signatureValid: expected === sig };
}

describe.each(MODES)('the gateway’s patient join routes (%s)', (mode: Mode) => {
  let h: Harness;
  let receiver: WebhookReceiver;
  let clock = utc('04:00');
  let appointmentId: number;
  let doctor: { sessionKey: string };
  let admin: { sessionKey: string };
  const keys = testKeys();
  const logged: unknown[] = [];

  /** A gateway with its own limits (the rate-limit test makes them tiny), or its own way to Twilio. */
  async function gateway(limits: Pick<Parameters<typeof joinGateway>[0], 'perIp' | 'perCode'> = {}, twilioClient = h.twilio.httpClient()) {
    const patientJoin = new PatientJoin(h.knex, new TwilioRooms(twilioClient), keys.secretBox, () => clock);
    return startWebhookReceiver({
      knex: h.knex,
      stored: () => undefined,
      log: (m, e) => logged.push([m, e]),
      secretBox: keys.secretBox,
      join: joinGateway({ patientJoin, now: () => clock, log: (m, e) => logged.push([m, e]), ...limits }),
    });
  }

  const codeOf = (link: string) => new URL(link).pathname.split('/').at(-1)!;
  const newLink = async () => codeOf(expectOk<{ link: string }>(await h.call('video.patientLink', { appointmentId }, doctor.sessionKey)).link);
  const page = (code: string, query = '', headers: Record<string, string> = {}) => fetch(`${receiver.url}/join/${code}${query}`, { headers });
  const status = (code: string) => fetch(`${receiver.url}/join/${code}/status`);
  const token = (code: string) => fetch(`${receiver.url}/join/${code}/token`, { method: 'POST' });

  beforeAll(async () => {
    // One clinic key for the desk and the gateway, as on a clinic server.
    h = await startHarness(mode, undefined, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    await configureVideo(h.knex);
    admin = await h.signInAs('ADMIN');
    expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' }, admin.sessionKey));
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha.rao@gateway.test' }).returning('id');
    const [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: 'Ravi Kumar Sharma', email: 'ravi.sharma@example.com', phone: '+919812345678' })
      .returning('id');
    [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({
        patient_id: patientId,
        doctor_id: doctorId,
        appointment_date: APPOINTMENT_DATE,
        start_time: '10:30',
        end_time: '10:45',
        reason: 'Persistent cough',
      })
      .returning('id');
    doctor = await h.signInAs('DOCTOR', { doctorId });
    receiver = await gateway();
  });
  afterAll(async () => {
    await receiver?.close();
    await h?.dispose();
    keys.dispose();
  });

  it('before the window: the page and status say when to come back, and no token is given', async () => {
    const code = await newLink();
    clock = utc('04:44'); // 10:14 in Kolkata, a minute before the window opens at 10:15.
    const res = await page(code);
    expect(res.status).toBe(200);
    expectGatewayHeaders(res);
    const html = await res.text();
    expect(html).toContain('Hello Ravi');
    expect(html).toContain('Dr. Asha Rao');
    expect(html).toContain('This link opens at 2098-03-10 10:15');
    expect(html).toContain('data-state="before"');
    expect(html).not.toContain('id="join-app"');

    const s = await status(code);
    expect(s.status).toBe(200);
    expect(await s.json()).toMatchObject({ place: 'before', view: { opensAt: '2098-03-10T04:45:00.000Z', closesAt: '2098-03-10T05:45:00.000Z' } });
    const t = await token(code);
    expect(t.status).toBe(409);
    expectGatewayHeaders(t);
    const body = await t.json();
    expect(body).toMatchObject({ place: 'before' });
    expect(body).not.toHaveProperty('token');
    expect(h.twilio.rooms.size).toBe(0);
  });

  it('inside the window: the code becomes a room-only token, a lobby event and "waiting online" heard by the desk', async () => {
    const code = await newLink();
    clock = utc('04:45'); // 10:15 in Kolkata: the window has just opened.
    const html = await (await page(code)).text();
    expect(html).toContain('data-state="inside"');
    expect(html).toContain('id="join-app"');
    const eventsBefore = h.events.length;
    const sentAt = Date.now();
    const t = await token(code);
    expect(t.status).toBe(200);
    expectGatewayHeaders(t);
    const body = await t.json();
    expect(body).toMatchObject({ place: 'joined', roomName: roomNameOf(appointmentId) });
    const jwt = jwtPayload(body.token);
    expect(jwt.signatureValid).toBe(true);
    expect(jwt.grants).toMatchObject({ video: { room: roomNameOf(appointmentId) } });
    // The token lives no longer than the window (it closes at 05:45 UTC, an hour from now; the cap is 30 minutes).
    expect(jwt.exp - jwt.iat).toBeLessThanOrEqual(30 * 60);

    const session = await h.knex('video_call_sessions').where({ appointment_id: appointmentId }).first();
    expect(session).toMatchObject({ room_name: roomNameOf(appointmentId), status: 'CREATED' });
    const events = await h.knex('video_call_events').where({ session_id: session.session_id, event_type: 'patient-lobby' });
    expect(events).toHaveLength(1);
    const waiting = expectOk<{ appointmentIds: number[] }>(await h.call('video.waitingOnline', { appointmentIds: [appointmentId] }, admin.sessionKey));
    expect(waiting.appointmentIds).toEqual([appointmentId]);
    // Today's question is the day's: the same patient, and nobody from another day.
    const ofDay = (date: string) => h.call('video.waitingOnline', { date }, admin.sessionKey);
    expect(expectOk(await ofDay(APPOINTMENT_DATE))).toMatchObject({ appointmentIds: [appointmentId] });
    expect(expectOk(await ofDay('2098-03-11'))).toEqual({ appointmentIds: [], noShowIds: [] });

    // The NOTIFY of the lobby mark reaches this desk's windows as a contract event.
    const heard = await waitFor('video.lobbyChanged', () =>
      h.events
        .slice(eventsBefore)
        .find(
          (e) => e.event === 'video.lobbyChanged' && (e.payload as ChangeEvent).appointmentId === appointmentId && (e.payload as ChangeEvent).op === 'UPDATE',
        ),
    );
    expect(heard.at - sentAt).toBeLessThan(10_000);
  });

  it('inside the window the status counts the patients the doctor sees first: the one with the doctor, and those present with an earlier time', async () => {
    const code = await newLink();
    const ahead = async () => ((await (await status(code)).json()) as { view: { ahead: number | null } }).view.ahead;
    clock = utc('04:44'); // Before the window nothing is counted.
    expect(await ahead()).toBeNull();
    clock = utc('04:45');
    expect(await ahead()).toBe(0);

    const { doctor_id: doctorId } = await h.knex('appointment_entities').where({ id: appointmentId }).first('doctor_id');
    const patients: number[] = (
      await h
        .knex('patient_entities')
        .insert(['With Doctor', 'Arrived Early', 'Not Come', 'Arrived Later', 'Online Early'].map((name, i) => ({ name, email: `ahead${i}@gateway.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    const now = new Date(clock);
    const book = async (patient: number, start: string, end: string, stamps: object = {}) =>
      (
        await h
          .knex('appointment_entities')
          .insert({ patient_id: patient, doctor_id: doctorId, appointment_date: APPOINTMENT_DATE, start_time: start, end_time: end, ...stamps })
          .returning('id')
      )[0].id as number;
    const withDoctor = await book(patients[0]!, '09:00', '09:15', { checked_in_at: now, consult_started_at: now });
    await book(patients[1]!, '09:15', '09:30', { checked_in_at: now });
    const notCome = await book(patients[2]!, '09:30', '09:45');
    await book(patients[3]!, '11:00', '11:15', { checked_in_at: now });
    expect(await ahead()).toBe(2);

    // A patient with an earlier time waiting in their own lobby is present too.
    const online = await book(patients[4]!, '09:45', '10:00');
    await h.knex('video_join_codes').insert({ appointment_id: online, code_hash: 'f'.repeat(64), lobby_at: now });
    expect(await ahead()).toBe(3);
    // Seen patients leave the count; one who has not come is never in it.
    await h.knex('appointment_entities').where({ id: withDoctor }).update({ status: 'COMPLETED' });
    await h.knex('appointment_entities').where({ id: notCome }).update({ status: 'CANCELLED', cancel_reason: 'Patient called to cancel' });
    expect(await ahead()).toBe(2);
  });

  it('the window follows the clinic’s zone and its configured minutes; after it the page says the time has passed', async () => {
    const code = await newLink();
    clock = utc('05:45'); // 11:15 in Kolkata: the last moment of the window (end 10:45 + 30).
    expect((await status(code)).status).toBe(200);
    expect(await (await status(code)).json()).toMatchObject({ place: 'inside' });
    clock = utc('05:45') + 1000;
    expect(await (await status(code)).json()).toMatchObject({ place: 'after' });
    expect(await (await page(code)).text()).toContain('The time for this consultation has passed');
    expect((await token(code)).status).toBe(409);

    // The clinic opens its links an hour early: 09:31 in Kolkata is now inside.
    await h.knex('video_settings').where({ id: 1 }).update({ join_opens_minutes: 60 });
    clock = utc('04:01');
    expect(await (await status(code)).json()).toMatchObject({ place: 'inside', view: { opensAtClinic: '2098-03-10 09:30' } });
    await h.knex('video_settings').where({ id: 1 }).update({ join_opens_minutes: 15 });
    expect(await (await status(code)).json()).toMatchObject({ place: 'before' });
  });

  it('re-sending revokes the old code, revoking the new one leaves a plain 404; unknown and malformed codes too', async () => {
    clock = utc('04:50');
    const old = await newLink();
    const fresh = await newLink();
    for (const res of [await page(old), await status(old), await token(old)]) {
      expect(res.status).toBe(404);
      expectGatewayHeaders(res);
    }
    expect(await (await page(old)).text()).toContain('This link does not work');
    expect((await status(fresh)).status).toBe(200);
    expectOk(await h.call('video.revokeLink', { appointmentId }, doctor.sessionKey));
    expect((await token(fresh)).status).toBe(404);
    const unknown = Buffer.alloc(16, 7).toString('base64url');
    for (const code of [unknown, 'not-a-code', `${'A'.repeat(21)}!`, 'x'.repeat(99)]) expect((await page(code)).status).toBe(404);
  });

  it('a cancelled appointment’s code stops working', async () => {
    clock = utc('04:50');
    const code = await newLink();
    expect((await status(code)).status).toBe(200);
    await h.knex('appointment_entities').where({ id: appointmentId }).update({ status: 'CANCELLED', cancel_reason: 'Travelling' });
    try {
      expect((await token(code)).status).toBe(404);
    } finally {
      await h.knex('appointment_entities').where({ id: appointmentId }).update({ status: 'SCHEDULED', cancel_reason: null });
    }
  });

  it('nothing in a reply beyond the first name, the doctor, the time and how many are before the patient', async () => {
    clock = utc('04:50');
    const code = await newLink();
    const replies = [await (await page(code)).text(), await (await page(code, '?lang=hi')).text(), await (await status(code)).text()];
    const joined = await (await token(code)).json();
    const { token: jwt, ...rest } = joined;
    expect(typeof jwt).toBe('string');
    replies.push(JSON.stringify(rest));
    for (const text of replies) {
      for (const secret of ['Kumar', 'Sharma', 'ravi.sharma', '9812345678', 'Persistent cough', 'Sunrise', TEST_TWILIO.accountSid]) {
        expect(text, secret).not.toContain(secret);
      }
    }
    expect(Object.keys(rest).sort()).toEqual(['place', 'roomName', 'view']);
    expect(Object.keys(rest.view).sort()).toEqual(['ahead', 'closesAt', 'date', 'doctorName', 'firstName', 'opensAt', 'opensAtClinic', 'startTime']);
    expect(replies[1]).toContain('नमस्ते Ravi');
    expect(replies[1]).toContain('lang="hi"');
  });

  it('speaks Hindi to a browser that prefers it', async () => {
    clock = utc('04:00');
    const code = await newLink();
    const html = await (await page(code, '', { 'Accept-Language': 'hi-IN,hi;q=0.9,en;q=0.5' })).text();
    expect(html).toContain('यह लिंक 2098-03-10 10:15 पर खुलेगा');
  });

  it('rate-limits per code and per address with a clear 429', async () => {
    const limited = await gateway({ perCode: { limit: 3, windowMs: 60_000 }, perIp: { limit: 5, windowMs: 60_000 } });
    try {
      clock = utc('04:00');
      const code = await newLink();
      const get = (c: string) => fetch(`${limited.url}/join/${c}/status`);
      for (let i = 0; i < 3; i++) expect((await get(code)).status).toBe(200);
      const refused = await get(code);
      expect(refused.status).toBe(429);
      expectGatewayHeaders(refused);
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(await refused.text()).toContain('Too many requests');
      // Another code from the same address still gets through, until the address's own limit.
      const other = Buffer.alloc(16, 9).toString('base64url');
      expect((await get(other)).status).toBe(404);
      expect((await get(other)).status).toBe(429);
      // A minute later the counts start again.
      clock += 60_000;
      expect((await get(code)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });

  it('Twilio out of reach: a 503 to try again, no lobby mark, nothing about why', async () => {
    // Nothing listens on port 1: the room cannot be created.
    const cut = await gateway(
      {},
      redirectingClient(() => 'http://127.0.0.1:1'),
    );
    try {
      clock = utc('04:50');
      const code = await newLink();
      const res = await fetch(`${cut.url}/join/${code}/token`, { method: 'POST' });
      expect(res.status).toBe(503);
      expectGatewayHeaders(res);
      expect(res.headers.get('retry-after')).toBe('30');
      const text = await res.text();
      expect(text).toContain('try again');
      expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|twilio\.com/i);
      const live = await h.knex('video_join_codes').where({ appointment_id: appointmentId }).whereNull('revoked_at').first('lobby_at');
      expect(live.lobby_at).toBeNull();
    } finally {
      await cut.close();
    }
  });

  it('sends the same headers with the webhook receiver’s own replies', async () => {
    const res = await fetch(`${receiver.url}/twilio/video`, { method: 'POST', body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(403);
    expectGatewayHeaders(res);
    const css = await fetch(`${receiver.url}/join/assets/join.css`);
    expect(css.status).toBe(200);
    expectGatewayHeaders(css);
    expect((await fetch(`${receiver.url}/join/abc/token`)).status).toBe(405);
  });
});

describe('the lobby mark reaches another desk on the clinic server', () => {
  let dbB: Database;
  let pcA: Harness;
  let pcB: Harness;
  let dispose: () => Promise<void>;
  const keys = testKeys();

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    dispose = s.dispose;
    const dbA = await openDatabase(s.config, { schema: 'none' });
    await migrateToLatest(dbA.knex);
    dbB = await openDatabase(s.config, { schema: 'guard' });
    pcA = await startHarness('server', dbA, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    pcB = await startHarness('server', dbB, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
  });
  afterAll(async () => {
    keys.dispose();
    await pcA?.dispose();
    await pcB?.dispose();
    await pcA?.db.close();
    await dbB?.close();
    await dispose?.();
  });

  it('a patient entering the lobby through the gateway on desk A is heard on desk B within a second', async () => {
    await configureVideo(pcA.knex);
    const [{ id: doctorId }] = await pcA.knex('doctor_entities').insert({ name: 'Dr. Far', email: 'far@gateway.test' }).returning('id');
    const [{ id: patientId }] = await pcA.knex('patient_entities').insert({ name: 'Meera Iyer', email: 'meera@example.com' }).returning('id');
    const [{ id: appointmentId }] = await pcA
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: APPOINTMENT_DATE, start_time: '10:30', end_time: '10:45' })
      .returning('id');
    const admin = await pcA.signInAs('ADMIN');
    const link = expectOk<{ link: string }>(await pcA.call('video.patientLink', { appointmentId }, admin.sessionKey)).link;
    // Desk B hears the link being issued first: then it is surely listening.
    await waitFor('desk B listening', () =>
      pcB.events.find((e) => e.event === 'video.lobbyChanged' && (e.payload as ChangeEvent).appointmentId === appointmentId),
    );
    expectOk(await pcA.call('settings.update', { timeZone: 'Asia/Kolkata' }, admin.sessionKey));
    // The gateway's clock stands inside the appointment's window; the latency below is real time.
    const join = new PatientJoin(pcA.knex, new TwilioRooms(pcA.twilio.httpClient()), keys.secretBox, () => utc('04:50'));
    const gatewayA = await startWebhookReceiver({
      knex: pcA.knex,
      stored: () => undefined,
      log: () => undefined,
      secretBox: keys.secretBox,
      join: joinGateway({ patientJoin: join, log: () => undefined }),
    });
    try {
      const sentAt = Date.now();
      const res = await fetch(`${gatewayA.url}/join/${new URL(link).pathname.split('/').at(-1)}/token`, { method: 'POST' });
      expect(res.status).toBe(200);
      const heard = await waitFor('lobby on desk B', () =>
        pcB.events.find(
          (e) => e.event === 'video.lobbyChanged' && (e.payload as ChangeEvent).appointmentId === appointmentId && (e.payload as ChangeEvent).op === 'UPDATE',
        ),
      );
      const waiting = expectOk<{ appointmentIds: number[] }>(
        await pcB.call('video.waitingOnline', { appointmentIds: [appointmentId] }, (await pcB.signInAs('RECEPTIONIST')).sessionKey),
      );
      expect(waiting.appointmentIds).toEqual([appointmentId]);
      console.log(`lobby NOTIFY desk A → desk B: ${heard.at - sentAt} ms after the token request was sent`);
      expect(heard.at - sentAt).toBeLessThan(1000 * 3);
    } finally {
      await gatewayA.close();
    }
  });
});
