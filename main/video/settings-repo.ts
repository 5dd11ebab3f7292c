import type { Knex } from 'knex';
import { isSealed } from '../secrets/sealed-secrets';
import type { SecretBox } from '../secrets/secret-box';
import { columnMapper } from '../shared/columns';

/**
 * The clinic's Twilio set-up as stored, secrets included (sealed: see openVideoSecrets): for
 * main only, never a reply.
 */
export interface VideoSettings {
  accountSid: string | null;
  apiKeySid: string | null;
  apiKeySecret: string | null;
  authToken: string | null;
  webhookUrl: string | null;
  joinUrlTemplate: string | null;
  /** The gateway as the internet sees it (https://…): join links are built on it. */
  publicBaseUrl: string | null;
  /** The join window: this many minutes before the start … */
  joinOpensMinutes: number;
  /** … to this many after the end. */
  joinClosesMinutes: number;
  updatedAt: string;
}

type Fields = Omit<VideoSettings, 'updatedAt'>;

const columns = columnMapper<Fields>({
  accountSid: 'account_sid',
  apiKeySid: 'api_key_sid',
  apiKeySecret: 'api_key_secret',
  authToken: 'auth_token',
  webhookUrl: 'webhook_url',
  joinUrlTemplate: 'join_url_template',
  publicBaseUrl: 'public_base_url',
  joinOpensMinutes: 'join_opens_minutes',
  joinClosesMinutes: 'join_closes_minutes',
});

export async function readVideoSettings(knex: Knex): Promise<VideoSettings> {
  const row = await knex('video_settings').where({ id: 1 }).first();
  if (!row) throw new Error('video_settings has no row: the schema is not migrated');
  return { ...columns.fromRow(row), updatedAt: row.updated_at };
}

/** Writes the fields given; null clears one. */
export async function writeVideoSettings(knex: Knex, changes: Partial<Fields>, updatedBy: number): Promise<VideoSettings> {
  const update = { ...columns.toColumns(changes), updated_at: knex.fn.now(), updated_by: updatedBy };
  const [row] = await knex('video_settings').where({ id: 1 }).update(update).returning('*');
  return { ...columns.fromRow(row), updatedAt: row.updated_at };
}

/**
 * Seals the secrets stored in plain text before sealing existed (every start runs it; after the
 * first it finds nothing). Only still-plain values are rewritten, in one row-locked transaction,
 * so a value another PC has just sealed is never sealed twice. Returns how many were sealed.
 */
export function sealPlainVideoSecrets(knex: Knex, box: SecretBox): Promise<number> {
  return knex.transaction(async (trx) => {
    const row = await trx('video_settings').where({ id: 1 }).forUpdate().first('api_key_secret', 'auth_token');
    if (!row) return 0;
    const update: Record<string, string> = {};
    for (const column of ['api_key_secret', 'auth_token'] as const) {
      const value = row[column] as string | null;
      if (value && !isSealed(value)) update[column] = box.seal(value);
    }
    const count = Object.keys(update).length;
    if (count > 0) await trx('video_settings').where({ id: 1 }).update(update);
    return count;
  });
}
