import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelName, Req, Result } from '../../preload/contract';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { fakeClinic } from '../renderer/fake-clinic';
import { TODAY, fakeDesk } from '../renderer/fake-desk';

/**
 * The renderer's component tests run over an in-memory fake of main (tests/renderer/fake-desk).
 * A fake that answers differently from main lets a screen pass against replies the app never
 * sees: here one front-desk scenario runs on the real router and on the fake, step by step, and
 * the replies must agree (codes, messages, fields, and money as decimal strings).
 */
type Call = <C extends ChannelName>(channel: C, req: Req<C>, as?: 'desk' | 'admin') => Promise<Result<unknown>>;
interface Side {
  call: Call;
  doctor(name: string): number;
  patient(name: string): number;
}

type Step = { label: string; run(side: Side, ids: Map<string, number>): Promise<unknown> };

const value = (r: Result<unknown>) => (r.ok ? (r.value as Record<string, unknown>) : undefined);
/** The parts of a reply the screens rely on: the whole error, or the named fields of the value. */
const shape = (r: Result<unknown>, fields: string[]) =>
  r.ok ? { ok: true, ...Object.fromEntries(fields.map((f) => [f, value(r)![f]])) } : { ok: false, error: r.error };
const remember = (ids: Map<string, number>, key: string, r: Result<unknown>) => {
  if (r.ok) ids.set(key, (r.value as { id: number }).id);
  return r;
};

const BOOKED = ['status', 'date', 'startTime', 'endTime', 'patientName', 'doctorName', 'tokenNo', 'checkedInAt', 'isWalkIn', 'reason'];
const MONEY = ['kind', 'status', 'amount', 'refunded', 'currency', 'method', 'patientName', 'doctorName'];

const SCENARIO: Step[] = [
  {
    label: 'a booking',
    run: async (s, ids) =>
      shape(
        remember(
          ids,
          'first',
          await s.call('appointments.book', {
            patientId: s.patient('Asha Verma'),
            doctorId: s.doctor('Dr. Anil Rao'),
            date: TODAY,
            startTime: '09:00',
            reason: 'Fever',
          }),
        ),
        BOOKED,
      ),
  },
  {
    label: "another patient in the doctor's booked time",
    run: async (s) =>
      shape(
        await s.call('appointments.book', { patientId: s.patient('Ravi Kumar'), doctorId: s.doctor('Dr. Anil Rao'), date: TODAY, startTime: '09:00' }),
        BOOKED,
      ),
  },
  {
    label: 'the same patient with another doctor at the same time',
    run: async (s) =>
      shape(
        await s.call('appointments.book', { patientId: s.patient('Asha Verma'), doctorId: s.doctor('Dr. Sara Khan'), date: TODAY, startTime: '09:00' }),
        BOOKED,
      ),
  },
  { label: 'a check-in', run: async (s, ids) => shape(await s.call('appointments.checkIn', { id: ids.get('first')! }), ['status', 'tokenNo']) },
  { label: 'the same check-in again', run: async (s, ids) => shape(await s.call('appointments.checkIn', { id: ids.get('first')! }), ['status', 'tokenNo']) },
  {
    label: "the doctor's fee taken in cash",
    run: async (s, ids) => shape(remember(ids, 'payment', await s.call('payments.record', { appointmentId: ids.get('first')!, method: 'CASH' })), MONEY),
  },
  {
    label: 'a refund of more than was paid',
    run: async (s, ids) => shape(await s.call('payments.refund', { paymentId: ids.get('payment')!, amount: '600.00', reason: 'Overcharged' }, 'admin'), MONEY),
  },
  {
    label: 'a part refund',
    run: async (s, ids) =>
      shape(await s.call('payments.refund', { paymentId: ids.get('payment')!, amount: '200.50', reason: 'Test not done' }, 'admin'), MONEY),
  },
  {
    label: 'a refund of more than is left',
    run: async (s, ids) => shape(await s.call('payments.refund', { paymentId: ids.get('payment')!, amount: '300', reason: 'Again' }, 'admin'), MONEY),
  },
  {
    label: "the appointment's money",
    run: async (s, ids) => {
      const r = await s.call('payments.forAppointment', { appointmentId: ids.get('first')! });
      return r.ok ? { payments: (value(r)!.payments as unknown[]).length, totals: value(r)!.totals } : r;
    },
  },
  {
    label: 'a UPI payment still to arrive, for a visit with the other doctor',
    run: async (s, ids) => {
      const booked = remember(
        ids,
        'second',
        await s.call('appointments.book', { patientId: s.patient('Ravi Kumar'), doctorId: s.doctor('Dr. Sara Khan'), date: TODAY, startTime: '10:00' }),
      );
      if (!booked.ok) return booked;
      return shape(await s.call('payments.record', { appointmentId: ids.get('second')!, method: 'UPI', reference: '412345678901', pending: true }), MONEY);
    },
  },
  {
    label: "the day's money on the Today board",
    run: async (s) => {
      const r = await s.call('payments.ofDay', { date: TODAY });
      if (!r.ok) return r;
      const day = value(r) as { appointments: { balance: string; pending: string; due: string | null }[]; pending: Record<string, unknown>[] };
      return {
        appointments: day.appointments.map(({ balance, pending, due }) => ({ balance, pending, due })),
        pending: day.pending.map((p) => Object.fromEntries(MONEY.map((f) => [f, p[f]]))),
      };
    },
  },
];

