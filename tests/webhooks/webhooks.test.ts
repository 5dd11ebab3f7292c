import { createHmac, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebhookWorker } from '../../main/jobs/webhook-worker';
import { applyWebhookEvent } from '../../main/webhooks/apply';
import { startWebhookReceiver, type WebhookReceiver } from '../../main/webhooks/receiver';
import { MODES, type Mode } from '../support/databases';
import { TEST_TWILIO, configureVideo } from '../support/fake-twilio';
import { startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';

/** X-Twilio-Signature as Twilio documents it: HMAC-SHA1 over the URL and the sorted POST fields, base64. */
function sign(params: Record<string, string>, token = TEST_TWILIO.authToken, url = TEST_TWILIO.webhookUrl): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((k) => k + params[k])
      .join('');
  return createHmac('sha1', token).update(Buffer.from(data, 'utf8')).digest('base64');
}

const roomSid = () => `RM${randomBytes(16).toString('hex')}`;

function callback(room: string, sequence: number, event: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    AccountSid: TEST_TWILIO.accountSid,
    RoomSid: room,
    RoomName: 'clinic-desk-appointment-1',
    RoomStatus: event === 'room-ended' ? 'completed' : 'in-progress',
    RoomType: 'group',
    StatusCallbackEvent: event,
    SequenceNumber: String(sequence),
    Timestamp: new Date(Date.UTC(2026, 10, 25, 10, 0, sequence)).toISOString(),
    ...extra,
  };
}

/** The receiver's clock: a few minutes after the callbacks above were stamped. */
const NOW = Date.UTC(2026, 10, 25, 10, 5);

