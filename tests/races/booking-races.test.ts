import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Req } from '../../preload/contract';
import { toTime } from '../../main/availability/wall-clock';
import { openDatabase } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';
import { startHarness, type Harness } from '../support/harness';
import type { DeskMessage, DeskPlan, HostMessage } from '../support/race-desk';

// Three front-desk PCs (OS processes, each with its own pool) × ten desk clients, all booking
// the same contested times against one PostgreSQL. Server mode only: an embedded database
// belongs to one process by design.
const PROCESSES = 3;
const CLIENTS_PER_PROCESS = 10;
const CLIENTS = PROCESSES * CLIENTS_PER_PROCESS;
const DOCTOR_CONTESTS = 20;
const PATIENT_CONTESTS = 10;
const DAY = '2099-06-01';
const DAY2 = '2099-06-02';
const DESK_SCRIPT = path.join(__dirname, '../support/race-desk.ts');

type Outcome = Extract<DeskMessage, { type: 'results' }>['results'][number];

function startDesk(plan: DeskPlan): { child: ChildProcess; ready: Promise<void>; results: Promise<Outcome[]> } {
  const child = fork(DESK_SCRIPT, [], { execArgv: ['--require', 'tsx/cjs'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const results = new Promise<Outcome[]>((resolve, reject) => {
    child.on('message', (m: DeskMessage) => {
      if (m.type === 'ready') onReady();
      if (m.type === 'results') resolve(m.results);
      if (m.type === 'failed') reject(new Error(`desk process failed: ${m.message}`));
    });
    child.on('exit', (code) => reject(new Error(`desk process exited (${code}) without results`)));
  });
  // A failed desk must not leave the barrier waiting forever.
  results.catch(onReady);
  child.send({ type: 'plan', plan } satisfies HostMessage);
  return { child, ready, results };
}

describe('booking races between three PCs against one PostgreSQL', () => {
  let h: Harness;
  let dispose: () => Promise<void>;
  let outcomes: Outcome[];

  beforeAll(async () => {
    const s = await scratchServerDatabase();
    const db = await openDatabase(s.config, { schema: 'none' });
    h = await startHarness('server', db);
    dispose = async () => {
      await h.dispose();
      await db.close();
      await s.dispose();
    };

    const desks = await Promise.all(Array.from({ length: CLIENTS }, () => h.signInAs('RECEPTIONIST')));
    const insertDoctors = async (n: number, tag: string) =>
      (
        await h
          .knex('doctor_entities')
          .insert(Array.from({ length: n }, (_, i) => ({ name: `Dr. ${tag} ${i}`, email: `${tag}${i}@race.test` })))
          .returning('id')
      ).map((r: { id: number }) => r.id);
    const insertPatients = async (n: number, tag: string) =>
      (
        await h
          .knex('patient_entities')
          .insert(Array.from({ length: n }, (_, i) => ({ name: `${tag} ${i}`, email: `${tag}${i}@race.test` })))
          .returning('id')
      ).map((r: { id: number }) => r.id);
    const contestedDoctors = await insertDoctors(4, 'contested');
    const ownDoctors = await insertDoctors(CLIENTS, 'own');
    const ownPatients = await insertPatients(CLIENTS, 'own');
    const contestedPatients = await insertPatients(PATIENT_CONTESTS, 'contested');
    await h
      .knex('doctor_availabilities')
      .insert(
        [...contestedDoctors, ...ownDoctors].flatMap((doctor_id) =>
          [DAY, DAY2].map((date) => ({ doctor_id, date, start_time: '08:00', end_time: '20:00', slot_minutes: 15 })),
        ),
      );

    // Doctor contests: one doctor, one half-hour block; each client asks for an overlapping
    // 20 minutes (shifted by 0, 5 or 10) for its own patient, who is free at that time.
    // Patient contests: one patient; each client asks for the same 15 minutes with a doctor
    // of its own, so only the patient can clash.
    const names = desks.map((_, c) => `desk-${c}`);
    const bookings: DeskPlan['bookings'] = [];
    for (let k = 0; k < DOCTOR_CONTESTS; k++) {
      const block = 8 * 60 + 30 * k;
      const byClient: Record<string, Req<'appointments.book'>> = {};
      names.forEach((name, c) => {
        const shift = (c % 3) * 5;
        byClient[name] = {
          patientId: ownPatients[c]!,
          doctorId: contestedDoctors[k % 4]!,
          date: DAY,
          startTime: toTime(block + shift).slice(0, 5),
          endTime: toTime(block + shift + 20).slice(0, 5),
        };
      });
      bookings.push({ contest: `doctor-${k}`, byClient });
    }
    for (let j = 0; j < PATIENT_CONTESTS; j++) {
      const start = 9 * 60 + 30 * j;
      const byClient: Record<string, Req<'appointments.book'>> = {};
      names.forEach((name, c) => {
        byClient[name] = {
          patientId: contestedPatients[j]!,
          doctorId: ownDoctors[c]!,
          date: DAY2,
          startTime: toTime(start).slice(0, 5),
          endTime: toTime(start + 15).slice(0, 5),
        };
      });
      bookings.push({ contest: `patient-${j}`, byClient });
    }

    const running = Array.from({ length: PROCESSES }, (_, p) =>
      startDesk({
        config: s.config,
        clients: desks
          .slice(p * CLIENTS_PER_PROCESS, (p + 1) * CLIENTS_PER_PROCESS)
          .map((d, i) => ({ name: names[p * CLIENTS_PER_PROCESS + i]!, userId: d.userId })),
        bookings,
      }),
    );
    try {
      await Promise.all(running.map((d) => d.ready));
      for (const d of running) d.child.send({ type: 'go' } satisfies HostMessage);
      outcomes = (await Promise.all(running.map((d) => d.results))).flat();
    } finally {
      for (const d of running) if (d.child.exitCode === null) d.child.kill();
    }
  });

  afterAll(() => dispose?.());

  it('every contested slot has exactly one success; every other attempt is a CONFLICT', () => {
    expect(outcomes).toHaveLength(CLIENTS * (DOCTOR_CONTESTS + PATIENT_CONTESTS));
    const contests = new Map<string, Outcome[]>();
    for (const o of outcomes) contests.set(o.contest, [...(contests.get(o.contest) ?? []), o]);
    expect(contests.size).toBe(DOCTOR_CONTESTS + PATIENT_CONTESTS);
    for (const [contest, tries] of contests) {
      expect({ contest, successes: tries.filter((t) => t.ok).length }).toEqual({ contest, successes: 1 });
      const refusals = tries.filter((t) => !t.ok).map((t) => t.code!.split(':')[0]);
      expect({ contest, refusals: [...new Set(refusals)] }).toEqual({ contest, refusals: ['CONFLICT'] });
    }
    const winners = new Set(outcomes.filter((o) => o.ok).map((o) => o.client));
    console.log(
      `races: ${PROCESSES} processes × ${CLIENTS_PER_PROCESS} clients, ${DOCTOR_CONTESTS} doctor + ${PATIENT_CONTESTS} patient contested slots, ` +
        `${outcomes.length} attempts, ${outcomes.filter((o) => o.ok).length} successes (won by ${winners.size} different clients)`,
    );
  });

  it('the database holds one appointment per contest and no overlapping live appointments, per doctor or per patient', async () => {
    const live = await h.knex('appointment_entities').whereNot({ status: 'CANCELLED' }).count<{ n: string }[]>({ n: '*' });
    expect(Number(live[0]!.n)).toBe(DOCTOR_CONTESTS + PATIENT_CONTESTS);
    const overlaps = async (column: 'doctor_id' | 'patient_id') =>
      (
        await h.knex.raw(
          `SELECT count(*)::int AS n FROM appointment_entities a JOIN appointment_entities b ON a.id < b.id AND a.?? = b.??
            WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' AND a.appointment_date = b.appointment_date
              AND a.start_time < b.end_time AND b.start_time < a.end_time`,
          [column, column],
        )
      ).rows[0].n;
    expect(await overlaps('doctor_id')).toBe(0);
    expect(await overlaps('patient_id')).toBe(0);
  });
});
