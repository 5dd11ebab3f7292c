import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { say } from '../shared/say';
import { ClinicKeyError, type ClinicKey } from './clinic-key';
import type { SecretBox } from './secret-box';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** Whether a stored value is already sealed (values from before sealing are plain text). */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/**
 * AES-256-GCM under the clinic key's secrets key: `sealed:v1:<key id>:<iv|ciphertext|tag>`.
 * The key id travels with the value, so a PC holding another key says so instead of "damaged".
 */
export function clinicSecretBox(key: () => ClinicKey): SecretBox {
  return {
    seal(plain) {
      const k = key();
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', k.secretsKey, iv);
      cipher.setAAD(Buffer.from(k.id));
      const body = Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
      return `${PREFIX}${k.id}:${body.toString('base64url')}`;
    },
    open(sealed) {
      if (!isSealed(sealed)) throw new ClinicKeyError(say`This stored secret is not sealed`);
      const [keyId = '', encoded = ''] = sealed.slice(PREFIX.length).split(':');
      const k = key();
      if (keyId !== k.id) {
        throw new ClinicKeyError(
          say`A stored secret was sealed with clinic key ${keyId}, but this PC holds key ${k.id}. Import the clinic's recovery key on this PC, or enter the secret again.`,
        );
      }
      const body = Buffer.from(encoded, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES) throw new ClinicKeyError(say`A stored secret is damaged (too short)`);
      const decipher = createDecipheriv('aes-256-gcm', k.secretsKey, body.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(k.id));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      try {
        return Buffer.concat([decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new ClinicKeyError(say`A stored secret is damaged or was altered (it fails its integrity check); enter it again`);
      }
    },
  };
}
