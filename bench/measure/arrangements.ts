import knexFactory, { type Knex } from 'knex';
import type { ServerDatabaseConfig } from '../../main/db/config';
import { createClinicDatabase, startThrowawayCluster, type ThrowawayCluster } from '../../tests/support/throwaway-cluster';
import { startPgBouncer } from '../../tests/support/pgbouncer';
import { addDays } from '../../main/demo/calendar';
import { loadInChild } from '../generate/spawn-loader';
import type { Figure } from '../report';
import { scaleFor } from '../scale';
import { Desk } from './desk';
import { withAdmin } from './pg-admin';
import { SITE_DESKS, measureDesks, stepHeld, type DesksRun, type DesksStep } from './desks';

const DATABASE = 'clinic_desks';
/** The app's own pool size per PC (CLINIC_DB_POOL_MAX's default). */
const APP_POOL = 5;
/** PgBouncer's server connections for the whole chain. */
const BOUNCER_POOL = 20;
/** A busy chain's front desks together: four bookings a second. */
const PACE_MS = 250;
const TARGET_MS = 1000;
const DESKS = 200;
const SIZED = DESKS * (APP_POOL + 1) + 10;

interface Arrangement {
  id: string;
  label: string;
  maxConnections: number;
  throughBouncer: boolean;
  /** Desk counts, smallest first; the first step that breaks ends the arrangement. */
  steps: number[];
}

/**
 * The issue's arrangements: every desk straight to PostgreSQL at its default connection limit
 * (where it breaks), the same with the limit raised, then calls through PgBouncer in transaction
 * pooling with LISTEN straight to PostgreSQL, at the default limit and raised.
 */
const ARRANGEMENTS: Arrangement[] = [
  { id: 'direct.100', label: 'straight to PostgreSQL, max_connections 100', maxConnections: 100, throughBouncer: false, steps: [25, 50, 100, DESKS] },
  // Room for every desk's whole pool and its LISTEN: the limit a clinic would have to set.
  { id: 'direct.sized', label: `straight to PostgreSQL, max_connections ${SIZED}`, maxConnections: SIZED, throughBouncer: false, steps: [DESKS] },
  {
    id: 'bouncer.100',
    label: `PgBouncer (pool ${BOUNCER_POOL}) + LISTEN direct, max_connections 100`,
    maxConnections: 100,
    throughBouncer: true,
    steps: [200],
  },
  {
    id: 'bouncer.300',
    label: `PgBouncer (pool ${BOUNCER_POOL}) + LISTEN direct, max_connections 300`,
    maxConnections: 300,
    throughBouncer: true,
    steps: [200],
  },
];

const f1 = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);

function stepFigure(a: Arrangement, s: DesksStep, pgbouncer: boolean): Figure {
  const held = stepHeld(s);
  const detail = [
    `${s.opened}/${s.desks} opened`,
    ...(s.deaf ? [`${s.deaf} never heard a change`] : []),
    ...(s.heard ? [`heard p95 ${f1(s.heard.p95)} ms`] : []),
    ...(s.missed ? [`${s.missed} redraws missing`] : []),
    `${s.serverConnections} server connections (${(s.serverConnections / Math.max(1, s.opened)).toFixed(2)} a desk)`,
    ...s.problems.slice(0, 2).map((p) => `first problem: ${p}`),
  ].join('; ');
  const scale = `${s.desks} desks in sites of ${SITE_DESKS}, one booking every ${PACE_MS} ms`;
  const common = { mode: pgbouncer ? 'server+pgbouncer' : 'server', scale, note: detail };
  const target = s.desks >= DESKS ? { target: `≤ ${TARGET_MS} ms, every desk`, pass: held && (s.shown?.p95 ?? Infinity) <= TARGET_MS } : {};
  if (!s.shown) return { id: `desks.${a.id}.${s.desks}`, label: `${s.desks} desks, ${a.label}: works`, unit: 'yes/no', value: 0, ...common, ...target };
  return { id: `desks.${a.id}.${s.desks}`, label: `cross-PC update, ${s.desks} desks, ${a.label}`, unit: 'ms', value: s.shown.p95, ...common, ...target };
}

/** PostgreSQL reads max_connections only when it starts. */
async function setMaxConnections(cluster: ThrowawayCluster, n: number): Promise<void> {
  await withAdmin(cluster.url(), (k) => k.raw(`ALTER SYSTEM SET max_connections = ${Number(n)}`));
  await cluster.restart();
}

/**
 * The 200-desk figures (`--mode=desks`): a PostgreSQL of its own (the shared server's settings
 * stay untouched), the quick clinic loaded once, then each arrangement's steps.
 */
export async function benchDeskArrangements(log: (line: string) => void, seed: number): Promise<Figure[]> {
  const figures: Figure[] = [];
  const cluster = await startThrowawayCluster();
  try {
    const direct: ServerDatabaseConfig = { ...(await createClinicDatabase(cluster, DATABASE, 30_000)), poolMax: APP_POOL };
    log(`\ndesks (a PostgreSQL of its own on port ${cluster.port}): loading the quick clinic`);
    const load = await loadInChild(direct, scaleFor('server', true));
    const doctorIds = await withAdmin(cluster.url(DATABASE), async (k) => (await k('doctor_entities').orderBy('id').pluck('id')).map(Number));
    // Each step books into a day of its own, from tomorrow: the generated day, with room added.
    let day = 0;
    for (const a of ARRANGEMENTS) {
      await setMaxConnections(cluster, a.maxConnections);
      const bouncer = a.throughBouncer
        ? await startPgBouncer({ database: DATABASE, users: ['postgres'], poolSize: BOUNCER_POOL, upstreamPort: cluster.port, maxClients: 2_000 })
        : undefined;
      const admin: Knex = knexFactory({ client: 'pg', connection: cluster.url(DATABASE), pool: { min: 1, max: 1 } });
      const config: ServerDatabaseConfig = bouncer ? { ...direct, url: bouncer.url('postgres'), direct: { url: direct.url, sslMode: 'disable' } } : direct;
      // The booking PC connects as the desks do.
      const booker = await Desk.open(config, 1);
      try {
        for (const desks of a.steps) {
          log(`  ${a.label}: ${desks} desks`);
          const run: DesksRun = { config, admin, database: DATABASE, booker, doctorIds, date: addDays(load.today, ++day), bookings: 60, paceMs: PACE_MS, seed };
          const step = await measureDesks(run, desks);
          const figure = stepFigure(a, step, Boolean(bouncer));
          figures.push(figure);
          log(`    ${figure.unit === 'ms' ? `p95 ${f1(figure.value)} ms` : 'broken'}; ${figure.note}`);
          if (!stepHeld(step)) break;
        }
      } finally {
        await booker.close();
        await admin.destroy();
        await bouncer?.dispose();
      }
    }
  } finally {
    await cluster.dispose();
  }
  return figures;
}
