import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startBridge } from '../../main/bridge/server';
import type { Database } from '../../main/db/open';
import { openMigrated } from '../support/databases';

const CLIENT = 'c'.repeat(24);

/**
 * A cold start: the bridge listens while the database still opens, so the browser loads the
 * sign-in screen meanwhile; API calls wait for the database, or hear that it failed.
 */
describe('the loopback bridge while the database opens', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function bridgeOn(opening: Promise<Database>) {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bridge-opening-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
    cleanups.push(() => fs.rmSync(rendererDir, { recursive: true, force: true }));
    const bridge = await startBridge({ db: opening, rendererDir, version: '9.9.9' });
    cleanups.push(() => bridge.close());
    const base = `http://127.0.0.1:${bridge.port}`;
    const call = (channel: string, token = bridge.token) =>
      fetch(`${base}/api/call/${channel}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'X-Clinic-Client': CLIENT, 'Content-Type': 'application/json' },
        body: '{}',
      });
    return { bridge, base, call };
  }

  it('serves the renderer at once, holds an API call until the database is open and then answers it; a wrong token is refused meanwhile', async () => {
    let open!: (db: Database) => void;
    const { bridge, base, call } = await bridgeOn(new Promise<Database>((resolve) => (open = resolve)));
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(() => bridge.services).toThrow('once the database is open');

    let answered = false;
    const info = call('app.info').then(async (res) => {
      answered = true;
      return { status: res.status, body: await res.json() };
    });
    expect((await call('app.info', 'not-the-token')).status).toBe(401);
    expect((await fetch(`${base}/index.html`)).status).toBe(200);
    expect(answered).toBe(false);

    const scratch = await openMigrated('embedded');
    cleanups.unshift(() => scratch.dispose());
    open(scratch.db);
    expect(await info).toEqual({ status: 200, body: { ok: true, value: { version: '9.9.9', databaseMode: 'embedded', schemaVersion: expect.any(String) } } });
    expect(bridge.services).toBe(await bridge.ready);
  });

  it('answers 503 to API calls when the database cannot be opened, still serves the page, and closes', async () => {
    const failure = new Error('The clinic data folder is in use by another copy of Clinic Desk');
    const { bridge, base, call } = await bridgeOn(Promise.reject(failure));
    await expect(bridge.ready).rejects.toBe(failure);
    const res = await call('auth.status');
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: 'The clinic database could not be opened' });
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect(() => bridge.services).toThrow('once the database is open');
  });
});
