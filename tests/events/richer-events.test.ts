import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeEvent, EventName } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

// Issue 15 §2: a moved appointment names where it left; doctors, users and settings notify too,
// each to the sessions that read them (tests/policy/event-table.ts), in both database modes.

const DAY_1 = '2099-03-02';
const DAY_2 = '2099-03-03';

describe.each(MODES)('richer change events (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let desk: string;
  let doctor: string;
  let locked: string;
  const call = 'call-window-of-admin';

  const heard = (event: EventName, match: (c: ChangeEvent) => boolean) => h.events.filter((e) => e.event === event && match(e.payload as ChangeEvent));
  /** Waits until each of the sessions has heard the event, then gives every session that heard it. */
  const reachedExactly = async (event: EventName, match: (c: ChangeEvent) => boolean, sessions: string[]) => {
    await waitFor(`${event} at ${sessions.join(', ')}`, () => (sessions.every((s) => heard(event, match).some((e) => e.sessionKey === s)) ? true : undefined));
    // A later settings change reaches the desk only after the burst above was handed out.
    const deskSettings = () => heard('settings.changed', () => true).filter((e) => e.sessionKey === desk).length;
    const before = deskSettings();
    expectOk(await h.call('settings.update', { clinicName: `Marker ${before}` }, admin));
    await waitFor('a later settings change at the desk', () => (deskSettings() > before ? true : undefined));
    return heard(event, match).map((e) => e.sessionKey);
  };

  beforeAll(async () => {
    h = await startHarness(mode);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    doctor = (await h.signInAs('DOCTOR')).sessionKey;
    locked = (await h.signInAs('ADMIN')).sessionKey;
    h.services.sessions.setLocked(locked, true);
    expect(h.services.sessions.signInFrom(call, admin)).toBeDefined();
  });
  afterAll(() => h?.dispose());

  it('moving an appointment to another doctor and day is one event naming both the old and the new', async () => {
    const [first, second] = await Promise.all(
      ['Dr. Before', 'Dr. After'].map(async (name, i) => {
        const [{ id }] = await h
          .knex('doctor_entities')
          .insert({ name, email: `move${i}.${mode}@clinic.test` })
          .returning('id');
        return id as number;
      }),
    );
    await h
      .knex('doctor_availabilities')
      .insert([first, second].flatMap((d) => [DAY_1, DAY_2].map((date) => ({ doctor_id: d, date, start_time: '09:00', end_time: '13:00' }))));
    const [{ id: patientId }] = await h
      .knex('patient_entities')
      .insert({ name: 'Moved Patient', email: `moved.${mode}@clinic.test` })
      .returning('id');
    const booked = expectOk<{ id: number }>(await h.call('appointments.book', { patientId, doctorId: first!, date: DAY_1, startTime: '09:00' }, desk));
    await waitFor('the booking event', () => heard('appointments.changed', (c) => c.id === booked.id).at(0));

    expectOk(await h.call('appointments.reschedule', { id: booked.id, doctorId: second!, date: DAY_2, startTime: '10:00' }, desk));
    const moved = (c: ChangeEvent) => c.id === booked.id && c.op === 'UPDATE';
    await waitFor('the move event', () => heard('appointments.changed', moved).at(0));
    // Once a later change has been delivered, no second event for the move is still owed.
    const [{ id: probe }] = await h
      .knex('patient_entities')
      .insert({ name: 'Probe', email: `probe.${mode}@clinic.test` })
      .returning('id');
    await waitFor('a later change', () => heard('patients.changed', (c) => c.id === probe).at(0));

    const events = heard('appointments.changed', moved);
    expect(events).toHaveLength(1);
    expect(events[0]!.sessionKey).toBeUndefined(); // broadcast, as before
    expect(events[0]!.payload).toEqual({
      op: 'UPDATE',
      id: booked.id,
      doctorId: second,
      patientId,
      appointmentId: null,
      date: DAY_2,
      oldDoctorId: first,
      oldDate: DAY_1,
    });
    // A booking has nothing before it.
    expect(heard('appointments.changed', (c) => c.id === booked.id && c.op === 'INSERT')[0]!.payload).toMatchObject({ oldDoctorId: null, oldDate: null });
  });

  it('a doctor edit reaches every unlocked main window, not a locked one or a call window', async () => {
    const doctors = expectOk<{ id: number }[]>(await h.call('doctors.list', {}, admin));
    const id = doctors[0]!.id;
    expectOk(await h.call('doctors.update', { id, name: 'Dr. Renamed' }, admin));
    const edited = (c: ChangeEvent) => c.id === id && c.op === 'UPDATE';
    const keys = await reachedExactly('doctors.changed', edited, [admin, desk, doctor]);
    expect(keys.sort()).toEqual([admin, desk, doctor].sort());
    expect(heard('doctors.changed', edited)[0]!.payload).toEqual({
      op: 'UPDATE',
      id,
      doctorId: null,
      patientId: null,
      appointmentId: null,
      date: null,
      oldDoctorId: null,
      oldDate: null,
    });
  });

  it('a user edit reaches unlocked ADMIN main windows only', async () => {
    const [{ id }] = await h.knex('users').where({ role: 'RECEPTIONIST' }).select('id');
    expectOk(await h.call('users.update', { id, displayName: 'Desk Renamed' }, admin));
    const edited = (c: ChangeEvent) => c.id === id && c.op === 'UPDATE';
    const keys = await reachedExactly('users.changed', edited, [admin]);
    expect(keys).toEqual([admin]);
    expect(heard('users.changed', edited)[0]!.payload).toMatchObject({ op: 'UPDATE', id });
  });

  it('a settings update reaches every unlocked main window, not a locked one or a call window', async () => {
    expectOk(await h.call('settings.update', { clinicAddress: '1 Event Street' }, admin));
    await waitFor('settings.changed everywhere', () =>
      [admin, desk, doctor].every((s) => heard('settings.changed', () => true).some((e) => e.sessionKey === s)) ? true : undefined,
    );
    const keys = new Set(heard('settings.changed', () => true).map((e) => e.sessionKey));
    expect([...keys].sort()).toEqual([admin, desk, doctor].sort());
    expect(heard('settings.changed', () => true)[0]!.payload).toEqual({
      op: 'UPDATE',
      id: 1,
      doctorId: null,
      patientId: null,
      appointmentId: null,
      date: null,
      oldDoctorId: null,
      oldDate: null,
    });
  });
});
