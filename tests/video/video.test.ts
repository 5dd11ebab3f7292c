import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result, SessionDto, VideoJoinDto, VideoSettingsDto } from '../../preload/contract';
import { roomNameOf } from '../../main/video/service';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';
import { TEST_TWILIO, configureVideo } from '../support/fake-twilio';

interface Jwt {
  header: Record<string, unknown>;
  payload: { jti: string; iss: string; sub: string; iat: number; exp: number; grants: Record<string, unknown> };
  signatureValid: boolean;
}

/** Decodes a Twilio Access Token and checks its HS256 signature with the API Key secret. */
function decodeJwt(token: string, secret = TEST_TWILIO.apiKeySecret): Jwt {
  const [h, p, sig] = token.split('.') as [string, string, string];
  const json = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return { header: json(h), payload: json(p), signatureValid: expected === sig };
}

const SECRETS = [TEST_TWILIO.apiKeySecret, TEST_TWILIO.authToken];
const containsSecret = (value: unknown) => SECRETS.some((s) => JSON.stringify(value ?? null).includes(s));

describe.each(MODES)('video consultations (%s)', (mode: Mode) => {
  let h: Harness;
  const logged: unknown[] = [];
  let doctorId: number;
  let otherDoctorId: number;
  let patientId: number;
  let doctor: { sessionKey: string; userId: number };
  let otherDoctor: { sessionKey: string; userId: number };
  let admin: { sessionKey: string; userId: number };
  let desk: { sessionKey: string; userId: number };
  let day = 0;

  beforeAll(async () => {
    h = await startHarness(mode, undefined, { log: (message, err) => logged.push([message, err]) });
    [{ id: doctorId }, { id: otherDoctorId }] = await h
      .knex('doctor_entities')
      .insert([
        { name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' },
        { name: 'Dr. Vikram Sen', email: 'vikram.sen@clinic.test' },
      ])
      .returning('id');
    [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Ravi Kumar', email: 'ravi@example.com' }).returning('id');
    doctor = await h.signInAs('DOCTOR', { doctorId });
    otherDoctor = await h.signInAs('DOCTOR', { doctorId: otherDoctorId });
    admin = await h.signInAs('ADMIN');
    desk = await h.signInAs('RECEPTIONIST');
    expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' }, admin.sessionKey));
  });
  afterAll(() => h.dispose());

  async function appointment(status = 'SCHEDULED'): Promise<number> {
    const date = new Date(Date.UTC(2098, 0, 1 + ++day)).toISOString().slice(0, 10);
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({
        patient_id: patientId,
        doctor_id: doctorId,
        appointment_date: date,
        start_time: '10:30',
        end_time: '10:45',
        status,
        cancel_reason: status === 'CANCELLED' ? 'Travelling' : null,
      })
      .returning('id');
    return id;
  }

  const start = (appointmentId: number, key = doctor.sessionKey) => h.callRaw('video.start', { appointmentId }, key);
  const sessionsOf = (appointmentId: number) => h.knex('video_call_sessions').where({ appointment_id: appointmentId }).orderBy('id');

  describe('settings', () => {
    it('are write-only for secrets: replies say only whether each is set', async () => {
      const blank = expectOk<VideoSettingsDto>(await h.call('video.getSettings', {}, admin.sessionKey));
      expect(blank).toMatchObject({ configured: false, apiKeySecretSet: false, authTokenSet: false });

      const saved = await h.call('video.updateSettings', { ...TEST_TWILIO }, admin.sessionKey);
      const read = await h.call('video.getSettings', {}, admin.sessionKey);
      for (const reply of [saved, read]) {
        expect(reply).toMatchObject({ ok: true, value: { configured: true, apiKeySecretSet: true, authTokenSet: true, accountSid: TEST_TWILIO.accountSid } });
        expect(containsSecret(reply)).toBe(false);
      }
      // Stored where main (and the headless webhook receiver) can read them, sealed with the clinic
      // key (tests/video/sealed-secrets.test.ts opens them and checks dumps).
      const stored = await h.knex('video_settings').first('api_key_secret', 'auth_token');
      expect(stored).toEqual({ api_key_secret: expect.stringMatching(/^sealed:v1:/), auth_token: expect.stringMatching(/^sealed:v1:/) });
      expect(containsSecret(stored)).toBe(false);
    });

    it('refuse malformed values with the field named, changing nothing', async () => {
      const before = await databaseSnapshot(h.knex);
      for (const [field, value] of [
        ['accountSid', 'AC123'],
        ['apiKeySid', `AC${'0'.repeat(32)}`],
        ['apiKeySecret', 'short'],
        ['webhookUrl', 'http://clinic.example.org/hook'],
        ['joinUrlTemplate', 'https://join.example.org/visit'],
      ] as const) {
        const reply = await h.callRaw('video.updateSettings', { [field]: value }, admin.sessionKey);
        expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID', field } });
      }
      expect(await databaseSnapshot(h.knex)).toBe(before);
    });

    it('are for ADMIN only', async () => {
      expect(await h.call('video.getSettings', {}, doctor.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });
  });

  describe('starting a call', () => {
    beforeAll(() => configureVideo(h.knex));

    it('creates the appointment’s room and gives the doctor a token for that room alone, for at most an hour', async () => {
      const id = await appointment();
      const before = h.twilio.requests.length;
      const join = expectOk<VideoJoinDto>(await start(id));
      expect(join).toMatchObject({ appointmentId: id, roomName: roomNameOf(id), identity: `doctor-${doctorId}` });

      const jwt = decodeJwt(join.token);
      expect(jwt.signatureValid).toBe(true);
      expect(jwt.header).toMatchObject({ typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' });
      expect(jwt.payload.iss).toBe(TEST_TWILIO.apiKeySid);
      expect(jwt.payload.sub).toBe(TEST_TWILIO.accountSid);
      expect(jwt.payload.grants).toEqual({ identity: `doctor-${doctorId}`, video: { room: roomNameOf(id) } });
      expect(jwt.payload.exp - jwt.payload.iat).toBeLessThanOrEqual(3600);
      expect(jwt.payload.exp).toBeGreaterThan(jwt.payload.iat);
      expect(jwt.payload.exp * 1000).toBe(Date.parse(join.expiresAt));

      // Twilio's REST API saw one room creation, form-encoded, with the API key as Basic auth.
      const calls = h.twilio.requests.slice(before);
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({
        method: 'POST',
        path: '/v1/Rooms',
        form: { UniqueName: roomNameOf(id), Type: 'group', StatusCallback: TEST_TWILIO.webhookUrl, StatusCallbackMethod: 'POST' },
      });
      expect(h.twilio.rooms.get(join.roomSid)?.unique_name).toBe(roomNameOf(id));

      const [session] = await sessionsOf(id);
      expect(session).toMatchObject({ session_id: join.roomSid, room_name: roomNameOf(id), status: 'IN_PROGRESS', access_token: null });
      expect(Date.parse(`${session.expires_at}`)).toBe(Date.parse(join.expiresAt));
    });

    it('reuses the room while it is in progress, and opens a new one after it ended', async () => {
      const id = await appointment();
      const first = expectOk<VideoJoinDto>(await start(id));
      const again = expectOk<VideoJoinDto>(await start(id, admin.sessionKey));
      expect(again.roomSid).toBe(first.roomSid);
      expect(again.identity).toBe(`staff-${admin.userId}`);
      expect(decodeJwt(again.token).payload.grants).toEqual({ identity: `staff-${admin.userId}`, video: { room: roomNameOf(id) } });
      expect([...h.twilio.rooms.values()].filter((r) => r.unique_name === roomNameOf(id))).toHaveLength(1);
      expect(await sessionsOf(id)).toHaveLength(1);

      h.twilio.endRoom(first.roomSid);
      const next = expectOk<VideoJoinDto>(await start(id));
      expect(next.roomSid).not.toBe(first.roomSid);
      expect((await sessionsOf(id)).map((s) => s.session_id)).toEqual([first.roomSid, next.roomSid]);
    });

    it('is refused to another doctor (FORBIDDEN) and to the desk, and nothing is created', async () => {
      const id = await appointment();
      const before = h.twilio.requests.length;
      expect(await start(id, otherDoctor.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', message: expect.stringContaining('Dr. Asha Rao') },
      });
      expect(await start(id, desk.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(h.twilio.requests.length).toBe(before);
      expect(await sessionsOf(id)).toHaveLength(0);
    });

    it('tells the call window whom the call is with, and whether video is set up', async () => {
      const id = await appointment();
      expect(expectOk(await h.call('video.callInfo', { appointmentId: id }, doctor.sessionKey))).toEqual({
        appointmentId: id,
        patientId,
        patientName: 'Ravi Kumar',
        doctorName: 'Dr. Asha Rao',
        date: expect.any(String),
        startTime: '10:30:00',
        status: 'SCHEDULED',
        videoConfigured: true,
        patientJoined: false,
      });
      expect(await h.call('video.callInfo', { appointmentId: id }, otherDoctor.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('is refused for a cancelled appointment and an unknown one', async () => {
      expect(await start(await appointment('CANCELLED'))).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('cancelled') },
      });
      expect(await start(987654321)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });

    it('gives the patient a link on the gateway holding a random code stored only as its hash, with a message ready for SMS', async () => {
      const id = await appointment();
      const reply = expectOk<{ link: string; message: string; expiresAt: string }>(await h.call('video.patientLink', { appointmentId: id }, doctor.sessionKey));
      // No public base set: the gateway is the webhook URL's origin.
      const m = /^https:\/\/clinic\.example\.org\/join\/([A-Za-z0-9_-]{22})$/.exec(reply.link);
      expect(m, reply.link).not.toBeNull();
      const code = m![1]!;
      expect(Buffer.from(code, 'base64url')).toHaveLength(16);
      const rows = await h.knex('video_join_codes').where({ appointment_id: id });
      expect(rows).toHaveLength(1);
      expect(rows[0].code_hash).toBe(createHash('sha256').update(code).digest('hex'));
      expect(await databaseSnapshot(h.knex)).not.toContain(code);
      // 10:30–10:45 in Kolkata (UTC+5:30), the window closing 30 minutes after the end.
      const date = (await h.knex('appointment_entities').where({ id }).first('appointment_date')).appointment_date;
      expect(reply.expiresAt).toBe(new Date(`${date}T05:45:00Z`).toISOString());
      expect(reply.message).toContain('Sunrise Clinic');
      expect(reply.message).toContain('Dr. Asha Rao');
      expect(reply.message).toContain('10:30');
      expect(reply.message).toContain('from 10:15');
      expect(reply.message).toContain(reply.link);
      expect(await h.call('video.patientLink', { appointmentId: id }, otherDoctor.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    });

    it('builds links on the gateway address the administrator sets, and refuses without any address', async () => {
      expectOk(await h.call('video.updateSettings', { publicBaseUrl: 'https://gateway.sunrise.example/' }, admin.sessionKey));
      const id = await appointment();
      const { link } = expectOk<{ link: string }>(await h.call('video.patientLink', { appointmentId: id }, doctor.sessionKey));
      expect(link).toMatch(/^https:\/\/gateway\.sunrise\.example\/join\/[A-Za-z0-9_-]{22}$/);
      expectOk(await h.call('video.updateSettings', { publicBaseUrl: null, webhookUrl: null }, admin.sessionKey));
      expect(await h.call('video.patientLink', { appointmentId: id }, doctor.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringContaining('gateway') },
      });
      expectOk(await h.call('video.updateSettings', { webhookUrl: TEST_TWILIO.webhookUrl }, admin.sessionKey));
    });

    it('re-sending revokes the earlier code; revoking leaves none live', async () => {
      const id = await appointment();
      const live = () => h.knex('video_join_codes').where({ appointment_id: id }).whereNull('revoked_at');
      expectOk(await h.call('video.patientLink', { appointmentId: id }, doctor.sessionKey));
      const [first] = await live();
      expectOk(await h.call('video.patientLink', { appointmentId: id }, admin.sessionKey));
      const [second] = await live().then((rows) => (expect(rows).toHaveLength(1), rows));
      expect(second.id).not.toBe(first.id);
      expect(await h.call('video.revokeLink', { appointmentId: id }, otherDoctor.sessionKey)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(expectOk(await h.call('video.revokeLink', { appointmentId: id }, doctor.sessionKey))).toEqual({ revoked: true });
      expect(await live()).toHaveLength(0);
      expect(expectOk(await h.call('video.revokeLink', { appointmentId: id }, doctor.sessionKey))).toEqual({ revoked: false });
    });

    it('refuses a join window that is not whole minutes within a day, and changes nothing', async () => {
      const before = await h.call('video.getSettings', {}, admin.sessionKey);
      expect(await h.call('video.updateSettings', { joinOpensMinutes: -5 }, admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'joinOpensMinutes' },
      });
      expect(await h.call('video.updateSettings', { joinClosesMinutes: 1441 }, admin.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'INVALID', field: 'joinClosesMinutes' },
      });
      expect(await h.call('video.getSettings', {}, admin.sessionKey)).toEqual(before);
    });

    it('keeps the call window’s events, and ends the room for everyone', async () => {
      const id = await appointment();
      const { roomSid } = expectOk<VideoJoinDto>(await start(id));
      expectOk(
        await h.call('video.reportEvent', { roomSid, type: 'reconnecting', detail: { code: 53001, message: 'Signaling reconnecting' } }, doctor.sessionKey),
      );
      expectOk(await h.call('video.reportEvent', { roomSid, type: 'participant-connected', participant: `patient-${patientId}` }, doctor.sessionKey));
      expect(await h.call('video.reportEvent', { roomSid, type: 'disconnected' }, otherDoctor.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      const events = await h.knex('video_call_events').where({ session_id: roomSid }).orderBy('id');
      expect(events.map((e) => [e.event_type, e.participant_name])).toEqual([
        ['reconnecting', null],
        ['participant-connected', `patient-${patientId}`],
      ]);
      expect(events[0].event_data).toEqual({ source: 'call-window', reportedBy: doctor.userId, code: 53001, message: 'Signaling reconnecting' });

      expectOk(await h.call('video.end', { roomSid }, doctor.sessionKey));
      expect(h.twilio.rooms.get(roomSid)?.status).toBe('completed');
      expect((await sessionsOf(id))[0].status).toBe('COMPLETED');
    });
  });

  describe('call windows', () => {
    it('in a browser: a one-time ticket signs the new tab in from its opener, and it ends with the opener', async () => {
      h.services.sessions.signIn('opener-tab', doctor.userId);
      const opener = { sessionKey: 'opener-tab', userId: doctor.userId };
      const reply = expectOk(await h.call('video.openWindow', { appointmentId: await appointment() }, opener.sessionKey));
      if (reply.opened) throw new Error('a browser gets a ticket, not a window');
      const session = expectOk<SessionDto>(await h.call('video.joinWindow', { ticket: reply.ticket }, 'call-tab'));
      expect(session).toMatchObject({ userId: opener.userId, role: 'DOCTOR', doctorId });
      expect(await h.call('video.joinWindow', { ticket: reply.ticket }, 'second-tab')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(h.services.sessions.get('second-tab')).toBeUndefined();

      h.services.sessions.signOut(opener.sessionKey);
      expect(h.services.sessions.get('call-tab')).toBeUndefined();
    });

    it('an expired ticket signs nobody in', async () => {
      const opener = await h.signInAs('ADMIN');
      const reply = expectOk(await h.call('video.openWindow', { appointmentId: await appointment() }, opener.sessionKey));
      if (reply.opened) throw new Error('a browser gets a ticket, not a window');
      const { ticket } = reply;
      h.clock.advance(61_000);
      expect(await h.call('video.joinWindow', { ticket }, 'late-tab')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(h.services.sessions.get('late-tab')).toBeUndefined();
    });

    it('is refused for another doctor’s appointment', async () => {
      expect(await h.call('video.openWindow', { appointmentId: await appointment() }, otherDoctor.sessionKey)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    });
  });

  describe('when Twilio says no or cannot be reached', () => {
    it('wrong credentials: a clear message, no secret in it or in the log', async () => {
      await configureVideo(h.knex, { apiKeySecret: 'WrongSecretWrongSecret0123456789' });
      const reply = await start(await appointment());
      expect(reply).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('refused the clinic') } });
      expect(JSON.stringify(reply)).not.toContain('WrongSecret');
      expect(JSON.stringify(logged)).not.toContain('WrongSecret');
      await configureVideo(h.knex);
    });

    it('not set up: says who sets it up', async () => {
      await configureVideo(h.knex, { apiKeySecret: null });
      expect(await start(await appointment())).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('administrator') } });
      await configureVideo(h.knex);
    });

    it('unreachable: UNAVAILABLE naming Twilio (not the database), nothing stored, no secret logged', async () => {
      const id = await appointment();
      await h.twilio.close();
      const reply: Result<unknown> = await start(id);
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('Twilio cannot be reached') } });
      expect(await sessionsOf(id)).toHaveLength(0);
      expect(logged.length).toBeGreaterThan(0);
      expect(containsSecret(logged)).toBe(false);
      expect(containsSecret(reply)).toBe(false);
      // The Basic credentials as they travel, too.
      expect(JSON.stringify(logged)).not.toContain(Buffer.from(`${TEST_TWILIO.apiKeySid}:${TEST_TWILIO.apiKeySecret}`).toString('base64'));
    });
  });
});

describe('call windows in the app', () => {
  it('main opens the window itself, signed in from the opener', async () => {
    const opened: [number, string][] = [];
    const h = await startHarness('server', undefined, { openCallWindow: async (id, key) => void opened.push([id, key]) });
    try {
      const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Window', email: 'window@clinic.test' }).returning('id');
      const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'P', email: 'p@example.com' }).returning('id');
      const [{ id }] = await h
        .knex('appointment_entities')
        .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-02-02', start_time: '09:00', end_time: '09:15' })
        .returning('id');
      const doctor = await h.signInAs('DOCTOR', { doctorId });
      expect(await h.call('video.openWindow', { appointmentId: id }, doctor.sessionKey)).toEqual({ ok: true, value: { opened: true } });
      expect(opened).toEqual([[id, doctor.sessionKey]]);
    } finally {
      await h.dispose();
    }
  });
});