describe.each(MODES)('Twilio webhooks (%s)', (mode: Mode) => {
  let h: Harness;
  let knex: Knex;
  let appointmentId: number;
  let receiver: WebhookReceiver;
  let worker: WebhookWorker;
  const logged: string[] = [];
  const keys = testKeys();
  afterAll(() => keys.dispose());

  beforeAll(async () => {
    // The receiver runs on this same PC: one clinic key, or the secrets the app seals at start-up
    // (it seals plain ones as it starts) would not open for it.
    h = await startHarness(mode, undefined, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    knex = h.knex;
    await configureVideo(knex);
    const [{ id: doctorId }] = await knex('doctor_entities').insert({ name: 'Dr. Hook', email: 'hook@clinic.test' }).returning('id');
    const [{ id: patientId }] = await knex('patient_entities').insert({ name: 'P', email: 'p@example.com' }).returning('id');
    [{ id: appointmentId }] = await knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-03-03', start_time: '09:00', end_time: '09:15' })
      .returning('id');
  });
  afterAll(() => h.dispose());

  beforeEach(async () => {
    worker?.stop();
    await receiver?.close();
    worker = new WebhookWorker(knex, { log: (m) => logged.push(m), backoffMs: () => 0 });
    receiver = await startWebhookReceiver({ knex, log: (m) => logged.push(m), secretBox: keys.secretBox, stored: (id) => worker.enqueue(id), now: () => NOW });
  });

  async function session(forAppointment = appointmentId): Promise<string> {
    const sid = roomSid();
    await knex('video_call_sessions').insert({
      appointment_id: forAppointment,
      session_id: sid,
      room_name: 'clinic-desk-appointment-1',
      status: 'IN_PROGRESS',
    });
    return sid;
  }

  /** A call of its own patient's appointment: whether the patient turned up is decided per appointment. */
  let calls = 0;
  async function callOfNewPatient(): Promise<{ room: string; patient: string; doctor: string }> {
    const n = ++calls;
    const { doctor_id: doctorId } = await knex('appointment_entities').where({ id: appointmentId }).first('doctor_id');
    const [{ id: patientId }] = await knex('patient_entities')
      .insert({ name: `Q${n}`, email: `q${n}@example.com` })
      .returning('id');
    const [{ id }] = await knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: `2099-04-${String(n).padStart(2, '0')}`, start_time: '09:00', end_time: '09:15' })
      .returning('id');
    return { room: await session(id), patient: `patient-${patientId}`, doctor: `doctor-${doctorId}` };
  }

  const post = (params: Record<string, string>, signature: string | undefined, path = '/twilio/video') =>
    fetch(`${receiver.url}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(signature === undefined ? {} : { 'X-Twilio-Signature': signature }) },
      body: new URLSearchParams(params).toString(),
    });
  const stored = async (room: string) => knex('twilio_webhook_events').whereRaw(`event_data->>'RoomSid' = ?`, [room]).orderBy('id');
  const callEvents = (room: string) => knex('video_call_events').where({ session_id: room }).orderBy('id');

  it('a signed callback is stored raw, answered 2xx, then applied: participant events join the call log', async () => {
    const room = await session();
    const params = callback(room, 1, 'participant-connected', {
      ParticipantSid: `PA${'1'.repeat(32)}`,
      ParticipantIdentity: 'patient-7',
      ParticipantStatus: 'connected',
    });
    const res = await post(params, sign(params));
    expect(res.status).toBe(204);
    await worker.idle();

    const [row] = await stored(room);
    expect(row).toMatchObject({ event_type: 'participant-connected', event_data: params, dedup_key: `${room}:1`, attempts: 0, parked_at: null });
    expect(row.processed_at).not.toBeNull();
    const [event] = await callEvents(room);
    expect(event).toMatchObject({ event_type: 'participant-connected', participant_name: 'patient-7', webhook_event_id: row.id });
    expect(event.event_data).toMatchObject({ source: 'twilio', ParticipantStatus: 'connected', SequenceNumber: '1' });
    // When it happened at Twilio, not when it was applied.
    expect(event.timestamp).toBe(params.Timestamp);
  });

  const statusOf = async (room: string) => (await knex('video_call_sessions').where({ session_id: room }).first('status')).status;
  /** Posts Twilio's callbacks one after the other, each applied before the next is sent. */
  async function deliver(...callbacks: Record<string, string>[]): Promise<void> {
    for (const params of callbacks) {
      expect((await post(params, sign(params))).status).toBe(204);
      await worker.idle();
    }
  }
  const connected = (room: string, sequence: number, identity: string) =>
    callback(room, sequence, 'participant-connected', { ParticipantSid: `PA${String(sequence).padStart(32, '0')}`, ParticipantIdentity: identity });

  it('room-ended after the patient connected completes the session', async () => {
    const { room, patient, doctor } = await callOfNewPatient();
    await deliver(connected(room, 1, doctor), connected(room, 2, patient), callback(room, 9, 'room-ended', { RoomDuration: '600' }));
    expect(await statusOf(room)).toBe('COMPLETED');
  });

  it('room-ended for a room the patient never joined ends it NO_SHOW, however often it comes; the doctor being there does not count', async () => {
    const { room, doctor } = await callOfNewPatient();
    await deliver(connected(room, 1, doctor), callback(room, 2, 'participant-disconnected', { ParticipantIdentity: doctor }), callback(room, 3, 'room-ended'));
    expect(await statusOf(room)).toBe('NO_SHOW');
    // Twilio's retry (stored once) and a second room-ended with its own sequence number change nothing.
    await deliver(callback(room, 3, 'room-ended'), callback(room, 4, 'room-ended'));
    expect(await statusOf(room)).toBe('NO_SHOW');
    expect(await stored(room)).toHaveLength(4);
  });

  it('the patient’s connection arriving after room-ended still ends the session COMPLETED, and a later room-ended keeps it so', async () => {
    const { room, patient } = await callOfNewPatient();
    await deliver(callback(room, 5, 'room-ended'));
    expect(await statusOf(room)).toBe('NO_SHOW');
    await deliver(connected(room, 2, patient));
    expect(await statusOf(room)).toBe('COMPLETED');
    await deliver(connected(room, 2, patient), callback(room, 6, 'room-ended'));
    expect(await statusOf(room)).toBe('COMPLETED');
    expect((await callEvents(room)).map((e) => [e.event_type, e.participant_name])).toEqual([['participant-connected', patient]]);
  });

  it('callbacks stored while the worker was down, late connection first in the queue after the end, settle the same way on restart', async () => {
    const { room, patient } = await callOfNewPatient();
    worker.stop();
    // Twilio's sequence numbers say the connection came first; its callback reached the clinic last.
    for (const params of [callback(room, 9, 'room-ended'), connected(room, 3, patient)]) expect((await post(params, sign(params))).status).toBe(204);
    const restarted = new WebhookWorker(knex, { log: () => undefined });
    expect(await restarted.start()).toBe(2);
    await restarted.idle();
    await restarted.stop();
    expect(await statusOf(room)).toBe('COMPLETED');
  });

  it('a tampered, unsigned or wrongly keyed callback gets 403 and nothing is stored', async () => {
    const room = await session();
    const params = callback(room, 2, 'room-ended');
    const signature = sign(params);
    expect((await post({ ...params, RoomStatus: 'in-progress' }, signature)).status).toBe(403);
    expect((await post(params, undefined)).status).toBe(403);
    expect((await post(params, '')).status).toBe(403);
    expect((await post(params, sign(params, 'SomeOtherAuthToken0123456789abcd'))).status).toBe(403);
    // Signed for another address than the configured public one.
    expect((await post(params, sign(params, TEST_TWILIO.authToken, 'https://attacker.example.com/twilio/video'))).status).toBe(403);
    await worker.idle();
    expect(await stored(room)).toEqual([]);
    expect(await knex('video_call_sessions').where({ session_id: room }).first('status')).toEqual({ status: 'IN_PROGRESS' });
  });

  it('a replayed callback is answered 2xx each time and applied once', async () => {
    const room = await session();
    const params = callback(room, 3, 'participant-disconnected', { ParticipantIdentity: 'doctor-1' });
    for (let i = 0; i < 3; i++) expect((await post(params, sign(params))).status).toBe(204);
    await worker.idle();
    expect(await stored(room)).toHaveLength(1);
    expect(await callEvents(room)).toHaveLength(1);
  });

  it('an event without a sequence number, re-sent with its fields in another order, is stored once', async () => {
    const room = await session();
    const params = callback(room, 4, 'participant-connected', { ParticipantIdentity: 'doctor-1' });
    delete params.SequenceNumber;
    const signature = sign(params);
    const reordered = new URLSearchParams(Object.entries(params).reverse()).toString();
    expect(reordered).not.toBe(new URLSearchParams(params).toString());
    expect((await post(params, signature)).status).toBe(204);
    const again = await fetch(`${receiver.url}/twilio/video`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Twilio-Signature': signature },
      body: reordered,
    });
    expect(again.status).toBe(204);
    await worker.idle();
    expect(await stored(room)).toHaveLength(1);
    expect(await callEvents(room)).toHaveLength(1);
    // Another event of the same room (another participant) is not taken for a repeat.
    const other = { ...params, ParticipantIdentity: 'patient-9' };
    expect((await post(other, sign(other))).status).toBe(204);
    await worker.idle();
    expect(await stored(room)).toHaveLength(2);
    expect(await callEvents(room)).toHaveLength(2);
  });

  it.each([
    ['stamped 20 minutes ago', new Date(NOW - 20 * 60_000).toISOString()],
    ['stamped 10 minutes ahead of this clock', new Date(NOW + 10 * 60_000).toISOString()],
    ['without a stamp', undefined],
    ['with a stamp that is not a time', 'yesterday'],
  ])('a validly signed callback %s is refused with 400 and nothing is stored', async (_label, timestamp) => {
    const room = await session();
    const params = callback(room, 5, 'room-ended');
    if (timestamp === undefined) delete params.Timestamp;
    else params.Timestamp = timestamp;
    const res = await post(params, sign(params));
    expect([res.status, await res.text()]).toEqual([400, 'Stale or undated event']);
    await worker.idle();
    expect(await stored(room)).toEqual([]);
    expect(await knex('video_call_sessions').where({ session_id: room }).first('status')).toEqual({ status: 'IN_PROGRESS' });
  });

  it('a worker killed mid-queue loses and repeats nothing after restart', async () => {
    const room = await session();
    const ids: number[] = [];
    // Stored but not yet applied, as after a burst of callbacks.
    worker.stop();
    for (let seq = 100; seq < 112; seq++) {
      const params = callback(room, seq, 'participant-connected', { ParticipantIdentity: `p-${seq}` });
      expect((await post(params, sign(params))).status).toBe(204);
    }
    ids.push(...(await stored(room)).map((r) => r.id as number));
    expect(ids).toHaveLength(12);

    // The crash: the sixth event's effect is written, then the process dies before it commits.
    let applied = 0;
    const dying = new WebhookWorker(knex, {
      log: () => undefined,
      apply: async (trx, row) => {
        await applyWebhookEvent(trx, row);
        if (++applied === 6) {
          void dying.stop();
          throw new Error('process killed');
        }
      },
    });
    expect(await dying.start()).toBe(12);
    await dying.idle();
    const afterCrash = await stored(room);
    const done = afterCrash.filter((r) => r.processed_at !== null).length;
    expect(done).toBe(5);
    expect(await callEvents(room)).toHaveLength(5);
    // Dying is not failing: no attempt is counted against the event.
    expect(afterCrash.every((r) => r.attempts === 0 && r.parked_at === null)).toBe(true);

    const restarted = new WebhookWorker(knex, { log: () => undefined });
    expect(await restarted.start()).toBe(7);
    await restarted.idle();
    await restarted.stop();
    const events = await callEvents(room);
    expect(events.map((e) => e.webhook_event_id).sort((a, b) => a - b)).toEqual(ids);
    expect((await stored(room)).every((r) => r.processed_at !== null)).toBe(true);
  });

  it('retries a failing event with backoff and parks it with its error after too many failures', async () => {
    const room = await session();
    const backoffs: number[] = [];
    let failures = 0;
    const flaky = new WebhookWorker(knex, {
      log: () => undefined,
      maxAttempts: 4,
      backoffMs: (n) => (backoffs.push(n), 0),
      apply: async (trx, row) => {
        if (row.event_data.ParticipantIdentity === 'always-fails') throw new Error('constraint violated: always-fails');
        if (++failures <= 2) throw new Error('database hiccup');
        await applyWebhookEvent(trx, row);
      },
    });
    worker.stop();
    const recovers = callback(room, 200, 'participant-connected', { ParticipantIdentity: 'recovers' });
    const poisoned = callback(room, 201, 'participant-connected', { ParticipantIdentity: 'always-fails' });
    await post(recovers, sign(recovers));
    await post(poisoned, sign(poisoned));
    await flaky.start();
    await flaky.idle();
    await flaky.stop();

    const [ok, parked] = await stored(room);
    expect(ok).toMatchObject({ attempts: 2, parked_at: null, last_error: 'database hiccup' });
    expect(ok.processed_at).not.toBeNull();
    expect(parked).toMatchObject({ attempts: 4, processed_at: null, last_error: 'constraint violated: always-fails' });
    expect(parked.parked_at).not.toBeNull();
    expect((await callEvents(room)).map((e) => e.participant_name)).toEqual(['recovers']);
    // Each wait grows with the failures so far; the fourth failure parks instead of waiting.
    expect(backoffs.filter((n) => n >= 1)).toEqual(expect.arrayContaining([1, 2, 3]));
    expect(backoffs).not.toContain(4);

    // A parked event is not picked up again at the next start.
    const next = new WebhookWorker(knex, { log: () => undefined });
    expect(await next.start()).toBe(0);
    await next.stop();
  });

  it('callbacks for rooms this clinic did not create change nothing, and are not retried', async () => {
    const params = callback(roomSid(), 1, 'participant-connected', { ParticipantIdentity: 'stranger' });
    expect((await post(params, sign(params))).status).toBe(204);
    await worker.idle();
    const [row] = await stored(params.RoomSid!);
    expect(row.processed_at).not.toBeNull();
    expect(await callEvents(params.RoomSid!)).toEqual([]);
  });

  it('only POST on the configured path is served', async () => {
    const params = callback(roomSid(), 1, 'room-ended');
    expect((await post(params, sign(params), '/elsewhere')).status).toBe(404);
    expect((await fetch(`${receiver.url}/twilio/video`)).status).toBe(405);
  });
});
