import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { say, type Sentence } from '../shared/say';

/** A key problem a person can act on: the message says which key is missing or wrong and what to do. */
export class ClinicKeyError extends Error {
  /** The words with their values apart, so the desk can say them in its language. */
  constructor(readonly sentence: Sentence) {
    super(String(sentence));
    this.name = 'ClinicKeyError';
  }
}

const KEY_BYTES = 32;
const CHECK_BYTES = 4;
const RECOVERY_PREFIX = 'CDK1-';

/**
 * The clinic's one secret outside the database: 32 random bytes from which the backup key and
 * the key that seals provider secrets are derived (HKDF), so exporting it once (the recovery
 * key) is enough to restore a backup and read its sealed secrets on another PC.
 */
export class ClinicKey {
  /** Names the key in every backup header and sealed value, so a wrong key is told apart from damage. */
  readonly id: string;
  readonly backupKey: Buffer;
  readonly secretsKey: Buffer;

  constructor(private readonly material: Buffer) {
    if (material.length !== KEY_BYTES) throw new ClinicKeyError(say`A clinic key is ${KEY_BYTES} bytes, not ${material.length}`);
    this.id = createHmac('sha256', material).update('clinic-desk key id').digest('hex').slice(0, 16);
    this.backupKey = derive(material, 'clinic-desk backups v1');
    this.secretsKey = derive(material, 'clinic-desk secrets v1');
  }

  static generate(): ClinicKey {
    return new ClinicKey(randomBytes(KEY_BYTES));
  }

  /** The key as text a person can store offline: prefix, base64url, and a checksum that catches typos. */
  recoveryKey(): string {
    return RECOVERY_PREFIX + Buffer.concat([this.material, checksum(this.material)]).toString('base64url');
  }

  static fromRecoveryKey(text: string): ClinicKey {
    const trimmed = text.trim();
    if (!trimmed.startsWith(RECOVERY_PREFIX)) throw new ClinicKeyError(say`This is not a Clinic Desk recovery key (those start with ${RECOVERY_PREFIX})`);
    const raw = Buffer.from(trimmed.slice(RECOVERY_PREFIX.length), 'base64url');
    const material = raw.subarray(0, KEY_BYTES);
    const check = raw.subarray(KEY_BYTES);
    if (raw.length !== KEY_BYTES + CHECK_BYTES || !timingSafeEqual(check, checksum(material))) {
      throw new ClinicKeyError(say`The recovery key is mistyped or incomplete (its checksum does not match); copy it again exactly as exported`);
    }
    return new ClinicKey(material);
  }
}

function derive(material: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, Buffer.alloc(0), info, KEY_BYTES));
}

function checksum(material: Buffer): Buffer {
  return createHash('sha256').update(material).digest().subarray(0, CHECK_BYTES);
}
