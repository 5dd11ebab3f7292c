// One front-desk PC in a race test: a separate OS process with its own services and pool,
// running several desk clients (sessions) that book through the real router. Started with
// child_process.fork by tests/races; talks to the test over the IPC channel.
import type { Req, Result } from '../../preload/contract';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { createServices } from '../../main/services';

export interface DeskPlan {
  config: ServerDatabaseConfig;
  /** The user each client signs in as (one session per client). */
  clients: { name: string; userId: number }[];
  /** Every client books each of these, in this order, one after the other. */
  bookings: { contest: string; byClient: Record<string, Req<'appointments.book'>> }[];
}

export type DeskMessage =
  | { type: 'ready' }
  | { type: 'results'; results: { contest: string; client: string; ok: boolean; code: string | undefined }[] }
  | { type: 'failed'; message: string };

export type HostMessage = { type: 'plan'; plan: DeskPlan } | { type: 'go' };

const send = (m: DeskMessage) => process.send!(m);

async function run(plan: DeskPlan, go: Promise<void>): Promise<void> {
  const db = await openDatabase(plan.config, { schema: 'guard' });
  const services = createServices(db, { version: 'race', log: () => undefined, events: () => undefined });
  for (const c of plan.clients) services.sessions.signIn(c.name, c.userId);
  send({ type: 'ready' });
  await go;
  const results = (
    await Promise.all(
      plan.clients.map(async (c) => {
        const out = [];
        for (const b of plan.bookings) {
          const r: Result<unknown> = await services.router.call('appointments.book', b.byClient[c.name], {
            sessionKey: c.name,
            workstation: `race-${process.pid}`,
          });
          out.push({ contest: b.contest, client: c.name, ok: r.ok, code: r.ok ? undefined : `${r.error.code}: ${r.error.message}` });
        }
        return out;
      }),
    )
  ).flat();
  services.stop();
  await db.close();
  send({ type: 'results', results });
}

let release: () => void;
const go = new Promise<void>((r) => (release = r));
process.on('message', (m: HostMessage) => {
  if (m.type === 'go') release();
  if (m.type === 'plan') {
    run(m.plan, go).then(
      () => process.disconnect(),
      (err: unknown) => {
        send({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
        process.disconnect();
      },
    );
  }
});
