import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Faker, base } from '@faker-js/faker';
import type { Knex } from 'knex';
import { hashPassword } from '../../main/auth/hashing';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { readablePassword } from '../../main/demo/passwords';
import { insertUser } from '../../main/users/repo';
import { distinctPatients, freeSlots, type FreeSlot } from './booking';
import { now, type DeskProcessSpec, type DeskReport } from './desk-protocol';
import type { Desk } from './desk';
import { summarise, type Latency } from './latency';

/** Desks per site: a site's desks show its doctors, so a booking there is redrawn on its desks. */
export const SITE_DESKS = 10;
/** OS processes holding the desks: one per core of this machine. */
const PROCESSES = 2;
const WARM_UP = 5;
/** How long a desk may take to hear the first probe before it counts as deaf (LISTEN never up). */
const HEARING_DEADLINE_MS = 60_000;
/** Opening is a few queries and a LISTEN per desk; a process that needs this long has failed. */
const OPENING_DEADLINE_MS = 600_000;
/** After the last booking, how long the bench waits for reports still on their way. */
const SETTLE_MS = 30_000;

export interface DesksStep {
  desks: number;
  /** Desks whose app opened (pool, schema check): the others' first problem is in `problems`. */
  opened: number;
  /** Opened desks that never heard a change: their LISTEN connection never came up. */
  deaf: number;
  /** From a booking's call on one PC to each other desk's main process hearing it. */
  heard?: Latency;
  /** From a booking's call to each desk of its site showing it in the re-read day. */
  shown?: Latency;
  /** Redraws expected (a site's desks × its bookings) that never came. */
  missed: number;
  /** The most connections the desks held on PostgreSQL at once, sampled while they booked. */
  serverConnections: number;
  problems: string[];
}

export interface DesksRun {
  /** The desks connect with this (through PgBouncer when it has `direct`). */
  config: ServerDatabaseConfig;
  /** Straight to the same PostgreSQL, as its administrator: counts the connections. */
  admin: Knex;
  database: string;
  /** The PC that books, signed in as one receptionist. */
  booker: Desk;
  doctorIds: readonly number[];
  /** The day the desks show and the bookings go to (its evening is opened for them). */
  date: string;
  bookings: number;
  /** Milliseconds between one booking's start and the next: the chain's booking rate. */
  paceMs: number;
  seed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `count` free slots on `date`, in random order: the evening is opened as added hours for every
 * doctor, so the day keeps its generated bookings (what its desks re-read) and has room for more.
 */
async function eveningSlots(knex: Knex, doctorIds: readonly number[], date: string, count: number, faker: Faker): Promise<FreeSlot[]> {
  await knex.raw(
    `INSERT INTO doctor_availabilities (doctor_id, date, start_time, end_time, slot_minutes, kind)
     SELECT d, :date, '20:00', '23:45', 15, 'EXTRA' FROM unnest(:doctorIds::bigint[]) d ON CONFLICT DO NOTHING`,
    { date, doctorIds },
  );
  const slots = (await freeSlots(knex, doctorIds, date, count)).filter((s) => s.date === date && s.startTime >= '20:00');
  if (slots.length < count) throw new Error(`${count} free evening slots wanted on ${date}, ${slots.length} found`);
  return faker.helpers.shuffle(slots).slice(0, count);
}

/** The desks' processes, and what they report as it arrives. */
class DeskFleet {
  private readonly children: ChildProcess[] = [];
  private readonly exits: Promise<void>[] = [];
  readonly reports: DeskReport[] = [];
  private listeners: (() => void)[] = [];

  start(specs: DeskProcessSpec[]): void {
    const entry = path.join(__dirname, 'desk-process.ts');
    for (const spec of specs) {
      // Its output is the pool's complaints when PostgreSQL turns desks away (reported as problems
      // already), shown only if the process fails.
      const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(spec)], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
      let stderr = '';
      const keep = (chunk: string) => (stderr = (stderr + chunk).slice(-4000));
      child.stdout!.setEncoding('utf8').on('data', keep);
      child.stderr!.setEncoding('utf8').on('data', keep);
      child.on('message', (r: DeskReport) => {
        this.reports.push(r);
        for (const l of this.listeners) l();
      });
      this.exits.push(
        new Promise((resolve) =>
          child.once('exit', (code) => {
            if (code !== 0) console.error(`A desk process exited with code ${code}; its last words:\n${stderr}`);
            resolve();
          }),
        ),
      );
      this.children.push(child);
    }
  }

  /** Resolves once `done()` holds over the reports so far, or false after `ms`. */
  async until(done: () => boolean, ms: number): Promise<boolean> {
    if (done()) return true;
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(true);
      };
      const timer = setTimeout(() => {
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve(false);
      }, ms);
      this.listeners.push(check);
    });
  }

  async stop(): Promise<void> {
    for (const child of this.children) if (child.connected) child.send('close');
    await Promise.all(this.exits);
  }
}

/**
 * `desks` desk PCs against one PostgreSQL, each connecting as the app does, in sites of
 * SITE_DESKS that show their own doctors' day. One more PC books at the chain's pace; every
 * desk hears each booking over its LISTEN connection, and its site's desks re-read the day.
 */
