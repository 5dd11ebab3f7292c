import type { Knex } from 'knex';
import { readSettings } from '../../settings/repo';
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
  if (await knex('payment_reconciliations').where({ day }).first('day')) return false;
  const result = await service.reconciliation(day);
  const rows = await knex('payment_reconciliations')
    .insert({ day, mismatches: result.mismatches.length, result: JSON.stringify(result) })
    .onConflict('day')
    .ignore()
    .returning('day');
  return rows.length > 0;
}

/** The clinic's yesterday, by the database's clock and the clinic's zone. */
async function clinicYesterday(knex: Knex): Promise<string> {
  const { timeZone } = await readSettings(knex);
  const { rows } = await knex.raw(`SELECT ((now() AT TIME ZONE ?)::date - 1)::text AS day`, [timeZone]);
  return rows[0].day;
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
