export interface TokenCredentials {
  accountSid: string;
  apiKeySid: string;
  apiKeySecret: string;
}

/** The longest a token lives: the doctor's covers a consultation; the patient's page trades its code again for a later one. */
export const DOCTOR_TOKEN_SECONDS = 3600;
export const PATIENT_TOKEN_SECONDS = 30 * 60;

/**
 * An Access Token whose only grant is Video for one room, for one identity. Signed with the
 * API Key secret; it is a credential, so it goes to the caller and nowhere else (no log, no row).
 */
export async function videoToken(
  creds: TokenCredentials,
  identity: string,
  roomName: string,
  ttlSeconds: number,
): Promise<{ token: string; expiresAt: string }> {
  // Twilio's package is loaded by the first call, not at every start of the app.
  const { default: twilio } = await import('twilio');
  const token = new twilio.jwt.AccessToken(creds.accountSid, creds.apiKeySid, creds.apiKeySecret, { identity, ttl: ttlSeconds });
  token.addGrant(new twilio.jwt.AccessToken.VideoGrant({ room: roomName }));
  const jwt = token.toJwt();
  // The expiry the token itself carries: a clock read beside Twilio's own can fall in the next second.
  const { exp } = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { exp: number };
  return { token: jwt, expiresAt: new Date(exp * 1000).toISOString() };
}

/** The patient's name in the room: how Twilio's callbacks and the call window's reports tell them from the doctor. */
export const patientIdentity = (patientId: number): string => `patient-${patientId}`;
