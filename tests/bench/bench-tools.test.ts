import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUnnest } from '../../bench/generate/bulk';
import { loadClinic } from '../../bench/generate/clinic';
import { PeopleSource } from '../../bench/generate/people';
import { measureBundle } from '../../bench/measure/bundle';
import { postgresCpuClock } from '../../bench/measure/pg-cpu';
import { summarise } from '../../bench/measure/latency';
import { ROUNDS, runInRounds, type LatencyCase } from '../../bench/measure/rounds';
import type { Scale } from '../../bench/scale';
import { ADMIN_URL, MODES, openMigrated } from '../support/databases';
import { waitFor } from '../support/wait';

describe('latency summary', () => {
  it('takes nearest-rank percentiles whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarise(samples)).toEqual({ ops: 100, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(summarise([7])).toEqual({ ops: 1, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(() => summarise([])).toThrow(/No samples/);
  });
});

describe('latency figures in rounds', () => {
  it('reopens before each round, runs every case over all its inputs each round, and names the median and worst round', async () => {
    const events: string[] = [];
    const seen = new Map<string, number[][]>([
      ['a', []],
      ['b', []],
    ]);
    const caseOf = (id: string): LatencyCase<number> => ({
      id,
      label: id,
      inputs: [1, 2, 3, 4, 5, 6],
      warmUp: 0,
      run: async (n: number) => {
        if (events.at(-1) !== id) events.push(id);
        seen.get(id)!.at(-1)!.push(n);
      },
    });
    const rounds = await runInRounds(
      [caseOf('a'), caseOf('b')],
      7,
      async () => {
        events.push('reopen');
        for (const runs of seen.values()) runs.push([]);
      },
      () => undefined,
    );
    expect(events.filter((e) => e === 'reopen')).toHaveLength(ROUNDS);
    expect(events.filter((e) => e !== 'reopen')).toHaveLength(2 * ROUNDS);
    for (const runs of seen.values()) {
      expect(runs).toHaveLength(ROUNDS);
      for (const run of runs) expect([...run].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    }
    // Shuffled: with a fixed seed, not every round meets the inputs in the order given.
    expect([...seen.values()].flat().some((run) => run.join() !== '1,2,3,4,5,6')).toBe(true);
    for (const id of ['a', 'b']) {
      const r = rounds.get(id)!;
      expect(r.rounds).toHaveLength(ROUNDS);
      expect(r.worst.p95).toBe(Math.max(...r.rounds.map((x) => x.p95)));
      expect(r.median.p95).toBe(r.rounds.map((x) => x.p95).sort((x, y) => x - y)[Math.floor((ROUNDS - 1) / 2)]);
    }
  });
});

describe('generated people', () => {
  it('are the same for the same seed, varied, and numbered on across batches', () => {
    const a = new PeopleSource(7).patients(400, 1, '2026-11-25');
    const b = new PeopleSource(7).patients(400, 1, '2026-11-25');
    expect(b).toEqual(a);
    expect(new Set(a.map((p) => p.name)).size).toBeGreaterThan(380);
    expect(new Set(a.map((p) => p.name.split(' ')[0])).size).toBeGreaterThan(200);
    const next = new PeopleSource(7).patients(3, 401, '2026-11-25');
    next.forEach((p, i) => expect(p.email).toMatch(new RegExp(`${401 + i}@example\\.com$`)));
    expect(new PeopleSource(8).patients(5, 1, '2026-11-25')).not.toEqual(a.slice(0, 5));
  });
});

describe('renderer bundle measure', () => {
  let dir: string;
  const write = (file: string, text: string) => fs.writeFileSync(path.join(dir, file), text);
  const manifest = (chunks: Record<string, { file: string; imports?: string[] }>) => write('.vite/manifest.json', JSON.stringify(chunks));
  // The sign-in entry imports vendor.js; signing in fetches the shell, which imports vendor.js
  // too and the Today screen's helpers; the video chunk is fetched only for a call.
  const BUILD = {
    'index.html': { file: 'assets/index.js', imports: ['_vendor.js'] },
    'shell.tsx': { file: 'assets/shell.js', imports: ['_vendor.js', '_today-helpers.js'] },
    '_today-helpers.js': { file: 'assets/today-helpers.js' },
    '_vendor.js': { file: 'assets/vendor.js' },
    'video.ts': { file: 'assets/video.js', imports: ['_vendor.js'] },
  };
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bundle-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.mkdirSync(path.join(dir, '.vite'));
    write('assets/index.js', 'import{a}from"./vendor.js";const v=()=>import("./video.js");a(v);');
    write('assets/vendor.js', 'export const a=(f)=>f;'.repeat(50));
    write('assets/shell.js', 'import"./vendor.js";import"./today-helpers.js";');
    write('assets/today-helpers.js', 'export const h=1;');
    write('assets/video.js', 'export const connect=()=>"https://sdk.twilio.com/js/video/releases/2.36.0/docs/twilio-video.html";');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts each start module with its static imports, each file once, and not the lazy chunk that holds twilio-video', () => {
    manifest(BUILD);
    const b = measureBundle(dir, ['index.html', 'shell.tsx']);
    expect(b.initialFiles.sort()).toEqual(['assets/index.js', 'assets/shell.js', 'assets/today-helpers.js', 'assets/vendor.js']);
    expect(b.twilioChunks).toEqual(['assets/video.js']);
    expect(b.twilioInInitial).toBe(false);
    expect(b.initialJsGzip).toBeGreaterThan(0);
    expect(b.initialJsGzip).toBeLessThan(fs.statSync(path.join(dir, 'assets', 'vendor.js')).size);
    expect(measureBundle(dir, ['index.html']).initialFiles.sort()).toEqual(['assets/index.js', 'assets/vendor.js']);
  });

  it('notices twilio-video pulled into the initial JavaScript', () => {
    manifest({ ...BUILD, 'shell.tsx': { file: 'assets/shell.js', imports: ['_vendor.js', 'video.ts'] } });
    expect(measureBundle(dir, ['index.html', 'shell.tsx']).twilioInInitial).toBe(true);
  });

  it('refuses a start module the build does not have as a chunk, rather than counting less', () => {
    manifest(BUILD);
    expect(() => measureBundle(dir, ['index.html', 'today.tsx'])).toThrow(/today\.tsx is no chunk of the build/);
    manifest({ ...BUILD, 'shell.tsx': { file: 'assets/shell.js', imports: ['_gone.js'] } });
    expect(() => measureBundle(dir, ['index.html', 'shell.tsx'])).toThrow(/_gone\.js \(imported by shell\.tsx\) is no chunk/);
  });
});

