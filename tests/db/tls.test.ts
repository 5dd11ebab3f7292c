import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import { backupConfigured, backupDatabase } from '../../main/backup/backup';
import { decryptToFile, HEADER_BYTES, parseHeader } from '../../main/backup/encrypted-file';
import { ClinicKey } from '../../main/secrets/clinic-key';
import { resolveDatabaseConfig, type ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { startThrowawayCluster, type ThrowawayCluster } from '../support/throwaway-cluster';

const run = promisify(execFile);

/** A self-signed CA and a server certificate it signed for 127.0.0.1 only; plus an unrelated CA. */
async function makeCertificates(dir: string) {
  const ssl = (...args: string[]) => run('openssl', args, { cwd: dir });
  const selfSignedCa = (name: string) =>
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', `/CN=${name}`, '-keyout', `${name}.key`, '-out', `${name}.crt`);
  await selfSignedCa('clinic-ca');
  await selfSignedCa('other-ca');
  await ssl('req', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=clinic-db', '-keyout', 'server.key', '-out', 'server.csr');
  fs.writeFileSync(path.join(dir, 'san.ext'), 'subjectAltName=IP:127.0.0.1\n');
  await ssl(
    'x509',
    '-req',
    '-in',
    'server.csr',
    '-CA',
    'clinic-ca.crt',
    '-CAkey',
    'clinic-ca.key',
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    'san.ext',
    '-out',
    'server.crt',
  );
  const read = (f: string) => fs.readFileSync(path.join(dir, f), 'utf8');
  return { serverKey: read('server.key'), serverCrt: read('server.crt'), ca: path.join(dir, 'clinic-ca.crt'), otherCa: path.join(dir, 'other-ca.crt') };
}

describeWhere(['postgres-binaries'])('TLS to the clinic server (ssl=on, self-signed CA)', () => {
  let cluster: ThrowawayCluster;
  let certs: Awaited<ReturnType<typeof makeCertificates>>;
  let dir: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-tls-'));
    certs = await makeCertificates(dir);
    cluster = await startThrowawayCluster({
      files: { 'server.key': certs.serverKey, 'server.crt': certs.serverCrt },
      settings: { ssl: 'on', ssl_cert_file: '{dir}/server.crt', ssl_key_file: '{dir}/server.key' },
    });
  });
  afterAll(async () => {
    await cluster?.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const configFor = (host: string, sslmode: string, ca: string) =>
    resolveDatabaseConfig({
      DATABASE_URL: `postgres://postgres@${host}:${cluster.port}/postgres?sslmode=${sslmode}`,
      CLINIC_DB_CA_FILE: ca,
    }) as ServerDatabaseConfig;

  const attempt = async (config: ServerDatabaseConfig) => {
    const db = await openDatabase(config, { schema: 'none' });
    try {
      return (await db.knex.raw('SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()')).rows[0] as { ssl: boolean; version: string };
    } finally {
      await db.close();
    }
  };

  it('connects with sslmode=verify-full and CLINIC_DB_CA_FILE, encrypted', async () => {
    const row = await attempt(configFor('127.0.0.1', 'verify-full', certs.ca));
    expect(row.ssl).toBe(true);
    expect(row.version).toMatch(/^TLSv1\.[23]$/);
  });

  it('refuses a server whose certificate another CA signed', async () => {
    await expect(attempt(configFor('127.0.0.1', 'verify-full', certs.otherCa))).rejects.toThrow(/self[- ]signed certificate|unable to verify|certificate/i);
  });

  it('verify-full refuses a host name the certificate does not name; verify-ca checks only the CA', async () => {
    await expect(attempt(configFor('localhost', 'verify-full', certs.ca))).rejects.toThrow(/Hostname\/IP does not match|altnames/i);
    expect((await attempt(configFor('localhost', 'verify-ca', certs.ca))).ssl).toBe(true);
  });

  it('pg_dump backs up over the same verified TLS connection', async () => {
    const folder = path.join(dir, 'backups');
    const key = ClinicKey.generate();
    const done = await backupConfigured(configFor('127.0.0.1', 'verify-full', certs.ca), folder, key);
    const header = parseHeader(fs.readFileSync(done.file).subarray(0, HEADER_BYTES))!;
    const plain = path.join(dir, 'decrypted.dump');
    await decryptToFile(done.file, header, key, plain);
    expect(fs.readFileSync(plain).subarray(0, 5).toString()).toBe('PGDMP');
    // pg_dump itself checks the server too (libpq with PGSSLMODE and PGSSLROOTCERT).
    await expect(backupDatabase(configFor('127.0.0.1', 'verify-full', certs.otherCa), undefined, folder, key)).rejects.toThrow(
      /pg_dump failed: .*certificate verify failed/,
    );
    await expect(backupConfigured(configFor('127.0.0.1', 'verify-full', certs.otherCa), folder, key)).rejects.toThrow(/unable to verify/);
  });
});
