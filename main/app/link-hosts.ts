import type { Knex } from 'knex';
import { gatewayBase } from '../video/settings';
import { readVideoSettings } from '../video/settings-repo';

/**
 * The https hosts the clinic links to, the only ones a link may open in the system browser:
 * its patient join page (on the gateway, or a page of the clinic's own from the older link
 * template). (Payment pages join this list when a payment gateway is configured; none is today.)
 */
export async function clinicLinkHosts(knex: Knex): Promise<Set<string>> {
  const settings = await readVideoSettings(knex);
  const gateway = gatewayBase(settings);
  return new Set([settings.joinUrlTemplate, gateway].filter((url): url is string => !!url).map((url) => new URL(url).host));
}
