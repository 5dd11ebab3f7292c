import { POSTGRES_ROOT } from './machine-paths';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { ServerDatabaseConfig } from '../../main/db/config';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of its own, in a temp folder on a free port, that a test may stop,
 * restart and break at will. The shared server on 5432 is never touched.
 */
export interface ThrowawayCluster {
  readonly port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> (trust auth). */
  url(database?: string): string;
  /** Starts the server and waits until it accepts connections. */
  start(): Promise<void>;
  /** `pg_ctl stop -m fast` (or another mode), waiting until it is down. */
  stop(mode?: 'smart' | 'fast' | 'immediate'): Promise<void>;
  restart(): Promise<void>;
  /** Stops the server if running and removes the folder. Safe to call twice. */
  dispose(): Promise<void>;
}

/** The newest PostgreSQL installed under /usr/lib/postgresql (Debian's layout). */
function postgresBinDir(): string {
  const root = POSTGRES_ROOT;
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
    : [];
  if (versions.length === 0) throw new Error(`No PostgreSQL with initdb under ${root}`);
  return path.join(root, versions[0]!, 'bin');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** initdb and postgres refuse to run as root: as root, run them as the postgres OS user. */
function asPostgres(bin: string, args: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
}

export interface ClusterOptions {
  /** Files written into the cluster's folder before it starts (owned by the server, mode 0600): keys, certificates. */
  files?: Record<string, string>;
  /** Extra server settings (-c name=value); a value may name a file above by {dir}/name. */
  settings?: Record<string, string>;
}

export async function startThrowawayCluster(clusterOptions: ClusterOptions = {}): Promise<ThrowawayCluster> {
  const bin = postgresBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-throwaway-pg-'));
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const owner = process.getuid?.() === 0 ? await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]) : undefined;
  const own = (file: string) => owner && fs.chownSync(file, Number(owner[0].stdout.trim()), Number(owner[1].stdout.trim()));
  own(dir);
  for (const [name, content] of Object.entries(clusterOptions.files ?? {})) {
    fs.writeFileSync(path.join(dir, name), content, { mode: 0o600 });
    own(path.join(dir, name));
  }
  const port = await freePort();
  const exec = async (tool: string, args: string[]) => {
    const [file, argv] = asPostgres(path.join(bin, tool), args);
    try {
      return await run(file, argv, { cwd: dir, timeout: 270_000 });
    } catch (err) {
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
      throw new Error(`${tool} ${args.join(' ')} failed: ${(err as Error).message}\n${log}`, { cause: err });
    }
  };

  await exec('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);

  let running = false;
  let disposed = false;
  const extra = Object.entries(clusterOptions.settings ?? {})
    .map(([k, v]) => ` -c ${k}=${v.replaceAll('{dir}', dir)}`)
    .join('');
  const options = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${extra}`;
  const cluster: ThrowawayCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await exec('pg_ctl', ['start', '-w', '-t', '60', '-D', dataDir, '-l', logFile, '-o', options]);
      running = true;
    },
    async stop(mode = 'fast') {
      await exec('pg_ctl', ['stop', '-w', '-t', '60', '-D', dataDir, '-m', mode]);
      running = false;
    },
    async restart() {
      await cluster.stop();
      await cluster.start();
    },
    async dispose() {
      if (disposed) return;
      disposed = true;
      const pidFile = path.join(dataDir, 'postmaster.pid');
      try {
        if (running || fs.existsSync(pidFile)) await cluster.stop('immediate');
      } catch {
        // pg_ctl could not stop it: end our own postmaster by its id rather than leave it behind.
        const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]) : NaN;
        if (Number.isInteger(pid) && pid > 0) process.kill(pid, 'SIGKILL');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  try {
    await cluster.start();
  } catch (err) {
    await cluster.dispose().catch(() => undefined);
    throw err;
  }
  return cluster;
}

/**
 * Creates database `name` on the cluster and returns the app's server settings for it, with the
 * app's default pool: what a clinic's PCs would be given for that server.
 */
export async function createClinicDatabase(cluster: ThrowawayCluster, name = 'clinic', statementTimeoutMs = 15_000): Promise<ServerDatabaseConfig> {
  const setup = new pg.Client({ connectionString: cluster.url() });
  await setup.connect();
  try {
    await setup.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } finally {
    await setup.end();
  }
  return { mode: 'server', url: cluster.url(name), sslMode: 'disable', caFile: undefined, poolMax: 5, statementTimeoutMs };
}
