import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDto, ChangeEvent, EventName } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { waitFor } from '../support/wait';

// Issue 20's desk side: the waitlist (entries and offers of freed time), recalls and appointment
// types notify like every other table, so an offer appears on every PC as it is made; each goes
// to signed-in, unlocked main windows only (tests/policy/event-table.ts), in both database modes.

const TODAY = '2099-03-01';
const MON = '2099-03-02';

describe.each(MODES)('scheduling change events (%s)', (mode: Mode) => {
  let h: Harness;
  let admin: string;
  let desk: string;
  let doctor: string;
  let locked: string;
  let drA: number;
  let patients: [number, number];
  const call = 'call-window-of-desk';

  const heard = (event: EventName, match: (c: ChangeEvent) => boolean) => h.events.filter((e) => e.event === event && match(e.payload as ChangeEvent));
  const reached = (event: EventName, match: (c: ChangeEvent) => boolean) =>
    waitFor(`${event} at every main window`, () =>
      [admin, desk, doctor].every((s) => heard(event, match).some((e) => e.sessionKey === s)) ? heard(event, match) : undefined,
    );

  beforeAll(async () => {
    h = await startHarness(mode);
    h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
    admin = (await h.signInAs('ADMIN')).sessionKey;
    desk = (await h.signInAs('RECEPTIONIST')).sessionKey;
    doctor = (await h.signInAs('DOCTOR')).sessionKey;
    locked = (await h.signInAs('RECEPTIONIST')).sessionKey;
    h.services.sessions.setLocked(locked, true);
    expect(h.services.sessions.signInFrom(call, desk)).toBeDefined();
    [{ id: drA }] = await h
      .knex('doctor_entities')
      .insert({ name: 'Dr. Event Rao', email: `events.${mode}@sched.test`, specialization: 'ENT' })
      .returning('id');
    patients = (
      await h
        .knex('patient_entities')
        .insert([0, 1].map((i) => ({ name: `Waiting ${i}`, email: `w${i}.${mode}@sched.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id) as [number, number];
    await h.knex('doctor_availabilities').insert({ doctor_id: drA, date: MON, start_time: '09:00', end_time: '17:00', slot_minutes: 15 });
  });
  afterAll(() => h?.dispose());

  it('a waitlist entry, and the offer a cancellation makes, reach every unlocked main window with the offer’s doctor and day', async () => {
    const entry = expectOk<{ id: number }>(await h.call('waitlist.add', { patientId: patients[0], doctorId: drA, fromDate: TODAY, toDate: MON }, desk));
    const added = await reached('waitlist.changed', (c) => c.op === 'INSERT' && c.id === entry.id);
    expect(added[0]!.payload).toMatchObject({ patientId: patients[0], doctorId: drA });

    const booked = expectOk<AppointmentDto>(
      await h.call('appointments.book', { patientId: patients[1], doctorId: drA, date: MON, startTime: '10:00', endTime: '10:15' }, desk),
    );
    expectOk(await h.call('appointments.cancel', { id: booked.id, reason: 'Travelling' }, desk));
    const [offer] = expectOk<{ id: number }[]>(await h.call('waitlist.offers', {}, desk));
    const offered = await reached('waitlist.changed', (c) => c.op === 'INSERT' && c.id === offer!.id && c.date === MON);
    expect(offered[0]!.payload).toMatchObject({ doctorId: drA, date: MON });
    const keys = new Set(heard('waitlist.changed', () => true).map((e) => e.sessionKey));
    expect(keys.has(locked)).toBe(false);
    expect(keys.has(call)).toBe(false);
    expect(keys.has(undefined)).toBe(false);
  });

  it('a recall and an appointment type notify too', async () => {
    const recall = expectOk<{ id: number }>(await h.call('recalls.create', { patientId: patients[0], doctorId: drA, inDays: 14 }, desk));
    expect((await reached('recalls.changed', (c) => c.id === recall.id))[0]!.payload).toMatchObject({ op: 'INSERT', patientId: patients[0], doctorId: drA });
    const type = expectOk<{ id: number }>(
      await h.call('appointmentTypes.create', { name: `Review ${mode}`, durationMinutes: 20, fee: '300.00', doctors: [{ doctorId: drA }] }, admin),
    );
    await reached('appointmentTypes.changed', (c) => c.id === type.id);
    // The doctors offering it are rows of their own: a change to them is a change of the type's list.
    await reached('appointmentTypes.changed', (c) => c.doctorId === drA);
  });
});
