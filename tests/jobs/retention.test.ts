import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearExpiredMessageContents, deleteExpiredCallData } from '../../main/jobs/retention';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
const ago = (days: number, extraMs = 0) => new Date(NOW - days * DAY + extraMs).toISOString();

describe.each(MODES)('retention of call data (%s)', (mode: Mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  it('deletes call events past 90 days by their timestamp and applied webhook events past 30 days, nothing else', async () => {
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Old', email: 'old@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'P', email: 'p@example.com' }).returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2026-06-01', start_time: '09:00', end_time: '09:15' })
      .returning('id');
    const sid = `RM${'c'.repeat(32)}`;
    await h.knex('video_call_sessions').insert({ appointment_id: appointmentId, session_id: sid, room_name: 'old-room' });

    const events = await h
      .knex('video_call_events')
      .insert(
        [
          ['kept: 89 days', ago(89)],
          ['kept: one minute short of 90 days', ago(90, 60_000)],
          ['gone: one minute past 90 days', ago(90, -60_000)],
          ['gone: 400 days', ago(400)],
        ].map(([label, at]) => ({ session_id: sid, event_type: 'connected', event_data: JSON.stringify({ label }), timestamp: at })),
      )
      .returning(['id', 'event_data']);

    const webhook = (label: string, createdAt: string, state: 'processed' | 'parked' | 'pending') => ({
      event_type: 'room-ended',
      event_data: JSON.stringify({ label }),
      dedup_key: label,
      created_at: createdAt,
      processed_at: state === 'processed' ? createdAt : null,
      parked_at: state === 'parked' ? createdAt : null,
    });
    await h
      .knex('twilio_webhook_events')
      .insert([
        webhook('kept: processed 29 days ago', ago(29), 'processed'),
        webhook('kept: processed one minute short of 30 days', ago(30, 60_000), 'processed'),
        webhook('gone: processed one minute past 30 days', ago(30, -60_000), 'processed'),
        webhook('gone: parked 31 days ago', ago(31), 'parked'),
        webhook('kept: never applied, 31 days old', ago(31), 'pending'),
      ]);

    expect(await deleteExpiredCallData(h.knex, NOW)).toEqual({ callEvents: 2, webhookEvents: 2 });

    const labels = async (table: string) => (await h.knex(table).select('event_data').orderBy('id')).map((r) => r.event_data.label as string);
    expect(await labels('video_call_events')).toEqual(['kept: 89 days', 'kept: one minute short of 90 days']);
    expect(await labels('twilio_webhook_events')).toEqual([
      'kept: processed 29 days ago',
      'kept: processed one minute short of 30 days',
      'kept: never applied, 31 days old',
    ]);
    expect(events).toHaveLength(4);
    // Sessions are the clinic's record of consultations: retention leaves them alone.
    expect(await h.knex('video_call_sessions').where({ session_id: sid })).toHaveLength(1);
  });
});

