import fs from 'node:fs';
import path from 'node:path';
import { sessionConfig, type ServerDatabaseConfig } from '../db/config';
import { say } from '../shared/say';
import { BackupError } from './errors';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** Folders that may hold pg_dump / pg_restore: an explicit one, Debian's versioned folders (newest first), then PATH. */
function candidateDirs(env: NodeJS.ProcessEnv): string[] {
  const versioned = fs.existsSync(DEBIAN_ROOT)
    ? fs
        .readdirSync(DEBIAN_ROOT)
        .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a))
        .map((v) => path.join(DEBIAN_ROOT, v, 'bin'))
    : [];
  const onPath = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...(env.CLINIC_PG_BIN_DIR ? [env.CLINIC_PG_BIN_DIR] : []), ...versioned, ...onPath];
}

/** The path of a PostgreSQL client tool, or a clear error saying how to provide it. */
export function findPgTool(tool: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  const file = process.platform === 'win32' ? `${tool}.exe` : tool;
  for (const dir of candidateDirs(env)) {
    const candidate = path.join(dir, file);
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new BackupError(
    say`${tool} was not found. Install the PostgreSQL client tools (the same major version as the clinic server or newer), or set CLINIC_PG_BIN_DIR to the folder that holds ${file}.`,
  );
}

/**
 * The libpq environment for a server config. The password travels in the child's environment,
 * never on its command line, where other users of the PC could read it. pg_dump and pg_restore
 * SET their session before their transaction, so they connect past any pooler.
 */
export function libpqEnv(pooled: ServerDatabaseConfig, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const config = sessionConfig(pooled);
  const url = new URL(config.url);
  return {
    ...base,
    PGHOST: url.hostname,
    PGPORT: url.port || '5432',
    PGUSER: decodeURIComponent(url.username || 'postgres'),
    PGPASSWORD: decodeURIComponent(url.password),
    PGDATABASE: decodeURIComponent(url.pathname.replace(/^\//, '')),
    PGSSLMODE: config.sslMode,
    ...(config.caFile ? { PGSSLROOTCERT: config.caFile } : {}),
    PGAPPNAME: 'clinic-desk-backup',
  };
}
