import type { Knex } from 'knex';
import { readSettings } from '../../settings/repo';
import { clinicToday, findReconciliationRun, storeReconciliationRun } from './repo';
import type { GatewayPaymentsService } from './service';
import { readPaymentSettings } from './settings-repo';

const HOUR_MS = 3_600_000;

/**
 * Reconciles one clinic day with the gateway and stores the result, once: the day is the row's
 * key, so a second run (a restart, another gateway process) stores nothing. Skipped while the
 * gateway is not set up. Returns whether a result was stored.
 */
export async function runReconciliation(knex: Knex, service: GatewayPaymentsService, day: string): Promise<boolean> {
  const settings = await readPaymentSettings(knex);
  if (!settings.razorpayKeyId || !settings.razorpayKeySecret) return false;
  if (await findReconciliationRun(knex, day)) return false;
  return storeReconciliationRun(knex, await service.reconciliation(day), false);
}

/** The clinic's yesterday, by the database's clock and the clinic's zone. */
async function clinicYesterday(knex: Knex): Promise<string> {
  const { timeZone } = await readSettings(knex);
  const today = await clinicToday(knex, timeZone);
  return new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/**
 * The daily reconciliation: yesterday (a finished clinic day, its settlements listed) is
 * reconciled the first time an hourly check finds it missing. Returns a function that stops it.
 */
export function scheduleReconciliation(knex: Knex, service: GatewayPaymentsService, log: (message: string, err: unknown) => void): () => void {
  const run = () =>
    void clinicYesterday(knex)
      .then((day) => runReconciliation(knex, service, day))
      .catch((err: unknown) => log('payment reconciliation failed', err));
  run();
  const timer = setInterval(run, HOUR_MS);
  timer.unref();
  return () => clearInterval(timer);
}
