import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import knexFactory from 'knex';
import { describe, expect, it } from 'vitest';
import type { WorkerToHost } from '../../main/db/embedded/protocol';

// npm test builds before vitest runs; these check what `npm run build` produced.
const OUT = path.resolve(__dirname, '../../out');

describe('npm run build output', () => {
  it('bundles the preload as one CommonJS file that requires only electron', () => {
    const preload = fs.readFileSync(path.join(OUT, 'preload/index.cjs'), 'utf8');
    const requires = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*(import|export)\s/m);
    expect(fs.readdirSync(path.join(OUT, 'preload'))).toEqual(['index.cjs']);
  });

  it('builds main with the PGlite worker as its own entry, dependencies left external', () => {
    const main = fs.readFileSync(path.join(OUT, 'main/index.js'), 'utf8');
    expect(main).toContain('require("knex")');
    expect(main).toContain('require("electron")');
    // The migrations are bundled, not read from a folder at run time.
    expect(main).toContain('20261125000000_seed_schema');
    expect(main).toContain('excl_appointment_doctor_overlap');
    expect(fs.existsSync(path.join(OUT, 'main/pglite-worker.js'))).toBe(true);
  });

  it('builds the renderer with its entry script', () => {
    const html = fs.readFileSync(path.join(OUT, 'renderer/index.html'), 'utf8');
    const script = html.match(/src="\.?\/?(assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    expect(fs.existsSync(path.join(OUT, 'renderer', script!))).toBe(true);
  });

  it('loads twilio-video lazily, in its own chunk, not in the entry script', () => {
    const assets = fs.readdirSync(path.join(OUT, 'renderer/assets'));
    const read = (name: string) => fs.readFileSync(path.join(OUT, 'renderer/assets', name), 'utf8');
    const vendor = assets.filter((a) => /^twilio-vendor-.*\.js$/.test(a));
    expect(vendor).toHaveLength(1);
    // SignalingConnectionError is twilio-video's own code.
    expect(read(vendor[0]!)).toContain('SignalingConnectionError');
    for (const entry of assets.filter((a) => /^index-.*\.js$/.test(a))) expect(read(entry)).not.toContain('SignalingConnectionError');
  });

  it('the bundled PGlite worker starts a database that answers over its socket', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-built-worker-'));
    const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-built-sock-'));
    const worker = new Worker(path.join(OUT, 'main/pglite-worker.js'), {
      workerData: { pgDataDir: path.join(dir, 'pgdata'), socketPath: path.join(socketDir, '.s.PGSQL.5432') },
    });
    const next = (type: WorkerToHost['type']) =>
      new Promise<WorkerToHost>((resolve, reject) => {
        worker.on('message', (m: WorkerToHost) => (m.type === type || m.type === 'failed' ? resolve(m) : undefined));
        worker.once('error', reject);
      });
    try {
      expect(await next('ready')).toMatchObject({ type: 'ready' });
      const knex = knexFactory({ client: 'pg', connection: { host: socketDir, port: 5432, user: 'postgres', database: 'postgres' }, pool: { min: 0, max: 1 } });
      const r = await knex.raw(`CREATE EXTENSION btree_gist; CREATE EXTENSION pg_trgm; SELECT similarity('clinic', 'clinics') > 0.5 AS ok`);
      await knex.destroy();
      expect((Array.isArray(r) ? r.at(-1) : r).rows).toEqual([{ ok: true }]);
      const closed = next('closed');
      worker.postMessage({ type: 'close' });
      expect(await closed).toEqual({ type: 'closed' });
    } finally {
      await worker.terminate();
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(socketDir, { recursive: true, force: true });
    }
  });
});
