import type { Knex } from 'knex';
import { insertUser } from '../../main/users/repo';
import { hashPassword } from '../../main/auth/hashing';
import { readablePassword } from '../../main/demo/passwords';
import { CallFailed, type Desk } from './desk';
import { summarise, type Latency } from './latency';

export const FLOOD = 40;

export interface SignInFloodFigures {
  /** Searches by one receptionist with nothing else going on. */
  quietSearch: Latency;
  /** The same searches, one after another, while FLOOD sign-ins (all at once) are being answered. */
  floodSearch: Latency;
  signIn: Latency;
  /** Calls (sign-ins and searches) answered UNAVAILABLE: a database pool starved by a busy main thread. */
  unavailable: number;
}

/** Two to four letters from the start of real patients' names, as a receptionist types them. */
async function fragments(knex: Knex, count: number): Promise<string[]> {
  const names: string[] = await knex('patient_entities').orderByRaw('md5(id::text)').limit(count).pluck('name');
  return names.map((name, i) => name.slice(0, 2 + (i % 3)));
}

/**
 * Shift start: FLOOD staff sign in at once, each at their own PC (so no throttle refuses
 * them and every one costs a full bcrypt comparison), while a receptionist keeps searching.
 */
export async function measureSignInFlood(knex: Knex, desk: Desk): Promise<SignInFloodFigures> {
  const password = readablePassword();
  const passwordHash = await hashPassword(password);
  const emails: string[] = [];
  for (let i = 0; i < FLOOD; i++) {
    const email = `shift${i}.${process.pid}@bench.clinic`;
    await insertUser(knex, { email, passwordHash, role: 'RECEPTIONIST', displayName: `Shift ${i}`, doctorId: null });
    emails.push(email);
  }
  const typed = await fragments(knex, 200);
  let unavailable = 0;
  const search = async (query: string): Promise<number> => {
    const t = performance.now();
    try {
      await desk.call('patients.search', { query, limit: 20 });
    } catch (err) {
      if (err instanceof CallFailed && err.code === 'UNAVAILABLE') unavailable++;
      else throw err;
    }
    return performance.now() - t;
  };

  for (const q of typed.slice(0, 20)) await search(q);
  const quiet: number[] = [];
  for (const q of typed) quiet.push(await search(q));

  const signInTimes: number[] = [];
  let settled = 0;
  const flood = emails.map(async (email, i) => {
    const t = performance.now();
    const r = await desk.services.router.call('auth.login', { email, password }, { sessionKey: `shift-${i}`, workstation: `shift-pc-${i}` });
    signInTimes.push(performance.now() - t);
    settled++;
    if (!r.ok && r.error.code === 'UNAVAILABLE') unavailable++;
    else if (!r.ok) throw new Error(`sign-in ${i} refused: ${r.error.code} ${r.error.message}`);
  });
  const during: number[] = [];
  for (let i = 0; settled < FLOOD; i++) during.push(await search(typed[i % typed.length]!));
  await Promise.all(flood);
  return { quietSearch: summarise(quiet), floodSearch: summarise(during), signIn: summarise(signInTimes), unavailable };
}
