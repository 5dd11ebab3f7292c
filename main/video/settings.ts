import type { z } from 'zod';
import type { updateVideoSettingsSchema, VideoSettingsDto } from '../../preload/contract';
import type { TokenCredentials } from './tokens';
import type { VideoSettings } from './settings-repo';

export type VideoSettingsUpdate = z.output<typeof updateVideoSettingsSchema>;

/** What an ADMIN's screen may know: identifiers and addresses, and only whether each secret is set. */
export function publicVideoSettings(s: VideoSettings): VideoSettingsDto {
  return {
    accountSid: s.accountSid,
    apiKeySid: s.apiKeySid,
    apiKeySecretSet: !!s.apiKeySecret,
    authTokenSet: !!s.authToken,
    webhookUrl: s.webhookUrl,
    joinUrlTemplate: s.joinUrlTemplate,
    configured: credentialsOf(s) !== undefined,
    updatedAt: s.updatedAt,
  };
}

/** The API key credentials, when all three are set. */
export function credentialsOf(s: VideoSettings): TokenCredentials | undefined {
  if (!s.accountSid || !s.apiKeySid || !s.apiKeySecret) return undefined;
  return { accountSid: s.accountSid, apiKeySid: s.apiKeySid, apiKeySecret: s.apiKeySecret };
}

/** The patient's join link from the ADMIN's template: {token} and {room}, URL-encoded. */
export function joinLink(template: string, token: string, roomName: string): string {
  return template.replaceAll('{token}', encodeURIComponent(token)).replaceAll('{room}', encodeURIComponent(roomName));
}
