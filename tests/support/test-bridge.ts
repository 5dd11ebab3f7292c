import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { startBridge, type Bridge } from '../../main/bridge/server';
import { insertUser } from '../../main/users/repo';
import { openMigrated } from './databases';
import { testPasswordHash } from './harness';

export interface TestBridge {
  bridge: Bridge;
  /** http://127.0.0.1:<port> */
  base: string;
  knex: Knex;
  dispose(): Promise<void>;
}

/**
 * A loopback bridge on a fresh embedded database with a stand-in renderer folder (the bridge's
 * transport does not depend on the database mode). `desk`: also a receptionist desk@clinic.test
 * with the test password, for signing tabs in.
 */
export async function startTestBridge(opts: { desk?: boolean } = {}): Promise<TestBridge> {
  const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bridge-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const scratch = await openMigrated('embedded');
  const knex = scratch.db.knex;
  if (opts.desk) {
    await insertUser(knex, { email: 'desk@clinic.test', passwordHash: await testPasswordHash(), role: 'RECEPTIONIST', displayName: 'Desk', doctorId: null });
  }
  const bridge = await startBridge({ db: scratch.db, rendererDir, version: '9.9.9' });
  // Its services load once it listens; tests reach for them at once.
  await bridge.ready;
  return {
    bridge,
    base: `http://127.0.0.1:${bridge.port}`,
    knex,
    async dispose() {
      await bridge.close();
      await scratch.dispose();
      fs.rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}