const TINY: Scale = {
  patients: 300,
  doctors: 10,
  daysBefore: 7,
  daysAfter: 7,
  ops: 0,
  naiveOps: 0,
  bookings: 0,
  raceRounds: 0,
  pgbenchScale: 0,
  pgbenchSeconds: 0,
};

describe.each(MODES)('bench loader (%s)', (mode) => {
  let scratch: Awaited<ReturnType<typeof openMigrated>>;
  beforeAll(async () => {
    scratch = await openMigrated(mode);
  });
  afterAll(() => scratch.dispose());

  it('inserts a batch through unnest, ids in row order, or nothing when a row is refused', async () => {
    const knex = scratch.db.knex;
    const columns = { name: 'text', email: 'text', phone: 'text', gender: 'text' } as const;
    const rows = [
      { name: "Anne D'Souza", email: 'unnest1@example.com', phone: null, gender: 'FEMALE' },
      { name: 'Ravi, "Jr"', email: 'unnest2@example.com', phone: '+919800000001', gender: 'MALE' },
    ];
    const ids = await insertUnnest(knex, 'patient_entities', columns, rows, true);
    const back = await knex('patient_entities').whereIn('id', ids).select('id', 'name', 'phone');
    expect(ids.map((id) => back.find((r) => Number(r.id) === id))).toEqual([
      { id: ids[0], name: "Anne D'Souza", phone: null },
      { id: ids[1], name: 'Ravi, "Jr"', phone: '+919800000001' },
    ]);
    const refused = [
      { name: 'Fine', email: 'unnest3@example.com', phone: null, gender: 'MALE' },
      { name: 'Bad', email: 'unnest4@example.com', phone: null, gender: 'X' },
    ];
    await expect(insertUnnest(knex, 'patient_entities', columns, refused)).rejects.toThrow();
    expect(Number((await knex('patient_entities').whereIn('email', ['unnest3@example.com', 'unnest4@example.com']).count({ n: '*' }).first())?.n)).toBe(0);
  });

  it('loads a clinic whose rows match its report and keep the clinic’s rules', async () => {
    const knex = scratch.db.knex;
    await knex('patient_entities').del();
    const report = await loadClinic(knex, TINY, () => undefined);
    const count = async (table: string) => Number((await knex(table).count({ n: '*' }).first())?.n);
    expect(report.rows).toEqual({
      patients: await count('patient_entities'),
      doctors: await count('doctor_entities'),
      availabilityWindows: await count('doctor_availabilities'),
      appointments: await count('appointment_entities'),
      payments: await count('payments'),
    });
    expect(report.rows.patients).toBe(300);
    expect(report.rows.appointments).toBeGreaterThan(100);
    // Paid exactly for the completed ones, each before today; receipts continue from the counters.
    const unpaid = await knex('appointment_entities as a')
      .leftJoin('payments as p', 'p.appointment_id', 'a.id')
      .where('a.status', 'COMPLETED')
      .whereNull('p.id')
      .count({ n: '*' })
      .first();
    expect(Number(unpaid?.n)).toBe(0);
    const wrong = await knex('payments as p')
      .join('appointment_entities as a', 'a.id', 'p.appointment_id')
      .whereNot('a.status', 'COMPLETED')
      .count({ n: '*' })
      .first();
    expect(Number(wrong?.n)).toBe(0);
    const last = await knex('payments').max('order_id as max').first();
    const counter = await knex('receipt_counters').orderBy('year', 'desc').first();
    expect(last?.max).toBe(`CD-${counter.year}-${String(counter.last_no).padStart(6, '0')}`);
    // Every live booking lies inside one of its doctor's working windows that day.
    const outside = await knex('appointment_entities as a')
      .whereNot('a.status', 'CANCELLED')
      .whereNotExists(
        knex('doctor_availabilities as w').whereRaw(
          'w.doctor_id = a.doctor_id AND w.date = a.appointment_date AND w.is_available AND w.start_time <= a.start_time AND w.end_time >= a.end_time',
        ),
      )
      .count({ n: '*' })
      .first();
    expect(Number(outside?.n)).toBe(0);
  });
});

describe.skipIf(!MODES.includes('server'))('PostgreSQL’s CPU clock (the test server runs on this machine)', () => {
  it('counts a backend’s CPU, still after its connection has closed and the postmaster has reaped it', async () => {
    const connect = () => knexFactory({ client: 'pg', connection: ADMIN_URL, pool: { min: 0, max: 1 } });
    const watcher = connect();
    const worker = connect();
    try {
      const clock = await postgresCpuClock(watcher);
      expect(clock).toBeDefined();
      const before = clock!();
      const { rows } = await worker.raw('SELECT pg_backend_pid() AS pid');
      await worker.raw('SELECT sum(i) FROM generate_series(1, 10000000) i');
      await worker.destroy();
      await waitFor('the worker’s backend gone', () => (fs.existsSync(`/proc/${rows[0].pid}`) ? undefined : true));
      expect(clock!() - before).toBeGreaterThanOrEqual(100);
    } finally {
      await worker.destroy();
      await watcher.destroy();
    }
  });

  it('is undefined for a server that is not a process of this machine', async () => {
    const stranger = { raw: async () => ({ rows: [{ pid: 0 }] }) } as unknown as Knex;
    expect(await postgresCpuClock(stranger)).toBeUndefined();
  });
});
