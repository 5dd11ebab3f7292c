import type { Knex } from 'knex';
import { readVideoSettings } from '../video/settings-repo';

/**
 * The https hosts the clinic links to, the only ones a link may open in the system browser:
 * its patient join page. (Payment pages join this list when a payment gateway is configured;
 * none is today.)
 */
export async function clinicLinkHosts(knex: Knex): Promise<Set<string>> {
  const { joinUrlTemplate } = await readVideoSettings(knex);
  return new Set(joinUrlTemplate ? [new URL(joinUrlTemplate).host] : []);
}
