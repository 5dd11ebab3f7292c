import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Faker, base } from '@faker-js/faker';
import type { Knex } from 'knex';
import type { Desk } from './desk';
import type { LatencyCase } from './rounds';

interface Sampled {
  id: number;
  name: string;
  phone: string | null;
}

/** The search figures' cases, and what they observe across rounds. */
export interface SearchCases {
  cases: LatencyCase[];
  /** Share of typo searches with the intended patient (or a namesake) among the first five. */
  typoRecall(): number;
  /** The event loop's delay p99 while the searches ran, in ms: the worst round's. */
  eventLoopP99Ms(): number;
}

/** Random existing patients, from a fixed seed. */
async function samplePatients(knex: Knex, faker: Faker, count: number): Promise<Sampled[]> {
  const { min, max } = (await knex('patient_entities').min('id as min').max('id as max').first()) as { min: number; max: number };
  const ids = Array.from({ length: count * 2 }, () => faker.number.int({ min: Number(min), max: Number(max) }));
  const rows: Sampled[] = await knex('patient_entities').whereIn('id', ids).select('id', 'name', 'phone');
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is Sampled => r !== undefined)
    .slice(0, count);
}

/**
 * What a receptionist types: the start of a first name or a surname, 2–20 letters (a quarter
 * of the time, 2–10 digits of a phone number, from its start or from inside it).
 */
function fragmentOf(faker: Faker, p: Sampled): string {
  const national = (p.phone ?? '').replace(/\D/g, '').slice(-10);
  if (national.length === 10 && faker.number.float() < 0.25) {
    const start = faker.number.float() < 0.7 ? 0 : faker.number.int({ min: 0, max: 8 });
    return national.slice(start, start + faker.number.int({ min: 2, max: 10 - start }));
  }
  const wordStarts = [...p.name.matchAll(/(^|\s)(\S)/g)].map((m) => m.index + m[1]!.length);
  const start = faker.helpers.arrayElement(wordStarts);
  const rest = p.name.length - start;
  const fragment = p.name.slice(start, start + faker.number.int({ min: Math.min(2, rest), max: Math.min(20, rest) })).trim();
  return fragment.length >= 2 ? fragment : p.name.slice(0, 2);
}

/** The full name with one letter of one word (of four letters or more) replaced by another. */
function withTypo(faker: Faker, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => ({ w, i })).filter(({ w }) => w.length >= 4);
  if (candidates.length === 0) return name;
  const { w, i } = faker.helpers.arrayElement(candidates);
  const at = faker.number.int({ min: 1, max: w.length - 1 });
  const original = w[at]!.toLowerCase();
  let letter = original;
  while (letter === original) letter = faker.string.alpha({ length: 1, casing: 'lower' });
  words[i] = w.slice(0, at) + letter + w.slice(at + 1);
  return words.join(' ');
}

/**
 * The query a finder without an index would run: every name and phone read and matched,
 * index scans switched off so the planner cannot use the trigram indexes.
 */
function naiveSearch(knex: Knex, q: string): Promise<unknown> {
  const contains = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return knex.transaction(async (trx) => {
    await trx.raw('SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_indexonlyscan = off');
    return trx('patient_entities')
      .select('id', 'name', 'phone', 'email', 'date_of_birth', 'gender')
      .where('name', 'ilike', contains)
      .orWhere('phone', 'ilike', contains)
      .orderBy(['name', 'id'])
      .limit(20);
  });
}

export async function searchCases(desk: Desk, ops: number, naiveOps: number, seed: number): Promise<SearchCases> {
  const faker = new Faker({ locale: [base] });
  faker.seed(seed);
  const patients = await samplePatients(desk.knex, faker, ops);
  const fragments = patients.map((p) => fragmentOf(faker, p));
  const typos = patients.map((p) => ({ p, query: withTypo(faker, p.name) }));

  // One monitor per round: re-enabled, a monitor's first sample spans the whole time it was
  // off (other figures, the reopen), which became the p99 when a round's calls were quick.
  const rounds: IntervalHistogram[] = [];
  let found = 0;
  let tried = 0;
  const cases: LatencyCase[] = [
    {
      id: 'search',
      label: 'patient search as you type',
      inputs: fragments,
      run: (query: string) => desk.call('patients.search', { query, limit: 20 }),
      observe: () => {
        const delay = monitorEventLoopDelay({ resolution: 10 });
        delay.enable();
        rounds.push(delay);
        return () => delay.disable();
      },
    },
    {
      id: 'search.naive',
      label: "naive ILIKE '%q%' (no index)",
      inputs: fragments.slice(0, naiveOps),
      run: (q: string) => naiveSearch(desk.knex, q),
      warmUp: Math.min(5, naiveOps),
    },
    {
      id: 'search.typo',
      label: 'typo-tolerant search (one letter wrong)',
      inputs: typos,
      run: async ({ p, query }: { p: Sampled; query: string }) => {
        const hits = await desk.call('patients.search', { query, limit: 20 });
        tried++;
        if (hits.slice(0, 5).some((h) => h.id === p.id || h.name === p.name)) found++;
      },
      warmUp: 0,
    },
  ];
  return { cases, typoRecall: () => found / tried, eventLoopP99Ms: () => Math.max(...rounds.map((d) => d.percentile(99))) / 1e6 };
}
