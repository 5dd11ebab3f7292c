// The loader runs in its own process, so the measuring process's memory (RSS is one of the
// figures) holds only what the app would: the generator's working set goes away with it.
import { openDatabase } from '../../main/db/open';
import type { DatabaseConfig } from '../../main/db/config';
import type { Scale } from '../scale';
import { loadClinic } from './clinic';

async function main(): Promise<void> {
  const { config, scale } = JSON.parse(process.argv[2] ?? '') as { config: DatabaseConfig; scale: Scale };
  const db = await openDatabase(config, { schema: 'migrate' });
  try {
    // Back from the desk's runtime role (embedded mode) to the owner: loading runs as a restore
    // does, with session_replication_role, which only a superuser may set.
    if (config.mode === 'embedded') await db.knex.raw('RESET ROLE');
    const report = await loadClinic(db.knex, scale, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(JSON.stringify(report));
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