async function runScenario(side: Side): Promise<Record<string, unknown>> {
  const ids = new Map<string, number>();
  const replies: Record<string, unknown> = {};
  for (const step of SCENARIO) replies[step.label] = await step.run(side, ids);
  return replies;
}

function fakeSide(): Side {
  const desk = fakeDesk('RECEPTIONIST');
  const { api } = fakeClinic(desk.handlers);
  const invoke = (channel: string, req: unknown) => {
    const [ns, method] = channel.split('.') as [string, string];
    return (api as unknown as Record<string, Record<string, (r: unknown) => Promise<Result<unknown>>>>)[ns]![method]!(req);
  };
  return {
    call: (channel, req) => invoke(channel, req),
    doctor: (name) => desk.state.doctors.find((d) => d.name === name)!.id,
    patient: (name) => desk.state.patients.find((p) => p.name === name)!.id,
  };
}

async function realSide(h: Harness): Promise<Side> {
  // The fake's clinic: UTC, rupees, two doctors working 09:00–13:00 today, two patients. The
  // clock stands at 08:00 today so 09:00 is still ahead whenever the suite runs.
  h.clock.now = Date.parse(`${TODAY}T08:00:00Z`);
  const desk = await h.signInAs('RECEPTIONIST');
  const admin = await h.signInAs('ADMIN');
  expectOk(await h.call('settings.update', { timeZone: 'UTC', currency: 'INR' }, admin.sessionKey));
  const doctors = new Map<string, number>();
  const patients = new Map<string, number>();
  for (const [name, fee] of [
    ['Dr. Anil Rao', '500.00'],
    ['Dr. Sara Khan', '700.00'],
  ] as const) {
    const d = expectOk<{ id: number }>(
      await h.call('doctors.create', { name, email: `${name.slice(4, 8).toLowerCase()}@parity.test`, consultationFee: fee }, admin.sessionKey),
    );
    await h.knex('doctor_availabilities').insert({ doctor_id: d.id, date: TODAY, start_time: '09:00', end_time: '13:00' });
    doctors.set(name, d.id);
  }
  for (const [name, dateOfBirth, phone] of [
    ['Asha Verma', '1990-04-12', '+919811000001'],
    ['Ravi Kumar', '1985-01-30', '+919811000002'],
  ] as const) {
    const [{ id }] = await h
      .knex('patient_entities')
      .insert({ name, date_of_birth: dateOfBirth, phone, email: `${name.slice(0, 4).toLowerCase()}@parity.test` })
      .returning('id');
    patients.set(name, id);
  }
  return {
    call: (channel, req, as = 'desk') => h.call(channel, req, (as === 'admin' ? admin : desk).sessionKey),
    doctor: (name) => doctors.get(name)!,
    patient: (name) => patients.get(name)!,
  };
}

describe.each(MODES)("the renderer's fake desk answers as main does (%s)", (mode: Mode) => {
  let h: Harness;
  let real: Record<string, unknown>;
  let fake: Record<string, unknown>;

  beforeAll(async () => {
    h = await startHarness(mode);
    real = await runScenario(await realSide(h));
    fake = await runScenario(fakeSide());
  });
  afterAll(() => h.dispose());

  it.each(SCENARIO.map((s) => s.label))('%s', (label) => {
    expect(fake[label]).toEqual(real[label]);
  });
});
