import type { Database } from '../../main/db/open';
import { writeMessagingSettings } from '../../main/messaging/repo';
import { MessageSender } from '../../main/messaging/sender';
import type { SecretBox } from '../../main/secrets/secret-box';
import { clinicNow } from '../../main/settings/clinic-time';
import { addDays } from '../../main/demo/calendar';
import { FakeTwilio, TEST_TWILIO } from '../../tests/support/fake-twilio';

export interface MessagingFigures {
  reminders: number;
  /** Inserting the appointments with the outbox trigger planning their reminders, and without. */
  queueSeconds: number;
  insertWithoutMessagingSeconds: number;
  sendSeconds: number;
  sentPerSecond: number;
  sentOnce: boolean;
}

const ZONE = 'Asia/Kolkata';
// 250 doctors × 48 quarter-hours (08:00–20:00) hold 12,000 appointments in one day.
const DOCTORS = 250;
const SLOTS_PER_DAY = 48;
// The bench's own stand-in: the fake Twilio checks only the account's credentials.
const plainBox: SecretBox = { seal: (s) => s, open: (s) => s };

/**
 * `count` appointments two days ahead, inserted in one statement with messaging on (the trigger
 * queues one 24-hour reminder each) and, for comparison, the same with messaging off; then the
 * elected sender's throughput sending every reminder to the fake Twilio Messages API, with the
 * clinic's send rate set to the most the settings allow.
 */
export async function measureMessaging(db: Database, count: number): Promise<MessagingFigures> {
  if (count > DOCTORS * SLOTS_PER_DAY) throw new Error(`At most ${DOCTORS * SLOTS_PER_DAY} reminders fit the bench's one day`);
  const knex = db.knex;
  const fake = new FakeTwilio();
  try {
    await knex('clinic_settings').where({ id: 1 }).update({ time_zone: ZONE, clinic_name: 'Bench Clinic' });
    const doctors: number[] = (
      await knex('doctor_entities')
        .insert(Array.from({ length: DOCTORS }, (_, i) => ({ name: `Dr. Bench ${i}`, email: `bench-doctor-${i}@clinic.test` })))
        .returning('id')
    ).map((r: { id: number }) => r.id);
    await knex.raw(
      `INSERT INTO patient_entities (name, email, phone)
       SELECT 'Bench Patient ' || g, 'bench-patient-' || g || '@clinic.test', '+9190' || lpad(g::text, 8, '0') FROM generate_series(1, ?) g`,
      [count * 2],
    );
    const firstPatient = Number((await knex('patient_entities').min<{ min: number }>({ min: 'id' }).first())!.min);
    const today = clinicNow(ZONE).date;
    const insert = (date: string, patientOffset: number) =>
      knex.raw(
        `INSERT INTO appointment_entities (patient_id, doctor_id, appointment_date, start_time, end_time)
         SELECT ?::bigint + ?::bigint + g, (?::bigint[])[1 + g % ?::int], ?::date,
                time '08:00' + ((g / ?::int) % ?::int) * interval '15 minutes', time '08:15' + ((g / ?::int) % ?::int) * interval '15 minutes'
           FROM generate_series(0, ?::int - 1) g`,
        [firstPatient, patientOffset, doctors, DOCTORS, date, DOCTORS, SLOTS_PER_DAY, DOCTORS, SLOTS_PER_DAY, count],
      );

    let started = performance.now();
    await insert(addDays(today, 30), count);
    const insertWithoutMessagingSeconds = (performance.now() - started) / 1000;

    await writeMessagingSettings(
      knex,
      {
        enabled: true,
        enabledKinds: ['REMINDER'],
        reminderOffsetsMinutes: [1440],
        quietStart: '00:00',
        quietEnd: '00:00',
        twilioAccountSid: TEST_TWILIO.accountSid,
        twilioAuthTokenSealed: TEST_TWILIO.authToken,
        smsFrom: '+15005550006',
        sendRatePerSecond: 1000,
        dailyCapPerPatient: 100,
      },
      null,
    );
    started = performance.now();
    await insert(addDays(today, 2), 0);
    const queueSeconds = (performance.now() - started) / 1000;
    const reminders = Number((await knex('patient_messages').where({ status: 'QUEUED', kind: 'REMINDER' }).count<{ n: string }[]>({ n: '*' }))[0]!.n);

    // The sender's clock is the appointments' day at 07:00: every reminder is due, no appointment has begun.
    const at = Date.parse(`${addDays(today, 2)}T07:00:00+05:30`) - performance.now();
    const sender = new MessageSender(knex, {
      log: (message, err) => console.error(message, err),
      now: () => at + performance.now(),
      secretBox: plainBox,
      twilioHttpClient: fake.httpClient(),
      pollMs: 3_600_000,
    });
    started = performance.now();
    sender.setActive(true);
    while (Number((await knex('patient_messages').where({ status: 'QUEUED' }).count<{ n: string }[]>({ n: '*' }))[0]!.n) > 0) await sender.runDue();
    const sendSeconds = (performance.now() - started) / 1000;
    await sender.stop();
    const sent = Number((await knex('patient_messages').where({ status: 'SENT' }).count<{ n: string }[]>({ n: '*' }))[0]!.n);
    return {
      reminders,
      queueSeconds,
      insertWithoutMessagingSeconds,
      sendSeconds,
      sentPerSecond: sent / sendSeconds,
      sentOnce: sent === reminders && fake.messages.length === reminders && new Set(fake.messages.map((m) => m.to)).size === reminders,
    };
  } finally {
    await fake.close();
  }
}
