import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGBOUNCER_PATH } from './machine-paths';
import { freePort } from './throwaway-cluster';

/** A PgBouncer of its own, in front of one database of the shared server on 5432 (or another local one). */
export interface ThrowawayPgBouncer {
  readonly port: number;
  /** postgres://<user>@127.0.0.1:<port>/<database>, through the pooler. */
  url(user: string): string;
  /** Ends the process and waits until it has exited; removes its folder. Safe to call twice. */
  dispose(): Promise<void>;
}

export interface PgBouncerOptions {
  database: string;
  /** Logins it lets through (trust auth: PostgreSQL on 127.0.0.1 trusts them too). */
  users: readonly string[];
  poolSize: number;
  /** The PostgreSQL it pools for, on 127.0.0.1: the shared server's 5432 unless given. */
  upstreamPort?: number;
  /** Client connections it accepts at once (PgBouncer's max_client_conn). */
  maxClients?: number;
}

/**
 * Starts PgBouncer in transaction pooling in the foreground, as a child of this process, and
 * resolves once it says it is up. As root it drops to the postgres OS user itself (-u), so
 * the process this test ends is PgBouncer and nothing in between.
 */
export async function startPgBouncer(options: PgBouncerOptions): Promise<ThrowawayPgBouncer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const authFile = path.join(dir, 'users.txt');
  fs.writeFileSync(authFile, options.users.map((u) => `"${u}" ""\n`).join(''), { mode: 0o644 });
  const ini = path.join(dir, 'pgbouncer.ini');
  fs.writeFileSync(
    ini,
    [
      '[databases]',
      `${options.database} = host=127.0.0.1 port=${options.upstreamPort ?? 5432} dbname=${options.database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      "unix_socket_dir = ''",
      'auth_type = trust',
      `auth_file = ${authFile}`,
      'pool_mode = transaction',
      `default_pool_size = ${options.poolSize}`,
      `max_client_conn = ${options.maxClients ?? 200}`,
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  const asRoot = process.getuid?.() === 0;
  const child = spawn(PGBOUNCER_PATH, [...(asRoot ? ['-u', 'postgres'] : []), ini], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let log = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        log += chunk.toString();
        if (/process up/.test(log)) resolve();
      });
      child.once('error', reject);
      child.once('exit', (code) => reject(new Error(`pgbouncer exited (${code}) before it was up:\n${log}`)));
    });
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  let disposed = false;
  return {
    port,
    url: (user) => `postgres://${user}@127.0.0.1:${port}/${options.database}`,
    async dispose() {
      if (disposed) return;
      disposed = true;
      // SIGTERM: PgBouncer's immediate shutdown, whatever clients are still connected.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
