import { Faker, base } from '@faker-js/faker';
import type { Knex } from 'knex';
import { liveAppointmentsOfDoctors } from '../../main/appointments/repo';
import { windowsInRange } from '../../main/availability/repo';
import { freeSlotsOfDay } from '../../main/availability/slots';
import { addDays } from '../../main/demo/calendar';
import { groupBy } from '../../preload/contract/group-by';
import { CallFailed, type Desk } from './desk';
import { summarise, type Latency } from './latency';

export interface FreeSlot {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
}

export interface BookingFigures {
  bookingsPerSecond: number;
  booked: number;
  failed: number;
  latency: Latency;
  raceRounds: number;
  /** Rounds with exactly one booking made and every other refused as a CONFLICT. */
  racePassed: number;
  /** PostgreSQL's CPU per booking made, in ms, where it can be read (bench/measure/pg-cpu.ts). */
  serverCpuMs?: number;
}

export const CLIENTS = 16;

/** Free slots from tomorrow on (today's may pass while the benchmark runs), day by day. */
export async function freeSlots(knex: Knex, doctorIds: readonly number[], from: string, wanted: number): Promise<FreeSlot[]> {
  const out: FreeSlot[] = [];
  for (let start = from; out.length < wanted; start = addDays(start, 7)) {
    const end = addDays(start, 6);
    const [windows, booked] = await Promise.all([windowsInRange(knex, doctorIds, start, end), liveAppointmentsOfDoctors(knex, doctorIds, start, end)]);
    if (windows.length === 0) throw new Error(`Only ${out.length} free slots before ${start}; ${wanted} wanted`);
    const key = (doctorId: number, date: string) => `${doctorId}|${date}`;
    const bookedBy = groupBy(booked, (b) => key(b.doctorId, b.date));
    for (const [k, own] of groupBy(windows, (w) => key(w.doctorId, w.date))) {
      const { doctorId, date } = own[0]!;
      const slots = freeSlotsOfDay(
        own.filter((w) => w.available),
        own.filter((w) => !w.available),
        bookedBy.get(k) ?? [],
      );
      for (const s of slots) out.push({ doctorId, date, ...s });
    }
  }
  return out;
}

/**
 * Distinct random patients with nothing booked from `from` on, so that no booking can clash
 * with another, or with the generated clinic's own appointments, on the patient's side.
 */
export async function distinctPatients(knex: Knex, faker: Faker, count: number, from: string): Promise<number[]> {
  const { min, max } = (await knex('patient_entities').min('id as min').max('id as max').first()) as { min: number; max: number };
  if (Number(max) - Number(min) + 1 < count) throw new Error(`${count} distinct patients wanted, the clinic has fewer`);
  const ids = new Set<number>();
  while (ids.size < count) {
    const candidates = new Set<number>();
    while (candidates.size < count - ids.size) {
      const id = faker.number.int({ min: Number(min), max: Number(max) });
      if (!ids.has(id)) candidates.add(id);
    }
    const busy = new Set(
      (
        await knex('appointment_entities')
          .whereIn('patient_id', [...candidates])
          .where('appointment_date', '>=', from)
          .whereNot('status', 'CANCELLED')
          .distinct()
          .pluck('patient_id')
      ).map(Number),
    );
    for (const id of candidates) if (!busy.has(id)) ids.add(id);
  }
  return [...ids];
}

const book = (desk: Desk, client: number, patientId: number, s: FreeSlot) =>
  desk.call(
    'appointments.book',
    { patientId, doctorId: s.doctorId, date: s.date, startTime: s.startTime, endTime: s.endTime, reason: 'Bench booking' },
    client,
  );

/**
 * 16 desks booking at once, each into its own doctors' free slots (as desks of different
 * departments would), then 16 desks all trying to take the same slot, round after round.
 */
export async function measureBooking(
  knex: Knex,
  desk: Desk,
  doctorIds: readonly number[],
  today: string,
  bookings: number,
  rounds: number,
  seed: number,
  cpu?: () => number,
): Promise<BookingFigures> {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const slots = faker.helpers.shuffle(await freeSlots(knex, doctorIds, addDays(today, 1), Math.ceil(bookings * 1.5) + rounds));
  const raceSlots = slots.splice(0, rounds);
  const patients = await distinctPatients(knex, faker, bookings + rounds * CLIENTS, addDays(today, 1));

  const queues = Array.from({ length: CLIENTS }, (_, c) => slots.filter((s) => doctorIds.indexOf(s.doctorId) % CLIENTS === c));
  const perClient = Math.floor(bookings / CLIENTS);
  const samples: number[] = [];
  let failed = 0;
  let next = 0;
  const started = performance.now();
  const cpuBefore = cpu?.();
  await Promise.all(
    queues.map(async (queue, client) => {
      for (const slot of queue.slice(0, perClient)) {
        const t = performance.now();
        try {
          await book(desk, client, patients[next++]!, slot);
          samples.push(performance.now() - t);
        } catch (err) {
          failed++;
          if (failed <= 3) console.error(`  booking failed: ${(err as Error).message}`);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const serverCpuMs = cpu && cpuBefore !== undefined ? (cpu() - cpuBefore) / samples.length : undefined;

  let racePassed = 0;
  for (const slot of raceSlots) {
    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, (_, client) =>
        book(desk, client, patients[next++]!, slot).then(
          () => 'BOOKED',
          (err: unknown) => (err instanceof CallFailed ? err.code : String(err)),
        ),
      ),
    );
    if (outcomes.filter((o) => o === 'BOOKED').length === 1 && outcomes.filter((o) => o === 'CONFLICT').length === CLIENTS - 1) racePassed++;
  }

  return {
    bookingsPerSecond: samples.length / seconds,
    booked: samples.length,
    failed,
    latency: summarise(samples),
    raceRounds: raceSlots.length,
    racePassed,
    ...(serverCpuMs === undefined ? {} : { serverCpuMs }),
  };
}
