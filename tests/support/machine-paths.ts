/**
 * Where this machine's tools live, apart from platform.ts (which imports vitest): the bench and
 * other plain scripts drive Chromium too, and vitest cannot be loaded outside a test run.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const POSTGRES_ROOT = '/usr/lib/postgresql';
export const PGBOUNCER_PATH = '/usr/sbin/pgbouncer';
