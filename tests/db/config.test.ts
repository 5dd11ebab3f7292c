import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactUrl, resolveDatabaseConfig, sessionConfig, type ServerDatabaseConfig } from '../../main/db/config';
import { defaultUserDataDir, embeddedDataDir } from '../../main/db/data-dir';
import { DatabaseSetupError } from '../../main/db/errors';
import { serverConnection, tlsOptions } from '../../main/db/server';

function setupError(fn: () => unknown): DatabaseSetupError {
  try {
    fn();
  } catch (err) {
    if (err instanceof DatabaseSetupError) return err;
    throw err;
  }
  throw new Error('expected a DatabaseSetupError');
}

describe('database configuration', () => {
  it('defaults to the embedded database in the user-data folder', () => {
    expect(resolveDatabaseConfig({}, '/home/desk/.config/Clinic Desk')).toEqual({
      mode: 'embedded',
      dataDir: '/home/desk/.config/Clinic Desk',
    });
  });

  it('uses CLINIC_DATA_DIR when set, and treats an empty DATABASE_URL as unset', () => {
    expect(resolveDatabaseConfig({ CLINIC_DATA_DIR: '/srv/clinic', DATABASE_URL: '  ' }, '/ignored')).toEqual({
      mode: 'embedded',
      dataDir: '/srv/clinic',
    });
  });

  it('names the same embedded folder as the start-up engine guesses from the environment alone', () => {
    // startEngineEarly reads the folder before the settings are validated; a disagreement would
    // start PGlite on one folder and then open another.
    const cases: NodeJS.ProcessEnv[] = [
      {},
      { CLINIC_DATA_DIR: '/srv/clinic' },
      { CLINIC_DATA_DIR: '  /srv/clinic  ' },
      { CLINIC_DATA_DIR: '   ' },
      { CLINIC_DATA_DIR: 'relative/clinic' },
      { DATABASE_URL: '  ', CLINIC_DATA_DIR: '/srv/clinic' },
      { DATABASE_URL: 'postgres://desk@db.clinic.lan/clinic', CLINIC_DATA_DIR: '/srv/clinic' },
    ];
    for (const env of cases) {
      const config = resolveDatabaseConfig(env, '/home/d/.config/Clinic Desk');
      expect(embeddedDataDir(env, '/home/d/.config/Clinic Desk'), JSON.stringify(env)).toBe(config.mode === 'embedded' ? config.dataDir : undefined);
    }
    expect(embeddedDataDir({ CLINIC_DATA_DIR: '  /srv/clinic  ' }, '/x')).toBe('/srv/clinic');
    expect(embeddedDataDir({ DATABASE_URL: 'postgres://desk@db/clinic' }, '/x')).toBeUndefined();
  });

  it('places the user-data folder where Electron does on each platform', () => {
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\d\\AppData\\Roaming' }, 'C:\\Users\\d')).toBe('C:\\Users\\d\\AppData\\Roaming\\Clinic Desk');
    expect(defaultUserDataDir('darwin', {}, '/Users/d')).toBe('/Users/d/Library/Application Support/Clinic Desk');
    expect(defaultUserDataDir('linux', {}, '/home/d')).toBe('/home/d/.config/Clinic Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/d')).toBe('/x/Clinic Desk');
  });

  it('reads server mode from DATABASE_URL with pool and timeout defaults', () => {
    expect(resolveDatabaseConfig({ DATABASE_URL: 'postgres://desk:pw@db.clinic.lan:5432/clinic' })).toEqual({
      mode: 'server',
      url: 'postgres://desk:pw@db.clinic.lan:5432/clinic',
      sslMode: 'disable',
      caFile: undefined,
      poolMax: 5,
      statementTimeoutMs: 15000,
    });
  });

  it('takes sslmode and sslrootcert out of the URL into TLS settings', () => {
    const config = resolveDatabaseConfig({
      DATABASE_URL: 'postgresql://desk@db/clinic?sslmode=verify-full&sslrootcert=/etc/clinic/ca.pem&application_name=x',
    });
    expect(config).toMatchObject({
      mode: 'server',
      url: 'postgresql://desk@db/clinic?application_name=x',
      sslMode: 'verify-full',
      caFile: '/etc/clinic/ca.pem',
    });
  });

  it('behind PgBouncer: what needs a session goes to CLINIC_DB_DIRECT_URL, and pooled connections send no statement_timeout or other options', () => {
    const config = resolveDatabaseConfig({
      DATABASE_URL: 'postgres://desk:pw@pooler.clinic.lan:6432/clinic',
      CLINIC_DB_DIRECT_URL: 'postgres://desk:pw@db.clinic.lan:5432/clinic?sslmode=require',
    }) as ServerDatabaseConfig;
    expect(config.direct).toEqual({ url: 'postgres://desk:pw@db.clinic.lan:5432/clinic', sslMode: 'require' });
    expect(sessionConfig(config)).toEqual({ ...config, url: 'postgres://desk:pw@db.clinic.lan:5432/clinic', sslMode: 'require', direct: undefined });
    expect(serverConnection(config)).not.toHaveProperty('statement_timeout');
    expect(serverConnection(config)).not.toHaveProperty('options');
    expect(serverConnection(sessionConfig(config))).toMatchObject({ statement_timeout: 15000, options: '-c max_parallel_workers_per_gather=0' });
  });

  it('without a pooler (no CLINIC_DB_DIRECT_URL, or the same URL) every connection is the same', () => {
    for (const env of [{}, { CLINIC_DB_DIRECT_URL: 'postgres://desk@db/clinic' }]) {
      const config = resolveDatabaseConfig({ DATABASE_URL: 'postgres://desk@db/clinic', ...env }) as ServerDatabaseConfig;
      expect(config.direct).toBeUndefined();
      expect(sessionConfig(config)).toBe(config);
      expect(serverConnection(config)).toMatchObject({ statement_timeout: 15000, options: '-c max_parallel_workers_per_gather=0' });
    }
  });

  it.each([
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_DIRECT_URL: 'db.clinic.lan:5432' }, /CLINIC_DB_DIRECT_URL must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_DIRECT_URL: 'postgres://db/c?sslmode=allow' }, /CLINIC_DB_DIRECT_URL has sslmode=allow/],
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_DIRECT_URL: 'postgres://db/c?sslmode=verify-ca' }, /sslmode=verify-ca needs the server's CA certificate/],
    [{ DATABASE_URL: 'not a url' }, /not a valid URL/],
    [{ DATABASE_URL: 'mysql://db/clinic' }, /must start with postgres:\/\//],
    [{ DATABASE_URL: 'postgres://db/clinic?sslmode=prefer' }, /may fall back to an unencrypted connection/],
    [{ DATABASE_URL: 'postgres://db/clinic?sslmode=bogus' }, /use one of disable, require, verify-ca, verify-full/],
    [{ DATABASE_URL: 'postgres://db/clinic?sslmode=verify-full' }, /needs the server's CA certificate/],
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_POOL_MAX: 'lots' }, /CLINIC_DB_POOL_MAX must be a whole number/],
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_POOL_MAX: '0' }, /at least 1/],
    [{ DATABASE_URL: 'postgres://db/c', CLINIC_DB_STATEMENT_TIMEOUT_MS: '10' }, /at least 1000/],
  ])('refuses bad settings with a specific message: %j', (env, message) => {
    const err = setupError(() => resolveDatabaseConfig(env));
    expect(err.code).toBe('CONFIG');
    expect(err.message).toMatch(message);
  });

  it('never prints the database password', () => {
    expect(redactUrl('postgres://desk:s3cret@db/clinic')).toBe('postgres://desk:***@db/clinic');
    expect(redactUrl('%%%')).not.toContain('%%%');
  });
});

