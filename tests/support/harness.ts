import type { Knex } from 'knex';
import type { ChannelName, EventName, Req, Res, Result, Role } from '../../preload/contract';
import bcrypt from 'bcryptjs';
import { migrateToLatest } from '../../main/db/migrator';
import type { Database } from '../../main/db/open';
import { createServices, type MainServices, type ServiceOptions } from '../../main/services';
import { insertUser } from '../../main/users/repo';
import { openMigrated, type Mode } from './databases';
import { FakeRazorpay } from './fake-razorpay';
import { FakeTwilio } from './fake-twilio';
import { testKeys } from './keys';

export const TEST_PASSWORD = 'correct horse battery staple';
let testHash: Promise<string> | undefined;
/**
 * One real bcrypt hash per process, at bcrypt's least cost: every sign-in of a user made here
 * compares against it, and at the app's own cost (pinned by auth.test.ts for accounts the app
 * makes) those sign-ins queued on the one hashing thread a two-core machine gets. Accounts made
 * through the app keep that cost.
 */
export const testPasswordHash = () => (testHash ??= bcrypt.hash(TEST_PASSWORD, 4));

export interface SentEvent {
  event: EventName;
  payload: unknown;
  sessionKey: string | undefined;
  at: number;
}

export interface Harness {
  db: Database;
  /** Where this harness's Twilio REST calls go (started on first use). */
  twilio: FakeTwilio;
  /** Where this harness's Razorpay REST calls go. */
  razorpay: FakeRazorpay;
  knex: Knex;
  services: MainServices;
  events: SentEvent[];
  /** A clock the harness controls (idle lock); starts at real time. */
  clock: { now: number; advance(ms: number): void };
  /** A call as the renderer makes it: the payload and the reply typed by the channel. */
  call<C extends ChannelName>(channel: C, payload: Req<C>, sessionKey?: string, workstation?: string): Promise<Result<Res<C>>>;
  /**
   * Any payload, for hostile and malformed input: on a contract channel the reply (when ok) is
   * still the channel's, since the payload is checked before any handler runs; on any other
   * name it is not typed.
   */
  callRaw<C extends ChannelName>(channel: C, payload: unknown, sessionKey?: string, workstation?: string): Promise<Result<Res<C>>>;
  callRaw(channel: string, payload: unknown, sessionKey?: string, workstation?: string): Promise<Result<unknown>>;
  /** Creates a user with TEST_PASSWORD and signs a fresh session in as them. */
  signInAs(role: Role | 'PATIENT', opts?: { email?: string; doctorId?: number }): Promise<{ sessionKey: string; userId: number; email: string }>;
  dispose(): Promise<void>;
}

let seq = 0;

/** `overrides` replace service options (a log to inspect, a call-window opener). */
export async function startHarness(mode: Mode, existing?: Database, overrides: Partial<ServiceOptions> = {}): Promise<Harness> {
  const scratch = existing ? undefined : await openMigrated(mode);
  const db = existing ?? scratch!.db;
  if (existing) await migrateToLatest(db.knex);
  const events: SentEvent[] = [];
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      this.now += ms;
    },
  };
  const twilio = new FakeTwilio();
  const razorpay = new FakeRazorpay();
  await razorpay.start();
  const keys = testKeys();
  const services = createServices(db, {
    clinicKey: keys.clinicKey,
    secretBox: keys.secretBox,
    version: '0.0.0-test',
    twilioHttpClient: twilio.httpClient(),
    paymentGateway: razorpay.factory(),
    log: () => undefined,
    events: (event, payload, sessionKey) => events.push({ event, payload, sessionKey, at: Date.now() }),
    now: () => clock.now,
    ...overrides,
  });
  // The router checks each reply against the channel's `res` schema in tests (checkReplies), so
  // a reply that reaches a test on a contract channel has that channel's type.
  const callRaw = ((channel: string, payload: unknown, sessionKey = 'anonymous', workstation = 'test-pc') =>
    services.router.call(channel, payload, { sessionKey, workstation })) as Harness['callRaw'];
  return {
    db,
    twilio,
    razorpay,
    knex: db.knex,
    services,
    events,
    clock,
    call: (channel, payload, sessionKey, workstation) => callRaw(channel, payload, sessionKey, workstation),
    callRaw,
    async signInAs(role, opts = {}) {
      const n = ++seq;
      const email = opts.email ?? `${role.toLowerCase()}${n}.${process.pid}@clinic.test`;
      let doctorId = opts.doctorId ?? null;
      if (role === 'DOCTOR' && doctorId === null) {
        [{ id: doctorId }] = await db
          .knex('doctor_entities')
          .insert({ name: `Dr. Test ${n}`, email })
          .returning('id');
      }
      const user = await insertUser(db.knex, { email, passwordHash: await testPasswordHash(), role, displayName: `${role} ${n}`, doctorId });
      const sessionKey = `session-${n}`;
      services.sessions.signIn(sessionKey, user.id);
      return { sessionKey, userId: user.id, email };
    },
    async dispose() {
      services.stop();
      keys.dispose();
      await twilio.close();
      await razorpay.close();
      await scratch?.dispose();
    },
  };
}

/**
 * Everything that a call could have written, to prove an invalid call wrote nothing: every
 * row of every table, as each table's row count and a digest of its rows (in one round trip:
 * the matrix takes thousands of these). The digest is the sum of each row's 64-bit hash: it
 * needs no sort of the table, and a changed row moves it unless the two hashes collide. `except` leaves out tables the caller checks row by row
 * (the audit trail of a refusal). Two snapshots differ in the lines of the tables that changed.
 */
export async function databaseSnapshot(knex: Knex, except: readonly string[] = []): Promise<string> {
  const tables: string[] = (
    await knex.raw(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename NOT LIKE 'knex_%' ORDER BY tablename`)
  ).rows.map((r: { tablename: string }) => r.tablename);
  const digests = tables
    .filter((t) => !except.includes(t))
    .map((table) =>
      knex
        .raw(
          `SELECT CAST(:name AS text) AS name, count(*)::int AS count, coalesce(sum(hashtextextended(r::text, 0)::numeric), 0)::text AS digest FROM :table: r`,
          {
            name: table,
            table,
          },
        )
        .toQuery(),
    );
  if (digests.length === 0) return '';
  const { rows } = await knex.raw(`${digests.join(' UNION ALL ')} ORDER BY name`);
  return (rows as { name: string; count: number; digest: string }[]).map((r) => `${r.name}: ${r.count} rows, ${r.digest}`).join('\n');
}

/** The reply of a call that must succeed, typed by its channel (see Harness.call). */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}
