import type { z } from 'zod';
import type { updateVideoSettingsSchema, VideoSettingsDto } from '../../preload/contract';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { ClinicKeyError } from '../secrets/clinic-key';
import { isSealed } from '../secrets/sealed-secrets';
import type { SecretBox } from '../secrets/secret-box';
import type { TokenCredentials } from './tokens';
import type { VideoSettings } from './settings-repo';

export type VideoSettingsUpdate = z.output<typeof updateVideoSettingsSchema>;

/** The fields sealed in the database: nothing readable from a dump can sign a token or a webhook. */
const SEALED_FIELDS = ['apiKeySecret', 'authToken'] as const;
type SealedField = (typeof SEALED_FIELDS)[number];

/** The changes as stored: each secret given sealed (null, clearing it, stays null). */
export function sealVideoSecrets<T extends Partial<Record<SealedField, string | null>>>(changes: T, box: SecretBox): T {
  const sealed = { ...changes };
  for (const field of SEALED_FIELDS) {
    const value = changes[field];
    if (typeof value === 'string') sealed[field] = box.seal(value) as T[SealedField];
  }
  return sealed;
}

/**
 * The stored settings with their secrets opened, for main's own use (tokens, webhook
 * signatures). A value from before sealing is still plain and passes as it is until sealed.
 */
export function openVideoSecrets(s: VideoSettings, box: SecretBox): VideoSettings {
  const opened = { ...s };
  try {
    for (const field of SEALED_FIELDS) {
      const value = s[field];
      if (value && isSealed(value)) opened[field] = box.open(value);
    }
  } catch (err) {
    throw new AppError(
      'UNAVAILABLE',
      say`The clinic's Twilio secrets cannot be opened on this PC: ${err instanceof ClinicKeyError ? err.sentence : (err as Error).message}`,
    );
  }
  return opened;
}

/** What an ADMIN's screen may know: identifiers and addresses, and only whether each secret is set. */
export function publicVideoSettings(s: VideoSettings): VideoSettingsDto {
  return {
    accountSid: s.accountSid,
    apiKeySid: s.apiKeySid,
    apiKeySecretSet: !!s.apiKeySecret,
    authTokenSet: !!s.authToken,
    webhookUrl: s.webhookUrl,
    joinUrlTemplate: s.joinUrlTemplate,
    publicBaseUrl: s.publicBaseUrl,
    joinOpensMinutes: s.joinOpensMinutes,
    joinClosesMinutes: s.joinClosesMinutes,
    configured: credentialsOf(s) !== undefined,
    updatedAt: s.updatedAt,
  };
}

/** The API key credentials, when all three are set. */
export function credentialsOf(s: VideoSettings): TokenCredentials | undefined {
  if (!s.accountSid || !s.apiKeySid || !s.apiKeySecret) return undefined;
  return { accountSid: s.accountSid, apiKeySid: s.apiKeySid, apiKeySecret: s.apiKeySecret };
}

/**
 * Where the patient's join page is: the gateway's public address, or, when none is set, the
 * origin of the webhook URL (the same gateway receives Twilio's callbacks).
 */
export function gatewayBase(s: VideoSettings): string | undefined {
  if (s.publicBaseUrl) return s.publicBaseUrl.replace(/\/+$/, '');
  return s.webhookUrl ? new URL(s.webhookUrl).origin : undefined;
}

export const joinLink = (base: string, code: string): string => `${base}/join/${code}`;
