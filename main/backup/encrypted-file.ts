import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DatabaseConfig } from '../db/config';
import type { ClinicKey } from '../secrets/clinic-key';
import { say } from '../shared/say';
import { BackupError } from './errors';

// An encrypted backup: MAGIC | mode (S/E) | key id (16 hex) | IV (12) | AES-256-GCM ciphertext | tag (16).
// The header is authenticated with the data, and says which key and which mode without the key,
// so a restore can name a wrong key or a wrong mode instead of only failing.
const ENCRYPTED_MAGIC = Buffer.from('CDBKP1');
const MODE_BYTE = { server: 'S', embedded: 'E' } as const;
const KEY_ID_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const HEADER_BYTES = ENCRYPTED_MAGIC.length + 1 + KEY_ID_BYTES + IV_BYTES;

export interface EncryptedHeader {
  mode: DatabaseConfig['mode'];
  keyId: string;
  bytes: Buffer;
}

/** The header of an encrypted backup, or undefined when head does not start like one. */
export function parseHeader(head: Buffer): EncryptedHeader | undefined {
  if (head.length < HEADER_BYTES || !head.subarray(0, ENCRYPTED_MAGIC.length).equals(ENCRYPTED_MAGIC)) return undefined;
  const modeByte = String.fromCharCode(head[ENCRYPTED_MAGIC.length]!);
  const mode = modeByte === MODE_BYTE.server ? 'server' : modeByte === MODE_BYTE.embedded ? 'embedded' : undefined;
  if (!mode) return undefined;
  const keyStart = ENCRYPTED_MAGIC.length + 1;
  return { mode, keyId: head.subarray(keyStart, keyStart + KEY_ID_BYTES).toString('latin1'), bytes: Buffer.from(head.subarray(0, HEADER_BYTES)) };
}

/** Streams source, encrypted, into a new file readable by the user alone (0600). */
export async function writeEncrypted(source: Readable, file: string, mode: DatabaseConfig['mode'], key: ClinicKey): Promise<void> {
  const iv = randomBytes(IV_BYTES);
  const header = Buffer.concat([ENCRYPTED_MAGIC, Buffer.from(MODE_BYTE[mode]), Buffer.from(key.id, 'latin1'), iv]);
  const cipher = createCipheriv('aes-256-gcm', key.backupKey, iv);
  cipher.setAAD(header);
  await pipeline(
    source,
    cipher,
    async function* framed(chunks: AsyncIterable<Buffer>) {
      yield header;
      for await (const chunk of chunks) yield chunk;
      yield cipher.getAuthTag();
    },
    fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }),
  );
}

/**
 * Decrypts an encrypted backup into out (0600). GCM streams plaintext before it can check the
 * tag, so out is only trustworthy once this resolves; on a failed check it is removed and a
 * BackupError says the file was altered.
 */
export async function decryptToFile(file: string, header: EncryptedHeader, key: ClinicKey, out: string): Promise<void> {
  const size = fs.statSync(file).size;
  if (size < HEADER_BYTES + TAG_BYTES) throw new BackupError(say`${path.basename(file)} is cut short: it is damaged, and nothing was restored.`);
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    fs.closeSync(fd);
  }
  const decipher = createDecipheriv('aes-256-gcm', key.backupKey, header.bytes.subarray(HEADER_BYTES - IV_BYTES));
  decipher.setAAD(header.bytes);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      size - TAG_BYTES > HEADER_BYTES ? fs.createReadStream(file, { start: HEADER_BYTES, end: size - TAG_BYTES - 1 }) : Readable.from([]),
      decipher,
      fs.createWriteStream(out, { flags: 'wx', mode: 0o600 }),
    );
  } catch (err) {
    fs.rmSync(out, { force: true });
    if ((err as Error).message.includes('authenticate')) {
      throw new BackupError(say`${path.basename(file)} has been altered or damaged: it fails its integrity check, and nothing was restored.`);
    }
    throw new BackupError(say`${path.basename(file)} could not be decrypted: ${(err as Error).message}`);
  }
}