describe('TLS options', () => {
  const caDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-ca-'));
  const ca = path.join(caDir, 'ca.pem');
  fs.writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
  afterAll(() => fs.rmSync(caDir, { recursive: true, force: true }));

  it('is off for sslmode=disable', () => {
    expect(tlsOptions({ sslMode: 'disable', caFile: undefined })).toBe(false);
  });

  it('encrypts without checking the server for sslmode=require, as libpq does', () => {
    expect(tlsOptions({ sslMode: 'require', caFile: undefined })).toEqual({ rejectUnauthorized: false });
  });

  it('checks the chain and the host name for verify-full', () => {
    const tls = tlsOptions({ sslMode: 'verify-full', caFile: ca });
    expect(tls).toEqual({ ca: fs.readFileSync(ca, 'utf8'), rejectUnauthorized: true });
  });

  it('checks the chain but not the host name for verify-ca', () => {
    const tls = tlsOptions({ sslMode: 'verify-ca', caFile: ca });
    expect(tls).toMatchObject({ rejectUnauthorized: true, ca: fs.readFileSync(ca, 'utf8') });
    expect(tls && tls.checkServerIdentity?.('db', {} as never)).toBeUndefined();
  });

  it('says which CA file cannot be read', () => {
    const err = setupError(() => tlsOptions({ sslMode: 'verify-full', caFile: '/nonexistent/ca.pem' }));
    expect(err.message).toContain('/nonexistent/ca.pem cannot be read (ENOENT)');
  });
});
