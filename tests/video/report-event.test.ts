import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, expectOk, startHarness, type Harness } from '../support/harness';

const ROOM = `RM${'b'.repeat(32)}`;

describe('video.reportEvent in the contract', () => {
  it.each(['source', 'reportedBy'])('refuses a detail that sets %s (main fills it in from the session)', (key) => {
    const parsed = channels['video.reportEvent'].req.safeParse({ roomSid: ROOM, type: 'connected', detail: { [key]: 'gateway' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['detail', key], message: 'Set by Clinic Desk itself, not by the call window' });
  });
});

describe.each(MODES)('video.reportEvent (%s)', (mode: Mode) => {
  let h: Harness;
  let doctor: { sessionKey: string; userId: number };

  beforeAll(async () => {
    h = await startHarness(mode);
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha.rao@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Ravi Kumar', email: 'ravi@example.com' }).returning('id');
    const [{ id: appointmentId }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-01-05', start_time: '10:30', end_time: '10:45' })
      .returning('id');
    await h
      .knex('video_call_sessions')
      .insert({ appointment_id: appointmentId, session_id: ROOM, room_name: `appointment-${appointmentId}`, status: 'IN_PROGRESS' });
    doctor = await h.signInAs('DOCTOR', { doctorId });
  });
  afterAll(() => h.dispose());

  it('a window claiming another source or reporter is refused at that field and nothing is stored', async () => {
    const claims: Record<string, string | number>[] = [{ source: 'twilio-webhook' }, { reportedBy: 1 }, { code: 53001, source: 'gateway' }];
    for (const detail of claims) {
      const before = await databaseSnapshot(h.knex);
      const result = await h.call('video.reportEvent', { roomSid: ROOM, type: 'disconnected', detail }, doctor.sessionKey);
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID', field: `detail.${Object.keys(detail).find((k) => k !== 'code')}` } });
      expect(await databaseSnapshot(h.knex)).toBe(before);
    }
  });

  it('stores the window’s facts with the source and reporter main knows', async () => {
    expectOk(await h.call('video.reportEvent', { roomSid: ROOM, type: 'device-error', detail: { code: 8, kind: 'camera' } }, doctor.sessionKey));
    const row = await h.knex('video_call_events').where({ session_id: ROOM, event_type: 'device-error' }).first('event_data');
    expect(row.event_data).toEqual({ code: 8, kind: 'camera', source: 'call-window', reportedBy: doctor.userId });
  });
});
