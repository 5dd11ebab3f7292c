import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent, VideoJoinDto } from '../../preload/contract';
import { PatientJoin } from '../../main/video/patient-join';
import { findSession } from '../../main/video/repo';
import { TwilioRooms } from '../../main/video/rooms';
import { endSession, recordCallEvent } from '../../main/video/session-outcome';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { configureVideo } from '../support/fake-twilio';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { testKeys } from '../support/keys';
import { raceTest } from '../support/race-test';
import { sleep, waitFor } from '../support/wait';

describe.each(MODES)('a video call the patient never joined (%s)', (mode: Mode) => {
  let h: Harness;
  let doctorId: number;
  let doctor: { sessionKey: string };
  let desk: { sessionKey: string };
  const keys = testKeys();
  let day = 0;

  beforeAll(async () => {
    // One clinic key for the desk and the gateway, as on a clinic server.
    h = await startHarness(mode, undefined, { secretBox: keys.secretBox, clinicKey: keys.clinicKey });
    await configureVideo(h.knex);
    const admin = await h.signInAs('ADMIN');
    expectOk(await h.call('settings.update', { clinicName: 'Sunrise Clinic', timeZone: 'Asia/Kolkata' }, admin.sessionKey));
    [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Asha Rao', email: 'asha.rao@noshow.test' }).returning('id');
    doctor = await h.signInAs('DOCTOR', { doctorId });
    desk = await h.signInAs('RECEPTIONIST');
  });
  afterAll(async () => {
    await h?.dispose();
    keys.dispose();
  });

  /** An appointment of its own patient, 10:30–10:45 in Kolkata on a day of its own. */
  async function appointment(): Promise<{ id: number; date: string; patient: string }> {
    const n = ++day;
    const date = new Date(Date.UTC(2098, 5, n)).toISOString().slice(0, 10);
    const [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: `Meena Joshi ${n}`, email: `meena${n}@noshow.test` })
      .returning('id');
    const [{ id }] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: date, start_time: '10:30', end_time: '10:45' })
      .returning('id');
    return { id, date, patient: `patient-${patientId}` };
  }

  const start = async (appointmentId: number) => expectOk<VideoJoinDto>(await h.call('video.start', { appointmentId }, doctor.sessionKey));
  const end = async (roomSid: string) => expectOk(await h.call('video.end', { roomSid }, doctor.sessionKey));
  const statusOf = async (roomSid: string) => (await h.knex('video_call_sessions').where({ session_id: roomSid }).first('status')).status;
  const deskSees = async (appointmentId: number) => expectOk(await h.call('video.waitingOnline', { appointmentIds: [appointmentId] }, desk.sessionKey));
  const reportConnected = async (roomSid: string, participant: string) =>
    expectOk(await h.call('video.reportEvent', { roomSid, type: 'participant-connected', participant }, doctor.sessionKey));

  it('the doctor finishing ends it NO_SHOW; every desk hears it and is told, and the appointment stays as it was', async () => {
    const a = await appointment();
    const { roomSid } = await start(a.id);
    expect(await deskSees(a.id)).toEqual({ appointmentIds: [], noShowIds: [] });
    const heardBefore = h.events.length;
    await end(roomSid);

    expect(await statusOf(roomSid)).toBe('NO_SHOW');
    await waitFor('the session’s end heard as a lobby change', () =>
      h.events
        .slice(heardBefore)
        .find((e) => e.event === 'video.lobbyChanged' && (e.payload as ChangeEvent).appointmentId === a.id && (e.payload as ChangeEvent).op === 'UPDATE'),
    );
    expect(await deskSees(a.id)).toEqual({ appointmentIds: [], noShowIds: [a.id] });
    expect(await h.knex('appointment_entities').where({ id: a.id }).first('status')).toEqual({ status: 'SCHEDULED' });
  });

  it("answers for a whole day: that day's calls ended unjoined, no other day's; never for both ids and a day, or neither", async () => {
    const [a, b] = [await appointment(), await appointment()];
    const deskSeesDay = async (date: string) => expectOk(await h.call('video.waitingOnline', { date }, desk.sessionKey));
    await end((await start(a.id)).roomSid);
    await start(b.id);
    expect(await deskSeesDay(a.date)).toEqual({ appointmentIds: [], noShowIds: [a.id] });
    expect(await deskSeesDay(b.date)).toEqual({ appointmentIds: [], noShowIds: [] });
    const refusal = { ok: false, error: { code: 'INVALID', field: 'appointmentIds', message: 'Ask about some appointments or about a day, one of the two' } };
    expect(await h.call('video.waitingOnline', { date: a.date, appointmentIds: [a.id] } as never, desk.sessionKey)).toMatchObject(refusal);
    expect(await h.call('video.waitingOnline', {} as never, desk.sessionKey)).toMatchObject(refusal);
  });

  it('tells the call window whether the patient has turned up: not before, yes once connected to any of its rooms', async () => {
    const a = await appointment();
    const joined = async () => expectOk(await h.call('video.callInfo', { appointmentId: a.id }, doctor.sessionKey)).patientJoined;
    const first = await start(a.id);
    expect(await joined()).toBe(false);
    // Someone else in the room is not the patient.
    await reportConnected(first.roomSid, `doctor-${doctorId}`);
    expect(await joined()).toBe(false);
    await reportConnected(first.roomSid, a.patient);
    await end(first.roomSid);
    // The doctor's window crashed and reopened: the new room has had nobody, yet the patient came.
    await start(a.id);
    expect(await joined()).toBe(true);
  });

  it('the doctor answering "did not come" from the call window: the appointment NO_SHOW, then the room ends NO_SHOW', async () => {
    // Today at midnight in Kolkata: its time has come, as a no-show needs.
    const today = clinicNow('Asia/Kolkata', h.clock.now).date;
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Meena Joshi today', email: 'meena.today@noshow.test' }).returning('id');
    const [a] = await h
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: today, start_time: '00:00', end_time: '00:15' })
      .returning('id');
    const call = `no-show-call-${mode}-${a.id}`;
    expect(h.services.sessions.signInFrom(call, doctor.sessionKey)).toBeDefined();
    const { roomSid } = expectOk<VideoJoinDto>(await h.call('video.start', { appointmentId: a.id }, call));
    expect(expectOk(await h.call('video.callInfo', { appointmentId: a.id }, call)).patientJoined).toBe(false);
    expect(expectOk(await h.call('appointments.noShow', { id: a.id }, call)).status).toBe('NO_SHOW');
    expectOk(await h.call('video.end', { roomSid }, call));
    expect(await statusOf(roomSid)).toBe('NO_SHOW');
    expect(await h.knex('appointment_entities').where({ id: a.id }).first('status')).toEqual({ status: 'NO_SHOW' });
    h.services.sessions.signOut(call);
  });

  it('the patient’s connection reported after the end, once or twice, makes it COMPLETED and the desk’s offer goes', async () => {
    const a = await appointment();
    const { roomSid } = await start(a.id);
    await end(roomSid);
    expect(await statusOf(roomSid)).toBe('NO_SHOW');

    await reportConnected(roomSid, a.patient);
    expect(await statusOf(roomSid)).toBe('COMPLETED');
    await reportConnected(roomSid, a.patient);
    expect(await statusOf(roomSid)).toBe('COMPLETED');
    expect(await deskSees(a.id)).toEqual({ appointmentIds: [], noShowIds: [] });
  });

  it('someone else connecting (another identity) does not count as the patient', async () => {
    const a = await appointment();
    const { roomSid } = await start(a.id);
    await reportConnected(roomSid, 'patient-999999');
    await reportConnected(roomSid, `doctor-${doctorId}`);
    await end(roomSid);
    expect(await statusOf(roomSid)).toBe('NO_SHOW');
  });

  it('a patient who waited in the lobby, even with no connection reported, was there: the end is COMPLETED', async () => {
    const a = await appointment();
    const { link } = expectOk<{ link: string }>(await h.call('video.patientLink', { appointmentId: a.id }, doctor.sessionKey));
    // 10:30 in Kolkata on the appointment's day: inside its join window.
    const gateway = new PatientJoin(h.knex, new TwilioRooms(h.twilio.httpClient()), keys.secretBox, () => Date.parse(`${a.date}T05:00:00Z`));
    expect(await gateway.exchange(new URL(link).pathname.split('/').at(-1)!)).toMatchObject({ place: 'joined' });
    const { roomSid } = await start(a.id);
    await end(roomSid);
    expect(await statusOf(roomSid)).toBe('COMPLETED');
    expect(await deskSees(a.id)).toEqual({ appointmentIds: [a.id], noShowIds: [] });
  });

  it('a patient who joined the first room was there, though the doctor’s second room ended without them', async () => {
    const a = await appointment();
    const first = await start(a.id);
    await reportConnected(first.roomSid, a.patient);
    await end(first.roomSid);
    const second = await start(a.id);
    expect(second.roomSid).not.toBe(first.roomSid);
    await end(second.roomSid);
    expect([await statusOf(first.roomSid), await statusOf(second.roomSid)]).toEqual(['COMPLETED', 'COMPLETED']);
  });

  it('a call started again after a NO_SHOW is not offered while it runs; the desk is offered the latest call’s outcome', async () => {
    const a = await appointment();
    await end((await start(a.id)).roomSid);
    expect((await deskSees(a.id)).noShowIds).toEqual([a.id]);
    const again = await start(a.id);
    expect((await deskSees(a.id)).noShowIds).toEqual([]);
    await end(again.roomSid);
    expect((await deskSees(a.id)).noShowIds).toEqual([a.id]);
  });

  raceTest(mode)('an end decided while the patient’s connection is being stored waits for it, and is COMPLETED', async () => {
    const a = await appointment();
    const { roomSid } = await start(a.id);
    const session = (await findSession(h.knex, roomSid))!;
    let stored = false;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arriving = h.knex.transaction(async (trx) => {
      await recordCallEvent(trx, session, { roomSid, type: 'participant-connected', participant: a.patient, data: { source: 'twilio' } });
      stored = true;
      await released;
    });
    await waitFor('the connection stored, not yet committed', () => stored || undefined);
    let ended = false;
    const ending = h.knex.transaction((trx) => endSession(trx, session)).then(() => (ended = true));
    // The end either waits on the arrival's lock (as it must) or, without one, decides at once.
    const waitingOnLock = async () =>
      (await h.knex.raw(`select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)).rows.length > 0;
    while (!ended && !(await waitingOnLock())) await sleep(10);
    release();
    await Promise.all([arriving, ending]);
    expect(await statusOf(roomSid)).toBe('COMPLETED');
  });
});
