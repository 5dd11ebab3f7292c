import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../main/db/open';
import { startWebhookService, type WebhookService } from '../../main/webhooks/service';
import { MODES } from '../support/databases';
import { FakeTwilio, postSigned } from '../support/fake-twilio';
import type { Harness } from '../support/harness';
import { waitFor } from '../support/wait';
import { clinicInstant, configureMessaging, eventually, fakeSecretBox, INBOUND_URL, openDesk, outboxOf, PATIENT_PHONE, startPc } from './support';

// The "done when": a booking made at the desk produces a confirmation and two
// reminders that reach the provider exactly once each, through restarts and a second PC; a
// "2" reply cancels the appointment and every desk hears of it.
describe.each(MODES)('a booking to the patient and back (%s)', (mode) => {
  const fake = new FakeTwilio();
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
    await fake.close();
  });

  const pc = async (db?: Database) => {
    const h = await startPc(mode, db, { twilioHttpClient: fake.httpClient() });
    cleanup.push(async () => {
      await h.services.messaging?.election.stop();
      await h.services.messaging?.sender.stop();
      await h.dispose();
    });
    return h;
  };
  /** The PC goes away: its election session ends (the lock is released) and its sender stops. */
  const goAway = async (h: Harness) => {
    await h.services.messaging!.election.stop();
    await h.services.messaging!.sender.stop();
  };
  const runAll = (pcs: Harness[], at: number) =>
    Promise.all(
      pcs.map((p) => {
        p.clock.now = at;
        return p.services.messaging!.sender.runDue();
      }),
    );
  const toPatient = () => fake.messages.filter((m) => m.to === PATIENT_PHONE);

  it('confirmation and two reminders exactly once each, then a "2" cancels it on every desk', { timeout: 240_000 }, async () => {
    const first = await startPc(mode, undefined, { twilioHttpClient: fake.httpClient() });
    cleanup.push(() => first.dispose());
    await configureMessaging(first.knex);
    const desk = await openDesk(first);
    const a = await desk.book(desk.day(3), '14:00');
    await eventually('the first PC elected', async () => (first.services.messaging!.election.leader ? true : undefined));

    // Day 1, 10:00: the confirmation is due, the reminders are not.
    await runAll([first], clinicInstant(desk.day(1), '10:00:00'));
    expect(toPatient().map((m) => m.body)).toEqual([
      expect.stringContaining('Hello Asha Verma, your appointment with Dr. Meera Rao at Sunrise Clinic is booked'),
    ]);

    // A restart of that PC, and (server mode) a second PC racing it for the first reminder.
    await goAway(first);
    const restarted = await pc(first.db);
    let second: Harness | undefined;
    let secondDb: Database | undefined;
    if (mode === 'server') {
      secondDb = await openDatabase(first.db.config, { schema: 'none' });
      cleanup.push(() => secondDb!.close());
      second = await pc(secondDb);
    }
    const live = [restarted, ...(second ? [second] : [])];
    await eventually('one PC elected', async () => (live.filter((p) => p.services.messaging!.election.leader).length === 1 ? true : undefined));
    await runAll(live, clinicInstant(desk.day(2), '14:30:00'));
    await runAll(live, clinicInstant(desk.day(2), '14:31:00'));
    expect(toPatient()).toHaveLength(2);
    expect(toPatient()[1]!.body).toMatch(/^Reminder: Asha Verma, you see Dr\. Meera Rao/);

    // The sending PC goes away; the other PC (or the same one restarted again) takes over.
    const leader = live.find((p) => p.services.messaging!.election.leader)!;
    await goAway(leader);
    const next = second ? live.find((p) => p !== leader)! : await pc(first.db);
    await eventually('the other PC takes over', async () => (next.services.messaging!.election.leader ? true : undefined));
    const remaining = [next, ...live.filter((p) => p !== leader && p !== next)];
    await runAll(remaining, clinicInstant(desk.day(3), '12:30:00'));
    await runAll(remaining, clinicInstant(desk.day(3), '12:31:00'));

    const bodies = toPatient().map((m) => m.body);
    expect(bodies).toHaveLength(3);
    expect(new Set(bodies).size).toBe(2); // the two reminders read alike: they are the 24 h and the 2 h one
    const rows = await outboxOf(first.knex, a.id);
    expect(rows.map((r) => [r.kind, r.status, r.attempts])).toEqual([
      ['CONFIRMATION', 'SENT', 1],
      ['REMINDER', 'SENT', 1],
      ['REMINDER', 'SENT', 1],
    ]);
    expect(rows.map((r) => r.provider_id)).toEqual(toPatient().map((m) => m.sid));
    // Each carried a status callback address naming its row.
    expect(toPatient().map((m) => m.status_callback)).toEqual(rows.map((r) => `https://clinic.example.org/twilio/messages/status?message=${r.id}`));

    // The patient answers "2" on the signature-checked receiver.
    const webhooks: WebhookService = await startWebhookService(next.knex, { log: () => undefined, secretBox: fakeSecretBox });
    cleanup.push(() => webhooks.close());
    const desks = [next, ...remaining.filter((p) => p !== next)];
    const heard = (h: Harness) => h.events.some((e) => e.event === 'appointments.changed' && (e.payload as { id: number }).id === a.id);
    const already = desks.map(heard);
    const reply = {
      MessageSid: `SM${'c'.repeat(32)}`,
      AccountSid: 'AC' + 'a1'.repeat(16),
      From: PATIENT_PHONE,
      To: '+15005550006',
      Body: ' 2 ',
      NumMedia: '0',
    };
    expect(await postSigned(`${webhooks.url}/twilio/messages/inbound`, INBOUND_URL, { ...reply, Body: 'forged' }, 'wrong-token')).toBe(403);
    expect(await postSigned(`${webhooks.url}/twilio/messages/inbound`, INBOUND_URL, reply)).toBe(204);
    expect(await postSigned(`${webhooks.url}/twilio/messages/inbound`, INBOUND_URL, reply)).toBe(204); // Twilio retrying
    await webhooks.worker.idle();
    const appointment = await next.knex('appointment_entities').where({ id: a.id }).first('status', 'cancel_reason');
    expect(appointment).toEqual({ status: 'CANCELLED', cancel_reason: 'The patient replied 2 to cancel' });
    expect(already.some(Boolean)).toBe(false);
    for (const h of desks) await waitFor('the desk to hear of the cancellation', () => (heard(h) ? true : undefined), 10_000);
    expect(await next.knex('inbound_messages').select('action', 'appointment_id')).toEqual([{ action: 'CANCELLED', appointment_id: a.id }]);
    // The slot is free again: the same time can be booked for another patient.
    const other = await next.knex('patient_entities').insert({ name: 'Ravi Kumar', email: 'ravi@patients.test', phone: '+919800000001' }).returning('id');
    const { sessionKey } = await next.signInAs('RECEPTIONIST');
    const rebooked = await next.call(
      'appointments.book',
      { doctorId: desk.doctorId, patientId: other[0].id, date: desk.day(3), startTime: '14:00' },
      sessionKey,
    );
    expect(rebooked.ok).toBe(true);
    const audit = await next.knex('audit_log').where({ action: 'messaging.reply.cancelled', entity_id: a.id }).count<{ n: string }[]>({ n: '*' });
    expect(Number(audit[0]!.n)).toBe(1);
  });
});