export async function measureDesks(run: DesksRun, desks: number): Promise<DesksStep> {
  const faker = new Faker({ locale: [base] });
  faker.seed(run.seed + desks);
  const total = WARM_UP + run.bookings;
  const date = run.date;
  const knex = run.booker.knex;
  const slots = await eveningSlots(knex, run.doctorIds, date, total, faker);
  const patients = await distinctPatients(knex, faker, total, date);
  const siteCount = Math.ceil(desks / SITE_DESKS);
  const sites = Array.from({ length: siteCount }, (_, s) => run.doctorIds.filter((_, i) => i % siteCount === s));
  const siteOf = new Map(sites.flatMap((ids, s) => ids.map((id) => [id, s] as const)));

  const passwordHash = await hashPassword(readablePassword());
  const tag = `${desks}.${Date.now()}`;
  const users: DeskProcessSpec['desks'] = [];
  for (let d = 0; d < desks; d++) {
    const user = await insertUser(knex, {
      email: `desk${d}.${tag}@bench.clinic`,
      passwordHash,
      role: 'RECEPTIONIST',
      displayName: `Desk ${d}`,
      doctorId: null,
    });
    users.push({ desk: d, userId: user.id, site: Math.floor(d / SITE_DESKS) });
  }

  const countConnections = async () =>
    Number(
      (
        await run.admin.raw(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = :database AND backend_type = 'client backend'`, {
          database: run.database,
        })
      ).rows[0].n,
    );
  const before = await countConnections();
  const fleet = new DeskFleet();
  const perProcess = Math.ceil(desks / PROCESSES);
  fleet.start(
    Array.from({ length: PROCESSES }, (_, p) => ({ config: run.config, desks: users.slice(p * perProcess, (p + 1) * perProcess), sites, date })).filter(
      (spec) => spec.desks.length > 0,
    ),
  );
  const problems = new Set<string>();
  try {
    const processes = Math.ceil(desks / perProcess);
    if (!(await fleet.until(() => fleet.reports.filter((r) => r.type === 'ready').length === processes, OPENING_DEADLINE_MS)))
      throw new Error(`The desks' processes did not open their desks within ${OPENING_DEADLINE_MS / 60_000} minutes`);
    const openedDesks = new Set<number>();
    for (const r of fleet.reports) {
      if (r.type !== 'opened') continue;
      if (r.problem) problems.add(r.problem);
      else openedDesks.add(r.desk);
    }

    // Each desk's LISTEN opens in the background: touch a probe row until every desk has heard it.
    const [{ id: probeId }] = await knex('patient_entities')
      .insert({ name: 'Desk probe', email: `probe.${tag}@bench.clinic` })
      .returning('id');
    const probe = Number(probeId); // bigint ids come back as strings
    const heardProbe = () => new Set(fleet.reports.flatMap((r) => (r.type === 'heard' && r.table === 'patient_entities' && r.id === probe ? [r.desk] : [])));
    const deadline = Date.now() + HEARING_DEADLINE_MS;
    // A write that changes nothing sends nothing, so each touch renames it.
    for (let touch = 1; heardProbe().size < openedDesks.size && Date.now() < deadline; touch++) {
      await knex('patient_entities')
        .where({ id: probe })
        .update({ name: `Desk probe ${touch}` });
      await fleet.until(() => heardProbe().size >= openedDesks.size, 250);
    }
    const hearing = heardProbe();

    let serverConnections = 0;
    const started = new Map<number, { at: number; site: number }>();
    for (let i = 0; i < total; i++) {
      const slot = slots[i]!;
      const at = now();
      try {
        const booked = await run.booker.call('appointments.book', {
          patientId: patients[i]!,
          doctorId: slot.doctorId,
          date,
          startTime: slot.startTime,
          endTime: slot.endTime,
          reason: 'Bench booking',
        });
        if (i >= WARM_UP) started.set(booked.id, { at, site: siteOf.get(slot.doctorId)! });
      } catch (err) {
        problems.add(`booking: ${(err as Error).message}`);
      }
      serverConnections = Math.max(serverConnections, (await countConnections()) - before);
      await sleep(Math.max(0, at + run.paceMs - now()));
    }

    const siteDesks = (site: number) => [...hearing].filter((d) => users[d]!.site === site).length;
    const expectedShown = [...started.values()].reduce((sum, b) => sum + siteDesks(b.site), 0);
    const shownReports = () => fleet.reports.filter((r) => r.type === 'shown' && started.has(r.id));
    await fleet.until(() => shownReports().length >= expectedShown, SETTLE_MS);

    // A desk's first report of a booking counts (a later change to the same row is another event).
    const first = { heard: new Map<string, number>(), shown: new Map<string, number>() };
    for (const r of fleet.reports) {
      if (r.type === 'failed') problems.add(r.problem);
      if ((r.type === 'heard' && r.table === 'appointment_entities') || r.type === 'shown') {
        const b = started.get(r.id);
        const seen = first[r.type];
        if (b && !seen.has(`${r.desk}:${r.id}`)) seen.set(`${r.desk}:${r.id}`, r.at - b.at);
      }
    }
    const heard = [...first.heard.values()];
    const shown = [...first.shown.values()];
    return {
      desks,
      opened: openedDesks.size,
      deaf: openedDesks.size - hearing.size,
      ...(heard.length ? { heard: summarise(heard) } : {}),
      ...(shown.length ? { shown: summarise(shown) } : {}),
      missed: expectedShown - shown.length,
      serverConnections,
      problems: [...problems],
    };
  } finally {
    await fleet.stop();
  }
}

/** The step works: every desk opened, heard and redrew every booking, with nothing refused. */
export const stepHeld = (s: DesksStep) => s.opened === s.desks && s.deaf === 0 && s.missed === 0 && s.problems.length === 0;
