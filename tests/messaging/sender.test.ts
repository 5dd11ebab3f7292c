import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/db/open';
import { startWebhookService, type WebhookService } from '../../main/webhooks/service';
import { MODES } from '../support/databases';
import { FakeTwilio, postSigned } from '../support/fake-twilio';
import { expectOk, type Harness } from '../support/harness';
import {
  addPatient,
  clinicInstant,
  configureMessaging,
  eventually,
  fakeSecretBox,
  INBOUND_URL,
  openDesk,
  outboxOf,
  startPc,
  STATUS_URL,
  type Desk,
} from './support';

describe.each(MODES)('the sender (%s)', (mode) => {
  let h: Harness;
  let desk: Desk;
  let fake: FakeTwilio;
  let webhooks: WebhookService;
  const sender = () => h.services.messaging!.sender;
  // The PC is off between rounds (bookings do not wake it): each round is the test's to start.
  const runAt = async (at: number) => {
    h.clock.now = at;
    sender().setActive(true);
    await sender().runDue();
    sender().setActive(false);
  };
  let seq = 0;
  const newPatient = () => addPatient(h.knex, `Patient ${++seq}`, `+9198000${String(10000 + seq).slice(-5)}`);

  beforeAll(async () => {
    fake = new FakeTwilio();
    h = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    desk = await openDesk(h);
    webhooks = await startWebhookService(h.knex, { log: () => undefined, secretBox: fakeSecretBox });
    await eventually('this PC elected', async () => (h.services.messaging!.election.leader ? true : undefined));
    sender().setActive(false);
  }, 120_000);
  afterAll(async () => {
    await webhooks?.close();
    await h?.services.messaging?.election.stop();
    await h?.services.messaging?.sender.stop();
    await h?.dispose();
    await fake?.close();
  });
  beforeEach(async () => {
    await configureMessaging(h.knex);
    h.clock.now = Date.now();
  });

  it('retries a 503 and a 429 with backoff and sends once; a 400 fails at once with the reason', async () => {
    const p = await newPatient();
    const a = await desk.book(desk.day(2), '10:00', p);
    const before = fake.messages.length;
    fake.refuseNextMessages.push(503, 429);
    const at = clinicInstant(desk.day(1), '09:00:00');
    await runAt(at);
    await runAt(at);
    await runAt(at);
    const [confirmation] = await outboxOf(h.knex, a.id);
    expect(confirmation).toMatchObject({ kind: 'CONFIRMATION', status: 'SENT', attempts: 3, error: null });
    expect(fake.messages.length - before).toBe(1);

    const b = await desk.book(desk.day(2), '11:00', await newPatient());
    fake.refuseNextMessages.push(400);
    await runAt(at);
    await runAt(at);
    const [refused] = await outboxOf(h.knex, b.id);
    expect(refused).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(refused!.error).toMatch(/^Twilio 400 \(21211\)/);
    expect(fake.messages.length - before).toBe(1);
  });

  it('gives up after the last attempt when the provider keeps saying "not now"', async () => {
    const a = await desk.book(desk.day(2), '12:00', await newPatient());
    fake.refuseNextMessages.push(500, 500, 500, 500, 500, 500);
    for (let i = 0; i < 6; i++) await runAt(clinicInstant(desk.day(1), '09:00:00'));
    const [row] = await outboxOf(h.knex, a.id);
    expect(row).toMatchObject({ status: 'FAILED', attempts: 6 });
    fake.refuseNextMessages.length = 0;
  });

  it("waits out quiet hours across the clinic's midnight", async () => {
    await configureMessaging(h.knex, { quietStart: '21:00', quietEnd: '08:00' });
    const a = await desk.book(desk.day(3), '16:00', await newPatient());
    for (const [day, time] of [
      [1, '21:00:00'],
      [1, '23:59:00'],
      [2, '00:00:00'],
      [2, '07:59:00'],
    ] as const) {
      await runAt(clinicInstant(desk.day(day), time));
      expect((await outboxOf(h.knex, a.id))[0]!.status, `day ${day} ${time}`).toBe('QUEUED');
    }
    await runAt(clinicInstant(desk.day(2), '08:00:00'));
    expect((await outboxOf(h.knex, a.id))[0]!.status).toBe('SENT');
  });

  it('a day offline: reminders and notices of appointments that have begun are dropped, what is still useful goes out', async () => {
    // Two days ahead and more, so every reminder is still to come when booked, whatever the hour the test runs.
    const soon = await desk.book(desk.day(2), '13:30', await newPatient());
    const later = await desk.book(desk.day(4), '13:30', await newPatient());
    const phonesOf = await h
      .knex('appointment_entities as a')
      .join('patient_entities as p', 'p.id', 'a.patient_id')
      .whereIn('a.id', [soon.id, later.id])
      .pluck('p.phone');
    // Back on day 3 at 14:00: `soon` began yesterday; `later`'s 24-hour reminder (day 3, 13:30) is due and still useful.
    await runAt(clinicInstant(desk.day(3), '14:00:00'));
    expect((await outboxOf(h.knex, soon.id)).map((r) => [r.kind, r.status, r.error])).toEqual([
      ['CONFIRMATION', 'SKIPPED', 'The appointment has already begun'],
      ['REMINDER', 'SKIPPED', 'The appointment has already begun'],
      ['REMINDER', 'SKIPPED', 'The appointment has already begun'],
    ]);
    expect((await outboxOf(h.knex, later.id)).map((r) => [r.kind, r.status])).toEqual([
      ['CONFIRMATION', 'SENT'],
      ['REMINDER', 'SENT'],
      ['REMINDER', 'QUEUED'],
    ]);
    expect(fake.messages.filter((m) => phonesOf.includes(m.to))).toHaveLength(2);
  });

  it('keeps to the daily cap per patient, and refuses phones not in E.164', async () => {
    await configureMessaging(h.knex, { dailyCapPerPatient: 2 });
    const p = await newPatient();
    const ids = [];
    for (const time of ['09:00', '09:30', '10:00']) ids.push((await desk.book(desk.day(4), time, p)).id);
    await runAt(clinicInstant(desk.day(1), '12:00:00'));
    const statuses = [];
    for (const id of ids) statuses.push((await outboxOf(h.knex, id))[0]!.status);
    expect(statuses.sort()).toEqual(['SENT', 'SENT', 'SKIPPED']);

    const local = await addPatient(h.knex, 'Local Number', '9812345670');
    const a = await desk.book(desk.day(4), '11:00', local);
    await runAt(clinicInstant(desk.day(1), '12:00:00'));
    expect((await outboxOf(h.knex, a.id))[0]).toMatchObject({ status: 'FAILED', error: 'The patient has no phone number in E.164 form (+91…)' });
  });

  it('status callbacks in any order and repeated never move a message backwards; each change is audited once', async () => {
    const a = await desk.book(desk.day(2), '15:00', await newPatient());
    await runAt(clinicInstant(desk.day(1), '10:00:00'));
    const [row] = await outboxOf(h.knex, a.id);
    expect(row!.status).toBe('SENT');
    const post = (status: string, extra: Record<string, string> = {}) => {
      const url = `${STATUS_URL}?message=${row!.id}`;
      return postSigned(`${webhooks.url}/twilio/messages/status?message=${row!.id}`, url, {
        MessageSid: row!.provider_id!,
        MessageStatus: status,
        AccountSid: 'AC' + 'a1'.repeat(16),
        ...extra,
      });
    };
    for (const status of ['delivered', 'queued', 'sent', 'delivered', 'failed']) expect(await post(status)).toBe(204);
    expect(await post('delivered')).toBe(204);
    await webhooks.worker.idle();
    const after = await h.knex('patient_messages').where({ id: row!.id }).first('status', 'delivered_at', 'error');
    expect(after).toMatchObject({ status: 'DELIVERED', error: null });
    expect(after.delivered_at).not.toBeNull();
    const audited = await h.knex('audit_log').where({ action: 'messaging.status', entity_id: row!.id }).orderBy('id').select('detail');
    expect(audited.map((r: { detail: { from: string; to: string } }) => `${r.detail.from}>${r.detail.to}`)).toEqual([
      'QUEUED>SENDING',
      'SENDING>SENT',
      'SENT>DELIVERED',
    ]);
    // A callback for an id that is not this message's is refused by its signature, not applied.
    expect(
      await postSigned(`${webhooks.url}/twilio/messages/status?message=${row!.id}`, `${STATUS_URL}?message=999`, {
        MessageSid: 'SMx',
        MessageStatus: 'failed',
      }),
    ).toBe(403);
  });

  it('a failure reported after sending is kept with its reason', async () => {
    const a = await desk.book(desk.day(2), '16:00', await newPatient());
    await runAt(clinicInstant(desk.day(1), '10:00:00'));
    const [row] = await outboxOf(h.knex, a.id);
    const url = `${STATUS_URL}?message=${row!.id}`;
    expect(
      await postSigned(`${webhooks.url}/twilio/messages/status?message=${row!.id}`, url, {
        MessageSid: row!.provider_id!,
        MessageStatus: 'undelivered',
        ErrorCode: '30003',
      }),
    ).toBe(204);
    await webhooks.worker.idle();
    expect(await h.knex('patient_messages').where({ id: row!.id }).first('status', 'error')).toEqual({ status: 'UNDELIVERED', error: 'Twilio error 30003' });
  });

  it('STOP opts the patient out of that channel; YES confirms; other words land in the inbox', async () => {
    const phone = '+919811112222';
    const p = await addPatient(h.knex, 'Stop Sender', phone);
    const a = await desk.book(desk.day(3), '17:00', p);
    await runAt(clinicInstant(desk.day(1), '10:00:00'));
    const reply = (sid: string, body: string) =>
      postSigned(`${webhooks.url}/twilio/messages/inbound`, INBOUND_URL, { MessageSid: sid, From: phone, To: '+15005550006', Body: body });
    expect(await reply(`SM${'1'.repeat(32)}`, 'yes')).toBe(204);
    expect(await reply(`SM${'2'.repeat(32)}`, 'Can I come at 6 instead?')).toBe(204);
    expect(await reply(`SM${'3'.repeat(32)}`, 'STOP')).toBe(204);
    await webhooks.worker.idle();
    expect(await h.knex('inbound_messages').where({ from_address: phone }).orderBy('id').select('action', 'appointment_id', 'body')).toEqual([
      { action: 'CONFIRMED', appointment_id: a.id, body: 'yes' },
      { action: 'INBOX', appointment_id: a.id, body: 'Can I come at 6 instead?' },
      { action: 'OPTED_OUT', appointment_id: a.id, body: 'STOP' },
    ]);
    expect((await h.knex('appointment_entities').where({ id: a.id }).first('status')).status).toBe('SCHEDULED');
    expect(await h.knex('patient_channel_consents').where({ patient_id: p }).first('channel', 'withdrawn_how')).toEqual({
      channel: 'SMS',
      withdrawn_how: 'Replied STOP on SMS',
    });
    expect((await outboxOf(h.knex, a.id)).filter((r) => r.kind === 'REMINDER').map((r) => r.status)).toEqual(['SKIPPED', 'SKIPPED']);
    const b = await desk.book(desk.day(3), '18:00', p);
    expect(await outboxOf(h.knex, b.id)).toEqual([]);
  });

  it('a cancellation undone before its message went out is not sent: the patient is not told of a cancellation that did not stand', async () => {
    const phone = '+919811114444';
    const a = await desk.book(desk.day(5), '12:00', await addPatient(h.knex, 'Undone Cancel', phone));
    await runAt(clinicInstant(desk.day(1), '10:00:00'));
    h.clock.now = Date.now();
    expectOk(await h.call('appointments.cancel', { id: a.id, reason: 'Patient travelling' }, desk.receptionist));
    expectOk(await h.call('appointments.undo', { id: a.id }, desk.receptionist));
    await runAt(clinicInstant(desk.day(1), '10:05:00'));
    expect((await outboxOf(h.knex, a.id)).find((r) => r.kind === 'CANCELLED')).toMatchObject({
      status: 'CANCELLED',
      error: 'The appointment was booked again',
    });
    expect(fake.messages.filter((m) => m.to === phone && m.body.includes('is cancelled'))).toEqual([]);
  });

  it('START after STOP sends the reminders still to come once each, after quiet hours; a second START doubles nothing', async () => {
    await configureMessaging(h.knex, { quietStart: '21:00', quietEnd: '08:00' });
    const phone = '+919811113333';
    const p = await addPatient(h.knex, 'Start Sender', phone);
    const a = await desk.book(desk.day(3), '19:00', p);
    await runAt(clinicInstant(desk.day(1), '10:00:00'));
    const reply = (sid: string, body: string) =>
      postSigned(`${webhooks.url}/twilio/messages/inbound`, INBOUND_URL, { MessageSid: sid, From: phone, To: '+15005550006', Body: body });
    expect(await reply(`SM${'4'.repeat(32)}`, 'STOP')).toBe(204);
    await webhooks.worker.idle();
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['SENT', 'SKIPPED', 'SKIPPED']);
    expect(await reply(`SM${'5'.repeat(32)}`, 'START')).toBe(204);
    expect(await reply(`SM${'6'.repeat(32)}`, 'START')).toBe(204);
    await webhooks.worker.idle();
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['SENT', 'QUEUED', 'QUEUED']);

    // The 24-hour reminder (day 2, 19:00) is due at 22:00 but waits out the night.
    await runAt(clinicInstant(desk.day(2), '22:00:00'));
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['SENT', 'QUEUED', 'QUEUED']);
    await runAt(clinicInstant(desk.day(3), '08:00:00'));
    await runAt(clinicInstant(desk.day(3), '17:00:00'));
    await runAt(clinicInstant(desk.day(3), '18:00:00'));
    expect((await outboxOf(h.knex, a.id)).map((r) => r.status)).toEqual(['SENT', 'SENT', 'SENT']);
    const bodies = fake.messages.filter((m) => m.to === phone).map((m) => m.body);
    expect(bodies.filter((b) => b.startsWith('Reminder:'))).toHaveLength(2);
    expect(bodies).toHaveLength(3);
  });

  it('sends e-mail through SMTP with the idempotency key as Message-ID, retrying a 4xx', async () => {
    const received: { to: string; messageId: string; body: string }[] = [];
    let refuse = 1;
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (c: Buffer) => (data += c.toString()));
        stream.on('end', () => {
          if (refuse-- > 0) return callback(Object.assign(new Error('Greylisted, try later'), { responseCode: 451 }));
          received.push({ to: session.envelope.rcptTo[0]!.address, messageId: /^Message-ID: (.*)$/im.exec(data)?.[1]?.trim() ?? '', body: data });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', () => r()));
    try {
      const port = (smtp.server.address() as AddressInfo).port;
      await configureMessaging(h.knex, { smtpHost: '127.0.0.1', smtpPort: port, smtpSecure: false, emailFrom: 'desk@sunrise.example' });
      const p = await addPatient(h.knex, 'Mail Reader', '+919833334444');
      await h.knex('patient_message_prefs').insert({ patient_id: p, channel: 'EMAIL', language: 'hi' });
      const a = await desk.book(desk.day(3), '09:00', p);
      await runAt(clinicInstant(desk.day(1), '10:00:00'));
      await runAt(clinicInstant(desk.day(1), '10:00:00'));
      const [row] = await outboxOf(h.knex, a.id);
      expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
      expect(received).toHaveLength(1);
      expect(received[0]!.to).toBe('919833334444@patients.test');
      expect(received[0]!.messageId).toBe(`<${a.id}:CONFIRMATION:${Math.floor(new Date(row!.due_at).getTime() / 1000)}@clinic-desk>`);
      expect(row!.body).toContain('नमस्ते Mail Reader');
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it.runIf(mode === 'server')('two PCs that both believe they are the sender still send each message once (the claim decides)', async () => {
    const other: Database = await openDatabase(h.db.config, { schema: 'none' });
    const second = await startPc(mode, other, {
      twilioHttpClient: fake.httpClient(),
      messagingSender: { pollMs: 3_600_000, electionRetryMs: 3_600_000, reconcileAfterMs: 60_000 },
    });
    try {
      const ids = [];
      for (let i = 0; i < 12; i++)
        ids.push((await desk.book(desk.day(5), `${String(8 + Math.floor(i / 4)).padStart(2, '0')}:${['00', '15', '30', '45'][i % 4]}`, await newPatient())).id);
      const before = fake.messages.length;
      // Both active at once, as if the election had failed: only the claim stands between them.
      const at = clinicInstant(desk.day(1), '10:00:00');
      h.clock.now = at;
      second.clock.now = at;
      second.services.messaging!.sender.setActive(true);
      h.services.messaging!.sender.setActive(true);
      await Promise.all([h.services.messaging!.sender.runDue(), second.services.messaging!.sender.runDue()]);
      h.services.messaging!.sender.setActive(false);
      const sent = fake.messages.slice(before);
      expect(sent).toHaveLength(12);
      expect(new Set(sent.map((m) => m.to)).size).toBe(12);
      const statuses = await h.knex('patient_messages').whereIn('appointment_id', ids).where({ kind: 'CONFIRMATION' }).pluck('status');
      expect(statuses).toEqual(Array(12).fill('SENT'));
    } finally {
      await second.services.messaging!.election.stop();
      await second.services.messaging!.sender.stop();
      await second.dispose();
      await other.close();
    }
  });
});
