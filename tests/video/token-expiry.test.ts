import { afterEach, describe, expect, it, vi } from 'vitest';
import { DOCTOR_TOKEN_SECONDS, videoToken } from '../../main/video/tokens';

const CREDS = { accountSid: 'AC00000000000000000000000000000000', apiKeySid: 'SK00000000000000000000000000000000', apiKeySecret: 'secret' };
const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };

describe('a video token’s expiry', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the one the token carries, even when the clock turns a second while it is made', async () => {
    // Each read of the clock a millisecond later than the one before, from the last of a second on.
    let now = Date.parse('2099-03-02T09:59:59.999Z');
    vi.spyOn(Date, 'now').mockImplementation(() => now++);
    const { token, expiresAt } = await videoToken(CREDS, 'doctor-1', 'appointment-1', DOCTOR_TOKEN_SECONDS);
    const { iat, exp } = payloadOf(token);
    expect(exp - iat).toBe(DOCTOR_TOKEN_SECONDS);
    expect(Date.parse(expiresAt)).toBe(exp * 1000);
  });
});
