// A desk PC on the embedded database that books one appointment after another until it is
// killed. Used by tests/faults/embedded-kill.test.ts. On start it prints every appointment id
// the folder holds; after each booking whose call returned success it prints that id. Lines
// are written synchronously, so a line that exists was printed before the kill.
import fs from 'node:fs';
import { shiftDate, toTime } from '../../main/availability/wall-clock';
import { openDatabase } from '../../main/db/open';
import { createServices } from '../../main/services';

const SLOTS_PER_DAY = 40; // 08:00–18:00 in 15 minutes

const line = (text: string) => fs.writeSync(1, `${text}\n`);

async function main(): Promise<void> {
  const { dataDir, userId, doctorId, patientIds, firstDay } = JSON.parse(process.argv[2]!) as {
    dataDir: string;
    userId: number;
    doctorId: number;
    patientIds: number[];
    firstDay: string;
  };
  const db = await openDatabase({ mode: 'embedded', dataDir });
  const ids: number[] = (await db.knex('appointment_entities').orderBy('id').pluck('id')) as number[];
  line(`HAVE ${JSON.stringify(ids)}`);
  const services = createServices(db, { version: 'kill-test', log: () => undefined, events: () => undefined });
  services.sessions.signIn('desk', userId);
  // Each booking takes the next free slot: the count of rows is the index of the next one,
  // even when the booking in flight at the last kill committed without being reported.
  for (let n = ids.length; ; n++) {
    const r = await services.router.call(
      'appointments.book',
      {
        patientId: patientIds[n % patientIds.length]!,
        doctorId,
        date: shiftDate(firstDay, Math.floor(n / SLOTS_PER_DAY)),
        startTime: toTime(8 * 60 + (n % SLOTS_PER_DAY) * 15).slice(0, 5),
      },
      { sessionKey: 'desk', workstation: 'kill-test' },
    );
    if (!r.ok) throw new Error(`booking ${n} failed: ${r.error.code}: ${r.error.message}`);
    line(`OK ${(r.value as { id: number }).id}`);
  }
}

main().catch((err: unknown) => {
  line(`FAILED ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
