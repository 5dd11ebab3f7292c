import pg from 'pg';
import { sessionConfig } from '../db/config';
import type { Database } from '../db/open';
import { serverConnection } from '../db/server';

/** One key for the whole clinic: whoever holds it is the one PC that sends. */
const SENDER_LOCK = 'clinic-desk:messaging-sender';

export interface Election {
  readonly leader: boolean;
  stop(): Promise<void>;
}

/**
 * Elects the one PC that sends patient messages. Server mode: a session advisory lock held on
 * a connection of its own, straight to PostgreSQL even behind PgBouncer — PostgreSQL releases
 * it the moment that session ends (the PC quits, crashes or loses the network and TCP
 * keepalive notices), and every other PC tries for it
 * every `retryMs` (default 20 s), so one takes over within a minute. Embedded mode is one PC:
 * it is the sender.
 */
export function electSender(db: Database, onChange: (leader: boolean) => void, options: { retryMs?: number; log: (m: string, e: unknown) => void }): Election {
  let leader = false;
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: NodeJS.Timeout | undefined;
  const retryMs = options.retryMs ?? 20_000;

  const become = (value: boolean) => {
    if (leader === value) return;
    leader = value;
    onChange(value);
  };
  const drop = () => {
    const c = client;
    client = undefined;
    become(false);
    c?.end().catch(() => undefined);
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void attempt(), retryMs);
    timer.unref();
  };
  const attempt = async () => {
    if (stopped) return;
    try {
      if (client) {
        // Still holding it: a cheap round trip notices a silently dead session.
        await client.query('SELECT 1');
      } else if (db.config.mode === 'server') {
        const c = new pg.Client({ ...serverConnection(sessionConfig(db.config)), application_name: 'clinic-desk-sender' });
        c.on('error', (err) => {
          options.log('the messaging sender lost its lock connection', err);
          if (client === c) drop();
        });
        await c.connect();
        const { rows } = await c.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [SENDER_LOCK]);
        if (rows[0]?.ok && !stopped) {
          client = c;
          become(true);
        } else {
          await c.end();
        }
      }
    } catch (err) {
      options.log('messaging sender election failed', err);
      drop();
    }
    schedule();
  };

  if (db.config.mode === 'embedded') become(true);
  else void attempt();

  return {
    get leader() {
      return leader;
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = undefined;
      become(false);
      await c?.end().catch(() => undefined);
    },
  };
}
