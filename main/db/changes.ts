import { EventEmitter } from 'node:events';
import pg from 'pg';
import { z } from 'zod';

export const CHANGES_CHANNEL = 'clinic_changes';

const rowChangeSchema = z.object({
  table: z.string(),
  op: z.enum(['INSERT', 'UPDATE', 'DELETE']),
  id: z.number().nullable(),
  doctor_id: z.number().nullable(),
  patient_id: z.number().nullable(),
  appointment_id: z.number().nullable(),
  date: z.string().nullable(),
  /** An UPDATE's doctor and date before it (null on INSERT and DELETE). */
  old_doctor_id: z.number().nullable(),
  old_date: z.string().nullable(),
});
export type RowChange = z.infer<typeof rowChangeSchema>;

/**
 * Sent on the changes channel when a backup has replaced the whole clinic database (see
 * BackupService.restore): every PC signs its sessions out, since their users and everything
 * their screens show may be gone.
 */
export const REPLACED_NOTICE = '{"replaced":true}';

interface FeedEvents {
  change: [RowChange];
  /** The whole database was replaced (REPLACED_NOTICE). */
  replaced: [];
  /** Notifications may have been missed (reconnected): views must refetch. */
  resync: [reason: string];
  connection: [online: boolean];
}

/** The database's NOTIFY stream as events, whichever mode delivers it. */
export class ChangeFeed extends EventEmitter<FeedEvents> {
  online = true;

  /** Parses one NOTIFY payload; a malformed one is dropped (it came from our own trigger). */
  deliver(payload: string | undefined): void {
    if (!payload) return;
    if (payload === REPLACED_NOTICE) {
      this.emit('replaced');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(payload);
    } catch {
      return;
    }
    const parsed = rowChangeSchema.safeParse(json);
    if (parsed.success) this.emit('change', parsed.data);
  }

  setOnline(online: boolean): void {
    if (this.online === online) return;
    this.online = online;
    this.emit('connection', online);
  }
}

export interface ServerFeedOptions {
  connection: pg.ClientConfig;
  /** Reconnect delays grow from the first to the last and stay there. */
  backoffMs?: readonly number[];
  heartbeatMs?: number;
}

/**
 * Server mode: a dedicated connection LISTENs (a pooled one would miss notifications while
 * idle in the pool). When it is lost the feed reports offline, retries with backoff, LISTENs
 * again and asks every view to resync, since notifications sent meanwhile are gone. A
 * heartbeat notices a silently dead connection (cable pulled) long before TCP keepalive would.
 */
export function startServerFeed(options: ServerFeedOptions): { feed: ChangeFeed; stop(): Promise<void> } {
  const feed = new ChangeFeed();
  const backoff = options.backoffMs ?? [250, 500, 1000, 2000, 4000];
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  let client: pg.Client | undefined;
  let attempt = 0;
  let everConnected = false;
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let heartbeat: NodeJS.Timeout | undefined;

  const lost = (c: pg.Client) => {
    if (client !== c || stopped) return;
    client = undefined;
    clearInterval(heartbeat);
    c.end().catch(() => undefined);
    feed.setOnline(false);
    schedule();
  };

  const schedule = () => {
    if (stopped) return;
    const delay = backoff[Math.min(attempt, backoff.length - 1)] ?? 1000;
    attempt++;
    retryTimer = setTimeout(connect, delay);
  };

  const connect = async () => {
    if (stopped) return;
    const c = new pg.Client({ ...options.connection, connectionTimeoutMillis: 5_000, keepAlive: true });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => feed.deliver(n.payload));
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch {
      c.end().catch(() => undefined);
      if (stopped) return;
      feed.setOnline(false);
      schedule();
      return;
    }
    if (stopped) {
      await c.end().catch(() => undefined);
      return;
    }
    client = c;
    attempt = 0;
    // A dead peer (cable pulled, server frozen) sends no error and no FIN: the heartbeat's
    // query then simply never answers. One still unanswered a whole period later means lost;
    // end() then destroys the socket, since a query is active.
    let beatPending = false;
    heartbeat = setInterval(() => {
      if (beatPending) return lost(c);
      beatPending = true;
      c.query('SELECT 1').then(
        () => {
          beatPending = false;
        },
        () => lost(c),
      );
    }, heartbeatMs);
    heartbeat.unref();
    feed.setOnline(true);
    if (everConnected) feed.emit('resync', 'reconnected to the clinic database');
    everConnected = true;
  };

  void connect();
  return {
    feed,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(heartbeat);
      const c = client;
      client = undefined;
      await c?.end().catch(() => undefined);
    },
  };
}
