import type { HealthReport } from '../../preload/contract';
import { lastRun } from '../backup/repo';
import type { Database } from '../db/open';
import { databaseBytes, indexHealth, tableHealth } from './repo';

export async function healthReport(db: Database): Promise<HealthReport> {
  // The command-line report also serves a database not yet migrated this far.
  const runsKept = await db.knex.schema.hasTable('backup_runs');
  const [tables, indexes, bytes, lastBackup, lastSuccessfulBackup] = await Promise.all([
    tableHealth(db.knex),
    indexHealth(db.knex),
    databaseBytes(db.knex),
    runsKept ? lastRun(db.knex, false) : null,
    runsKept ? lastRun(db.knex, true) : null,
  ]);
  return { databaseMode: db.mode, databaseBytes: bytes, tables, indexes, lastBackup, lastSuccessfulBackup };
}

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MiB` : `${Math.ceil(bytes / 1024)} KiB`);

/** The report as text for `npm run db:health`. */
export function formatHealthReport(r: HealthReport): string {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const lines = [
    `Database: ${r.databaseMode}, ${kib(r.databaseBytes)}`,
    '',
    'Tables (largest first):',
    `  ${pad('table', 32)}${pad('rows', 10)}${pad('dead rows', 11)}${pad('size', 12)}last vacuum`,
  ];
  for (const t of r.tables) lines.push(`  ${pad(t.name, 32)}${pad(t.rows, 10)}${pad(t.deadRows, 11)}${pad(kib(t.totalBytes), 12)}${t.lastVacuum ?? 'never'}`);
  const unused = r.indexes.filter((i) => i.scans === 0);
  lines.push(
    '',
    `Indexes: ${r.indexes.length}, ${unused.length} never used since statistics were reset`,
    `  ${pad('index', 48)}${pad('table', 28)}${pad('scans', 10)}size`,
  );
  for (const i of r.indexes) lines.push(`  ${pad(i.name, 48)}${pad(i.table, 28)}${pad(i.scans, 10)}${kib(i.bytes)}`);
  const b = r.lastSuccessfulBackup;
  lines.push('', b ? `Last good backup: ${b.finishedAt} (${b.file}, ${kib(b.bytes ?? 0)})` : 'Last good backup: none');
  if (r.lastBackup && r.lastBackup.ok === false) lines.push(`WARNING: the latest backup (${r.lastBackup.finishedAt}) failed: ${r.lastBackup.message}`);
  return lines.join('\n');
}
