import path from 'node:path';
import { z } from 'zod';
import { defaultUserDataDir } from './data-dir';
import { DatabaseSetupError } from './errors';

type SslMode = 'disable' | 'require' | 'verify-ca' | 'verify-full';

export interface ServerDatabaseConfig {
  mode: 'server';
  /** The URL without its libpq-only TLS parameters (pg reads those differently from libpq). */
  url: string;
  sslMode: SslMode;
  caFile: string | undefined;
  poolMax: number;
  statementTimeoutMs: number;
  /**
   * Set when `url` goes through a transaction pooler (PgBouncer): where what needs a session of
   * its own connects instead, straight to PostgreSQL. Unset: `url` is PostgreSQL itself.
   */
  direct?: { url: string; sslMode: SslMode };
}

export interface EmbeddedDatabaseConfig {
  mode: 'embedded';
  /** Folder that holds the PGlite data directory and its lock file. */
  dataDir: string;
}

export type DatabaseConfig = ServerDatabaseConfig | EmbeddedDatabaseConfig;

// libpq's 'allow' and 'prefer' silently fall back to plain text; pg cannot, and a clinic
// connection should never downgrade without anyone knowing, so they are refused by name.
const SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  CLINIC_DATA_DIR: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  CLINIC_DB_DIRECT_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  CLINIC_DB_CA_FILE: z.string().trim().min(1).optional(),
  CLINIC_DB_POOL_MAX: z.coerce
    .number({ error: 'CLINIC_DB_POOL_MAX must be a whole number' })
    .int('CLINIC_DB_POOL_MAX must be a whole number')
    .min(1, 'CLINIC_DB_POOL_MAX must be at least 1')
    .max(50, 'CLINIC_DB_POOL_MAX must be at most 50')
    .default(5),
  CLINIC_DB_STATEMENT_TIMEOUT_MS: z.coerce
    .number({ error: 'CLINIC_DB_STATEMENT_TIMEOUT_MS must be a number of milliseconds' })
    .int()
    .min(1000, 'CLINIC_DB_STATEMENT_TIMEOUT_MS must be at least 1000')
    .max(600_000, 'CLINIC_DB_STATEMENT_TIMEOUT_MS must be at most 600000')
    .default(15_000),
});

function parseServerUrl(raw: string, name: 'DATABASE_URL' | 'CLINIC_DB_DIRECT_URL'): { url: string; sslMode: SslMode; rootCert: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new DatabaseSetupError(`${name} is not a valid URL. Expected something like postgres://user:password@server:5432/clinic`, 'CONFIG');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new DatabaseSetupError(`${name} must start with postgres:// (it starts with ${parsed.protocol}//)`, 'CONFIG');
  }
  if (!parsed.hostname) {
    throw new DatabaseSetupError(`${name} names no server host`, 'CONFIG');
  }
  const sslParam = parsed.searchParams.get('sslmode') ?? (parsed.searchParams.get('ssl') === 'true' ? 'require' : 'disable');
  if (sslParam === 'allow' || sslParam === 'prefer') {
    throw new DatabaseSetupError(
      `${name} has sslmode=${sslParam}, which may fall back to an unencrypted connection; use sslmode=require (encrypted), sslmode=verify-full (encrypted and server checked) or sslmode=disable`,
      'CONFIG',
    );
  }
  if (!(SSL_MODES as readonly string[]).includes(sslParam)) {
    throw new DatabaseSetupError(`${name} has sslmode=${sslParam}; use one of ${SSL_MODES.join(', ')}`, 'CONFIG');
  }
  const rootCert = parsed.searchParams.get('sslrootcert') ?? undefined;
  for (const key of ['sslmode', 'ssl', 'sslrootcert', 'sslcert', 'sslkey', 'uselibpqcompat']) {
    parsed.searchParams.delete(key);
  }
  return { url: parsed.toString(), sslMode: sslParam as SslMode, rootCert };
}

/**
 * Reads the database settings from the environment. DATABASE_URL set: the clinic's shared
 * PostgreSQL server. Unset: the embedded database in the user-data folder (or CLINIC_DATA_DIR).
 */
export function resolveDatabaseConfig(env: NodeJS.ProcessEnv = process.env, userDataDir: string = defaultUserDataDir()): DatabaseConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new DatabaseSetupError(issue?.message ?? 'Invalid database settings', 'CONFIG');
  }
  const vars = result.data;
  if (vars.DATABASE_URL) {
    const { url, sslMode, rootCert } = parseServerUrl(vars.DATABASE_URL, 'DATABASE_URL');
    const direct = vars.CLINIC_DB_DIRECT_URL === undefined ? undefined : parseServerUrl(vars.CLINIC_DB_DIRECT_URL, 'CLINIC_DB_DIRECT_URL');
    const caFile = vars.CLINIC_DB_CA_FILE ?? rootCert ?? direct?.rootCert;
    for (const mode of [sslMode, direct?.sslMode]) {
      if ((mode === 'verify-ca' || mode === 'verify-full') && !caFile) {
        throw new DatabaseSetupError(
          `sslmode=${mode} needs the server's CA certificate: set CLINIC_DB_CA_FILE (or sslrootcert in DATABASE_URL) to its file`,
          'CONFIG',
        );
      }
    }
    return {
      mode: 'server',
      url,
      sslMode,
      caFile,
      poolMax: vars.CLINIC_DB_POOL_MAX,
      statementTimeoutMs: vars.CLINIC_DB_STATEMENT_TIMEOUT_MS,
      // The same URL twice is no pooler: nothing changes.
      ...(direct && direct.url !== url ? { direct: { url: direct.url, sslMode: direct.sslMode } } : {}),
    };
  }
  return { mode: 'embedded', dataDir: path.resolve(vars.CLINIC_DATA_DIR ?? userDataDir) };
}

/**
 * The settings for a connection that keeps session state across calls (LISTEN, a session
 * advisory lock, pg_dump's own SETs): a transaction pooler would hand each call another server
 * session, so these go straight to PostgreSQL.
 */
export function sessionConfig(config: ServerDatabaseConfig): ServerDatabaseConfig {
  const { direct, ...pooled } = config;
  return direct ? { ...pooled, url: direct.url, sslMode: direct.sslMode } : config;
}

/** A URL safe to print: the password replaced. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
