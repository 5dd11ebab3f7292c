import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import type { Knex } from 'knex';
import pg from 'pg';
import type { ChangeEvent, EventName, Result } from '../../preload/contract';
import { startServerFeed } from '../../main/db/changes';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase, type Database } from '../../main/db/open';
import { isUnavailable } from '../../main/db/pg-errors';
import { sleep, waitFor } from '../support/wait';
import { startHarness, type Harness } from '../support/harness';
import { createClinicDatabase, startThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';

// The server is restarted, killed and starved here, so it is a cluster of this file's own.
// Work must resume by itself: a failsafe with room for a loaded machine three times slower, not a
// speed target (how fast it resumes is printed for the README's table).
const RECOVERY_BUDGET_MS = 45_000;
const RETRY_EVERY_MS = 250;

let n = 0;
const uniq = () => `${++n}.${process.pid}.${Date.now()}`;

async function insertPatient(knex: Knex): Promise<number> {
  const [{ id }] = await knex('patient_entities')
    .insert({ name: 'Pat Fault', email: `patient${uniq()}@clinic.test` })
    .returning('id');
  return id;
}

/** Fails the test on anything that escaped as an unhandled rejection or uncaught exception. */
function trapUnhandled() {
  const escaped: unknown[] = [];
  const onEscaped = (e: unknown) => escaped.push(e);
  process.on('uncaughtException', onEscaped);
  process.on('unhandledRejection', onEscaped);
  return {
    escaped,
    release() {
      process.off('uncaughtException', onEscaped);
      process.off('unhandledRejection', onEscaped);
    },
  };
}

describeWhere(['postgres-binaries', 'posix-processes'])('the app while its clinic server restarts or drops connections', () => {
  let cluster: ThrowawayCluster;
  let config: ServerDatabaseConfig;
  let db: Database;
  let h: Harness;
  let admin: string;
  let trap: ReturnType<typeof trapUnhandled>;

  const appCall = () => h.call('users.list', {}, admin);
  const eventsNamed = (event: EventName) => h.events.filter((e) => e.event === event);
  const connectionEvents = () => eventsNamed('connection.changed').map((e) => (e.payload as { online: boolean }).online);
  const expectUnavailable = (r: Result<unknown>) => {
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('UNAVAILABLE');
    expect(r.error.message).toMatch(/clinic database cannot be reached/);
    // For people: no SQL, error codes or driver wording.
    expect(r.error.message).not.toMatch(/select|from|ECONN|terminat|postgres|57P0|connect /i);
  };
  /** Proves NOTIFY is heard again: a new row becomes an event. */
  const notifyWorks = async () => {
    const id = await insertPatient(h.knex);
    await waitFor(`patients.changed for ${id}`, () => h.events.find((e) => e.event === 'patients.changed' && (e.payload as ChangeEvent).id === id));
  };

  beforeAll(async () => {
    cluster = await startThrowawayCluster();
    config = await createClinicDatabase(cluster);
    db = await openDatabase(config, { schema: 'migrate' });
    h = await startHarness('server', db);
    ({ sessionKey: admin } = await h.signInAs('ADMIN'));
    // The listener connects in the background: once a change is heard, it is up.
    await notifyWorks();
  });

  afterAll(async () => {
    await h?.dispose();
    await db?.close();
    await cluster?.dispose();
  });

  beforeEach(() => {
    trap = trapUnhandled();
    h.events.length = 0;
  });
  afterEach(() => trap.release());

  it('a stopped server gives UNAVAILABLE and offline; once it is back, calls, live updates and a resync follow', async () => {
    expect((await appCall()).ok).toBe(true);

    await cluster.stop('fast');
    expectUnavailable(await appCall());
    await waitFor('connection.changed offline', () => (connectionEvents().includes(false) ? true : undefined));
    const offline = eventsNamed('connection.changed')[0]!.payload as { online: boolean; message: string };
    expect(offline).toEqual({ online: false, message: expect.stringMatching(/cannot be reached/) });
    // Nothing is queued while offline: the message must not promise that changes save themselves.
    expect(offline.message).not.toMatch(/will be saved/i);
    // Still down a while later (the listener's retries have backed off to seconds): the same answer.
    await sleep(4_000);
    expectUnavailable(await appCall());

    await cluster.start(); // returns once the server accepts connections
    const accepting = Date.now();
    let attempts = 0;
    for (;;) {
      attempts++;
      const r = await appCall();
      if (r.ok) break;
      expectUnavailable(r);
      expect(Date.now() - accepting).toBeLessThanOrEqual(RECOVERY_BUDGET_MS);
      await sleep(RETRY_EVERY_MS);
    }
    const recoveredMs = Date.now() - accepting;
    console.log(`server restart: first successful call ${recoveredMs} ms after the server accepted connections (attempt ${attempts})`);
    expect(recoveredMs).toBeLessThanOrEqual(RECOVERY_BUDGET_MS);

    await waitFor('connection.changed online', () => (connectionEvents().includes(true) ? true : undefined), RECOVERY_BUDGET_MS);
    await waitFor('resync', () => eventsNamed('resync')[0], RECOVERY_BUDGET_MS);
    const liveMs = Date.now() - accepting;
    console.log(`server restart: live updates (online + resync) back ${liveMs} ms after the server accepted connections`);
    expect(connectionEvents()).toEqual([false, true]);
    const order = h.events.map((e) => e.event).filter((e) => e === 'connection.changed' || e === 'resync');
    expect(order).toEqual(['connection.changed', 'connection.changed', 'resync']);
    expect(eventsNamed('resync')[0]!.sessionKey).toBeUndefined();

    await notifyWorks();
    expect(trap.escaped).toEqual([]);
  });

  it('after pg_terminate_backend of all its connections, the next call succeeds and LISTEN comes back with a resync', async () => {
    // Make sure the pool holds connections to kill, besides the listener's.
    await Promise.all([1, 2, 3].map(() => h.knex.raw('select pg_sleep(0.05)')));
    const killer = new pg.Client({ connectionString: cluster.url() });
    await killer.connect();
    let killed: number;
    try {
      const r = await killer.query(
        `select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where datname = 'clinic' and pid <> pg_backend_pid()) t`,
      );
      killed = r.rows[0].n;
    } finally {
      await killer.end();
    }
    expect(killed).toBeGreaterThanOrEqual(2);

    const r = await appCall();
    expect(r.ok ? 'ok' : `${r.error.code}: ${r.error.message}`).toBe('ok');

    await waitFor('resync', () => eventsNamed('resync')[0], RECOVERY_BUDGET_MS);
    expect(connectionEvents()).toEqual([false, true]);
    await notifyWorks();
    expect(trap.escaped).toEqual([]);
  });

  it('a listener whose connection goes silent (backend frozen, as with a pulled cable) is noticed by the heartbeat and replaced', async () => {
    const appName = `clinic-heartbeat-${process.pid}`;
    const listener = startServerFeed({
      connection: { connectionString: cluster.url('clinic'), application_name: appName },
      heartbeatMs: 200,
      backoffMs: [100],
    });
    const seen: string[] = [];
    const heard: number[] = [];
    listener.feed.on('connection', (online) => seen.push(online ? 'online' : 'offline'));
    listener.feed.on('resync', () => seen.push('resync'));
    listener.feed.on('change', (c) => heard.push(c.id ?? 0));
    const hears = async () => {
      const id = await insertPatient(h.knex);
      await waitFor(`the listener hearing ${id}`, () => (heard.includes(id) ? true : undefined));
    };

    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    let frozen: number | undefined;
    try {
      // It connects in the background: wait until its session has run LISTEN.
      const until = Date.now() + 5_000;
      let rows: { pid: number; query: string }[] = [];
      while (Date.now() < until) {
        rows = (await admin.query('select pid, query from pg_stat_activity where application_name = $1', [appName])).rows;
        if (rows.some((row) => row.query.startsWith('LISTEN'))) break;
        await sleep(20);
      }
      expect(rows).toHaveLength(1);
      await hears();
      frozen = rows[0]!.pid;
      // The backend stops answering without closing anything: no FIN, no RST, no error.
      process.kill(frozen, 'SIGSTOP');
      const frozenAt = Date.now();
      await waitFor('offline after the heartbeat went unanswered', () => (seen.includes('offline') ? true : undefined), 9_000);
      await waitFor('resync from a new connection', () => (seen.includes('resync') ? true : undefined), 15_000);
      console.log(`silent listener connection replaced ${Date.now() - frozenAt} ms after its backend froze (heartbeat 200 ms)`);
      expect(seen).toEqual(['offline', 'online', 'resync']);
      await hears();
      expect(trap.escaped).toEqual([]);
    } finally {
      if (frozen !== undefined) process.kill(frozen, 'SIGCONT');
      await listener.stop();
      await admin.end();
    }
  });

  it("a statement whose backend goes silent (frozen) fails as unavailable once the silence outlasts the statement timeout and its margin; an idle pooled connection's silence ends nothing", async () => {
    // The server can no longer enforce statement_timeout; the PC's own limit is that plus 5 s.
    const statementTimeoutMs = 300;
    const limitMs = statementTimeoutMs + 5_000;
    const quiet = await openDatabase({ ...config, poolMax: 1, statementTimeoutMs });
    const backend = async () => (await quiet.knex.raw('select pg_backend_pid() as pid')).rows[0].pid as number;
    let frozen: number | undefined;
    try {
      const pid = await backend();
      // Idle in the pool until its silence timer has fired: the same connection serves the next call.
      const pooled = (quiet.knex.client as { pool: { free: { resource: pg.Client }[] } }).pool.free.map(({ resource }) => resource);
      expect(pooled).toHaveLength(1);
      await new Promise((fired) => pooled[0]!.connection.stream.once('timeout', fired));
      expect(await backend()).toBe(pid);

      process.kill(pid, 'SIGSTOP');
      frozen = pid;
      const sent = Date.now();
      const failure = await quiet.knex.raw('select 1').then(
        () => undefined,
        (err: unknown) => err,
      );
      const waitedMs = Date.now() - sent;
      console.log(`a statement on a frozen backend failed after ${waitedMs} ms (limit ${limitMs} ms)`);
      expect(failure).toBeDefined();
      expect(isUnavailable(failure)).toBe(true);
      // Silence shorter than the limit is not enough: nothing else ended it.
      expect(waitedMs).toBeGreaterThanOrEqual(limitMs - 100);

      process.kill(pid, 'SIGCONT');
      frozen = undefined;
      expect(await backend()).not.toBe(pid);
      expect(trap.escaped).toEqual([]);
    } finally {
      if (frozen !== undefined) process.kill(frozen, 'SIGCONT');
      await quiet.close();
    }
  });
});
