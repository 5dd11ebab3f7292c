import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteExpiredCallData } from '../../main/jobs/retention';
import { MODES, type Mode } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';

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
