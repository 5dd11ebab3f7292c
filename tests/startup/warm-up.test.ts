import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicNow } from '../../main/settings/clinic-time';
import { warmTodaysReads, type TodaysReaders } from '../../main/warm-up';
import { MODES, type Mode } from '../support/databases';
import { databaseSnapshot, startHarness, type Harness } from '../support/harness';

// Kiritimati is 14 hours ahead of UTC: at 11:00 UTC it is already tomorrow there.
const AT = Date.parse('2026-12-03T11:00:00Z');

function fakeReaders(calls: string[], overrides: Partial<TodaysReaders> = {}): TodaysReaders {
  const note = (what: string) => calls.push(what);
  return {
    settings: { get: async () => (note('settings'), { timeZone: 'Pacific/Kiritimati' }) as never },
    doctors: { list: async (filter) => (note(`doctors ${JSON.stringify(filter)}`), [{ id: 7 }, { id: 9 }] as never) },
    appointments: { list: async (ids, from, to) => (note(`day ${ids.join(',')} ${from}..${to}`), [] as never) },
    waitingRoom: { queue: async (doctorId) => (note(`queue ${doctorId ?? 'all'}`), [] as never) },
    payments: { ofDay: async (date) => (note(`money ${date}`), {} as never) },
    backups: { status: async () => (note('backups'), {} as never) },
    messaging: { inboxCount: async () => (note('inbox'), {} as never) },
    video: { waitingOnline: async (asked) => (note(`online ${JSON.stringify(asked)}`), {} as never) },
    ...overrides,
  };
}

describe("warming Today's reads", () => {
  it("reads what Today shows first, for the clinic's own today and its active doctors, one read at a time", async () => {
    const calls: string[] = [];
    const problems: unknown[] = [];
    await warmTodaysReads(
      fakeReaders(calls),
      (_m, err) => problems.push(err),
      () => AT,
    );
    expect(calls).toEqual([
      'settings',
      'doctors {"includeInactive":false}',
      'day 7,9 2026-12-04..2026-12-04',
      'queue all',
      'money 2026-12-04',
      'backups',
      'inbox',
      'online {"date":"2026-12-04"}',
    ]);
    expect(problems).toEqual([]);
  });

  it('logs a failed read and settles, without the reads after it', async () => {
    const calls: string[] = [];
    const logged: string[] = [];
    const broken = new Error('database gone');
    const warming = warmTodaysReads(
      fakeReaders(calls, {
        payments: {
          ofDay: async () => {
            throw broken;
          },
        },
      }),
      (message, err) => logged.push(`${message}: ${(err as Error).message}`),
      () => AT,
    );
    await expect(warming).resolves.toBeUndefined();
    expect(calls.at(-1)).toBe('queue all');
    expect(logged).toEqual(["warming Today's reads failed: database gone"]);
  });
});

describe.each(MODES)("the services' warm-up (%s)", (mode: Mode) => {
  let h: Harness;
  const logged: unknown[] = [];

  beforeAll(async () => {
    h = await startHarness(mode, undefined, { log: (_m, err) => logged.push(err) });
    const { date } = clinicNow('UTC', h.clock.now);
    const [{ id: doctorId }] = await h.knex('doctor_entities').insert({ name: 'Dr. Warm', email: 'warm@clinic.test' }).returning('id');
    const [{ id: patientId }] = await h.knex('patient_entities').insert({ name: 'Early Patient', phone: '+919800000001' }).returning('id');
    await h.knex('appointment_entities').insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: date, start_time: '23:00', end_time: '23:15' });
  });
  afterAll(async () => h?.dispose());

  it("makes Today's reads against the real services and writes nothing", async () => {
    const before = await databaseSnapshot(h.knex);
    await h.services.warmUp();
    expect(logged).toEqual([]);
    expect(await databaseSnapshot(h.knex)).toBe(before);
  });
});
