import type { Knex } from 'knex';
import { shiftDate } from '../../main/availability/wall-clock';
import type { Database } from '../../main/db/open';
import { writeMessagingSettings, type MessagingSettings } from '../../main/messaging/repo';
import type { SecretBox } from '../../main/secrets/secret-box';
import { clinicNow } from '../../main/settings/clinic-time';
import type { ServiceOptions } from '../../main/services';
import type { ChannelName, Req, Res, Result } from '../../preload/contract';
import type { Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { TEST_TWILIO } from '../support/fake-twilio';

const ZONE = 'Asia/Kolkata';
export const PATIENT_PHONE = '+919812345678';
export const STATUS_URL = 'https://clinic.example.org/twilio/messages/status';
export const INBOUND_URL = 'https://clinic.example.org/twilio/messages/inbound';

/** A reversible stand-in for the real secret store whose output is visibly not the secret. */
export const fakeSecretBox: SecretBox = {
  seal: (plain) => `sealed:${Buffer.from([...plain].reverse().join('')).toString('base64')}`,
  open: (sealed) => {
    if (!sealed.startsWith('sealed:')) throw new Error('not sealed by this box');
    return [...Buffer.from(sealed.slice(7), 'base64').toString()].reverse().join('');
  },
};

/** An instant from the clinic's wall clock (Asia/Kolkata is UTC+05:30 all year). */
export const clinicInstant = (date: string, time: string) => Date.parse(`${date}T${time}+05:30`);

/** A desk PC that takes part in the sender election; its sender only runs when the test says (runDue). */
export async function startPc(mode: Mode, db?: Database, overrides: Partial<ServiceOptions> = {}): Promise<Harness> {
  const h = await startHarness(mode, db, {
    secretBox: fakeSecretBox,
    messagingSender: { pollMs: 3_600_000, electionRetryMs: 200, backoffMs: () => 0, reconcileAfterMs: 0 },
    ...overrides,
  });
  // The clinic's zone through the settings service, whose cache would otherwise keep UTC (read as
  // the PC started) while desk.day() counts in Kolkata: wrong between 18:30 and midnight UTC.
  await h.services.settings.update({ timeZone: ZONE, clinicName: 'Sunrise Clinic' }, null);
  return h;
}

/** Messaging switched on against the fake Twilio account, no quiet hours unless asked. */
export async function configureMessaging(knex: Knex, changes: Partial<MessagingSettings> = {}): Promise<void> {
  await knex('clinic_settings').where({ id: 1 }).update({ time_zone: ZONE, clinic_name: 'Sunrise Clinic' });
  await writeMessagingSettings(
    knex,
    {
      enabled: true,
      twilioAccountSid: TEST_TWILIO.accountSid,
      twilioAuthTokenSealed: fakeSecretBox.seal(TEST_TWILIO.authToken),
      smsFrom: '+15005550006',
      whatsappFrom: '+15005550007',
      statusCallbackUrl: STATUS_URL,
      inboundUrl: INBOUND_URL,
      sendRatePerSecond: 1000,
      quietStart: '00:00',
      quietEnd: '00:00',
      ...changes,
    },
    null,
  );
}

export interface Desk {
  doctorId: number;
  patientId: number;
  receptionist: string;
  /** The clinic's date `days` from today. */
  day(days: number): string;
  /** A call from the receptionist's desk at the real time, signed in again if a clock jump idle-locked it. */
  call<C extends ChannelName>(channel: C, payload: Req<C>): Promise<Result<Res<C>>>;
  book(date: string, startTime: string, patientId?: number): Promise<{ id: number }>;
}

/** A doctor working every day 08:00–20:00 for a week ahead, a patient with an E.164 phone, and a receptionist. */
export async function openDesk(h: Harness, phone = PATIENT_PHONE): Promise<Desk> {
  let { sessionKey } = await h.signInAs('RECEPTIONIST');
  const [{ id: doctorId }] = await h
    .knex('doctor_entities')
    .insert({ name: 'Dr. Meera Rao', email: `rao.${Date.now()}@clinic.test` })
    .returning('id');
  const patientId = await addPatient(h.knex, 'Asha Verma', phone);
  const today = clinicNow(ZONE, Date.now()).date;
  await h
    .knex('doctor_availabilities')
    .insert(
      Array.from({ length: 8 }, (_, d) => ({ doctor_id: doctorId, date: shiftDate(today, d), start_time: '08:00', end_time: '20:00', slot_minutes: 15 })),
    );
  // Tests move the clock a day ahead to send, and the idle-lock sweep may run inside that jump.
  async function call<C extends ChannelName>(channel: C, payload: Req<C>): Promise<Result<Res<C>>> {
    h.clock.now = Date.now();
    const result = await h.call(channel, payload, sessionKey);
    if (result.ok || result.error.code !== 'UNAUTHENTICATED') return result;
    ({ sessionKey } = await h.signInAs('RECEPTIONIST'));
    return h.call(channel, payload, sessionKey);
  }
  return {
    doctorId,
    patientId,
    get receptionist() {
      return sessionKey;
    },
    day: (days) => shiftDate(today, days),
    call,
    async book(date, startTime, patient = patientId) {
      return expectOk<{ id: number }>(await call('appointments.book', { doctorId, patientId: patient, date, startTime }));
    },
  };
}

export async function addPatient(knex: Knex, name: string, phone: string): Promise<number> {
  const [{ id }] = await knex('patient_entities')
    .insert({ name, email: `${phone.slice(1)}@patients.test`, phone })
    .returning('id');
  return id;
}

export interface OutboxRow {
  id: number;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  due_at: Date;
  error: string | null;
  provider_id: string | null;
  body: string | null;
}

export const outboxOf = (knex: Knex, appointmentId: number): Promise<OutboxRow[]> =>
  knex('patient_messages')
    .where({ appointment_id: appointmentId })
    .orderBy([{ column: 'due_at' }, { column: 'id' }])
    .select('*');

/** Polls an async probe until it returns something (tests wait on conditions, never on the clock). */
export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
