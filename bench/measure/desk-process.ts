// One OS process holding many simulated desk PCs for the 200-desk figure (bench/measure/desks.ts).
// Each desk is what one installed app opens: its own pool, its own LISTEN connection, its own
// services and router, one receptionist signed in. It re-reads its site's day when a change
// touches it, as the renderer's invalidation does, and reports what it heard and showed.
import type { RowChange } from '../../main/db/changes';
import { openDatabase, type Database } from '../../main/db/open';
import { createServices, type MainServices } from '../../main/services';
import type { Result } from '../../preload/contract';
import { now, type DeskProcessSpec, type DeskReport } from './desk-protocol';

const report = (r: DeskReport) => process.send!(r);

interface OpenDesk {
  db: Database;
  services: MainServices;
}

async function openDesk(spec: DeskProcessSpec, d: DeskProcessSpec['desks'][number]): Promise<OpenDesk> {
  const db = await openDatabase(spec.config, { schema: 'guard' });
  const services = createServices(db, { version: 'bench', log: () => undefined, events: () => undefined });
  const sessionKey = `bench-desk-${d.desk}`;
  services.sessions.signIn(sessionKey, d.userId);
  const doctorIds = spec.sites[d.site]!;
  const wanted = new Set<number>();
  let reading = false;
  let again = false;

  // A burst of changes is one re-read at a time, and one more after it, as the renderer coalesces.
  const reread = async () => {
    if (reading) return void (again = true);
    reading = true;
    try {
      do {
        again = false;
        const r = (await services.router.call(
          'appointments.list',
          { doctorIds, from: spec.date, to: spec.date },
          { sessionKey, workstation: `bench-pc-${d.desk}` },
        )) as Result<{ id: number }[]>;
        if (!r.ok) report({ type: 'failed', desk: d.desk, problem: `${r.error.code}: ${r.error.message}` });
        else {
          const at = now();
          for (const a of r.value) if (wanted.delete(a.id)) report({ type: 'shown', desk: d.desk, id: a.id, at });
        }
      } while (again);
    } finally {
      reading = false;
    }
  };

  db.changes.on('change', (c: RowChange) => {
    if (c.id === null) return;
    report({ type: 'heard', desk: d.desk, table: c.table, id: c.id, at: now() });
    if (c.table === 'appointment_entities' && c.date === spec.date && c.doctor_id !== null && doctorIds.includes(c.doctor_id)) {
      wanted.add(c.id);
      void reread();
    }
  });
  return { db, services };
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2]!) as DeskProcessSpec;
  const open: OpenDesk[] = [];
  for (const d of spec.desks) {
    try {
      open.push(await openDesk(spec, d));
      report({ type: 'opened', desk: d.desk });
    } catch (err) {
      report({ type: 'opened', desk: d.desk, problem: (err as Error).message });
    }
  }
  report({ type: 'ready' });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  for (const o of open) {
    o.services.stop();
    await o.db.close();
  }
  process.disconnect();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