describe.each(MODES)('retention of patient messages (%s)', (mode: Mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(mode);
  });
  afterAll(() => h.dispose());

  it('clears what settled messages past the clinic’s period said and to whom, keeps the rows, and leaves what is still going', async () => {
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Kept', email: 'kept@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Asha Verma', phone: '+919812345678' }).returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2025-06-01', start_time: '09:00', end_time: '09:15' })
      .returning('id');
    const message = (key: string, status: string, made: number, due = made) => ({
      appointment_id: appointmentId,
      patient_id: patientId,
      doctor_id: doctorId,
      kind: 'NOTICE',
      channel: 'SMS',
      language: 'en',
      notice_text: '{patient}, the doctor is away',
      link: 'https://clinic.example.org/j/abc',
      subject: 'Sunrise Clinic',
      body: 'Asha Verma, the doctor is away',
      to_address: '+919812345678',
      error: status === 'FAILED' ? "Twilio 400 (21211): Invalid 'To' Phone Number: +919812345678" : null,
      status,
      provider_id: status === 'QUEUED' ? null : `SM${key.padEnd(32, '0').slice(0, 32)}`,
      attempts: 1,
      idempotency_key: key,
      created_at: ago(made),
      due_at: ago(due),
      updated_at: ago(due),
    });
    await h
      .knex('patient_messages')
      .insert([
        message('cleared-delivered-366', 'DELIVERED', 366),
        message('cleared-failed-400', 'FAILED', 400),
        message('cleared-skipped-370', 'SKIPPED', 370),
        message('kept-delivered-364', 'DELIVERED', 364),
        message('kept-queued-400', 'QUEUED', 400),
        message('kept-sending-400', 'SENDING', 400),
        message('kept-made-400-due-10', 'SENT', 400, 10),
      ]);
    const rows = () => h.knex('patient_messages').where({ patient_id: patientId }).orderBy('id').select('*');
    const before = await rows();
    const audited = await h.knex('audit_log').count<{ n: string }[]>({ n: '*' });

    expect(await clearExpiredMessageContents(h.knex, NOW)).toEqual({ messages: 3, replies: 0 });
    const after = await rows();
    const contents = ['body', 'subject', 'to_address', 'notice_text', 'link', 'error'] as const;
    for (const [i, row] of after.entries()) {
      const was = before[i]!;
      const cleared = row.idempotency_key.startsWith('cleared-');
      for (const column of contents) expect(row[column], `${row.idempotency_key} ${column}`).toBe(cleared ? null : was[column]);
      expect(row.contents_cleared_at === null, row.idempotency_key).toBe(!cleared);
      // What happened to the message stays: its audit entries, the appointment's list and the failures list still read it.
      for (const column of ['status', 'kind', 'channel', 'provider_id', 'idempotency_key', 'attempts', 'due_at', 'sent_at', 'updated_at'] as const) {
        expect(row[column], `${row.idempotency_key} ${column}`).toEqual(was[column]);
      }
    }
    expect(await h.knex('audit_log').count<{ n: string }[]>({ n: '*' })).toEqual(audited);

    // The clinic keeps texts 90 days: the 364-day-old one goes too; what was cleared is not counted again.
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    expect(await h.call('messaging.updateSettings', { messageRetentionDays: 30 }, admin)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', field: 'messageRetentionDays', message: 'Keep messages at least 90 days' },
    });
    expect(expectOk(await h.call('messaging.updateSettings', { messageRetentionDays: 90 }, admin))).toMatchObject({ messageRetentionDays: 90 });
    expect(await clearExpiredMessageContents(h.knex, NOW)).toEqual({ messages: 1, replies: 0 });
    expect((await rows()).filter((r) => r.contents_cleared_at === null).map((r) => r.idempotency_key)).toEqual([
      'kept-queued-400',
      'kept-sending-400',
      'kept-made-400-due-10',
    ]);
  });
  it('clears what settled replies past the same period said and where from, keeps the rows, and leaves the inbox alone', async () => {
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Replies', email: 'replies@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Ravi Shah', phone: '+919812340000' }).returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2025-06-02', start_time: '10:00', end_time: '10:15' })
      .returning('id');
    const { id: handler } = await h.knex('users').first('id');
    const reply = (key: string, action: string, received: number, handled: number | null = null) => ({
      provider_id: `SM${key.padEnd(32, '0').slice(0, 32)}`,
      channel: 'SMS',
      from_address: '+919812340000',
      body: `${key}: can I come at 11 instead?`,
      patient_id: patientId,
      appointment_id: appointmentId,
      action,
      received_at: ago(received),
      handled_at: handled === null ? null : ago(handled),
      handled_by: handled === null ? null : handler,
    });
    await h
      .knex('inbound_messages')
      .insert([
        reply('cleared-confirmed-366', 'CONFIRMED', 366),
        reply('cleared-opted-out-400', 'OPTED_OUT', 400),
        reply('cleared-handled-370', 'INBOX', 371, 370),
        reply('kept-confirmed-364', 'CONFIRMED', 364),
        reply('kept-open-400', 'INBOX', 400),
        reply('kept-handled-10', 'INBOX', 400, 10),
      ]);
    // The clinic's period is the messages' own: a year, as the other test found it.
    await h.knex('messaging_settings').update({ message_retention_days: 365 });
    const rows = () => h.knex('inbound_messages').where({ patient_id: patientId }).orderBy('id').select('*');
    const before = await rows();
    const key = (row: { provider_id: string }) => row.provider_id.slice(2).replace(/0+$/, '');

    expect(await clearExpiredMessageContents(h.knex, NOW)).toEqual({ messages: 0, replies: 3 });
    const after = await rows();
    for (const [i, row] of after.entries()) {
      const was = before[i]!;
      const cleared = key(row).startsWith('cleared-');
      for (const column of ['body', 'from_address'] as const) expect(row[column], `${key(row)} ${column}`).toBe(cleared ? null : was[column]);
      expect(row.contents_cleared_at === null, key(row)).toBe(!cleared);
      // What the reply did stays for the audit: its action, appointment, patient, provider id, when it came and who handled it.
      for (const column of ['action', 'appointment_id', 'patient_id', 'channel', 'provider_id', 'received_at', 'handled_at', 'handled_by'] as const) {
        expect(row[column], `${key(row)} ${column}`).toEqual(was[column]);
      }
    }
    // What was cleared is not counted again.
    expect(await clearExpiredMessageContents(h.knex, NOW)).toEqual({ messages: 0, replies: 0 });

    // The appointment still lists what the patient answered, its text cleared.
    const admin = (await h.signInAs('ADMIN')).sessionKey;
    const { replies } = expectOk(await h.call('messaging.forAppointment', { appointmentId }, admin));
    expect(replies.map((r) => [r.action, r.body, r.fromAddress])).toEqual([
      ['CONFIRMED', null, null],
      ['OPTED_OUT', null, null],
      ['INBOX', null, null],
      ['CONFIRMED', 'kept-confirmed-364: can I come at 11 instead?', '+919812340000'],
      ['INBOX', 'kept-open-400: can I come at 11 instead?', '+919812340000'],
      ['INBOX', 'kept-handled-10: can I come at 11 instead?', '+919812340000'],
    ]);
    // A reply without its text or number is only ever a cleared one.
    await expect(h.knex('inbound_messages').insert({ ...reply('no-text', 'INBOX', 1), body: null })).rejects.toThrow(/chk_inbound_cleared/);
  });
});
