import type { z } from 'zod';
import { RAZORPAY_WEBHOOK_PATH, type PaymentSettingsDto, type updatePaymentSettingsSchema } from '../../../preload/contract';
import { AppError } from '../../shared/app-error';
import { say } from '../../shared/say';
import { ClinicKeyError } from '../../secrets/clinic-key';
import type { SecretBox } from '../../secrets/secret-box';
import type { GatewayCredentials } from './gateway';
import type { PaymentSettings } from './settings-repo';

export type PaymentSettingsUpdate = z.output<typeof updatePaymentSettingsSchema>;

/** Sealed in the database like the video secrets: nothing readable from a dump can take or refund money, or forge a webhook. */
const SEALED = ['razorpayKeySecret', 'razorpayWebhookSecret'] as const;

export function sealPaymentSecrets(changes: PaymentSettingsUpdate, box: SecretBox): PaymentSettingsUpdate {
  const sealed = { ...changes };
  for (const field of SEALED) {
    const value = changes[field];
    if (typeof value === 'string') sealed[field] = box.seal(value);
  }
  return sealed;
}

/** What an update changed, for the audit log: plain fields with their new value, a secret only as set or removed. */
export function describeSettingsChanges(changes: PaymentSettingsUpdate): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    out[field] = (SEALED as readonly string[]).includes(field) ? (value === null ? 'removed' : 'set') : value;
  }
  return out;
}

function open(box: SecretBox, sealed: string): string {
  try {
    return box.open(sealed);
  } catch (err) {
    throw new AppError(
      'UNAVAILABLE',
      say`The clinic's Razorpay secrets cannot be opened on this PC: ${err instanceof ClinicKeyError ? err.sentence : (err as Error).message}`,
    );
  }
}

/** The key id and opened secret, when both are set. */
export function credentialsOf(s: PaymentSettings, box: SecretBox): GatewayCredentials | undefined {
  if (!s.razorpayKeyId || !s.razorpayKeySecret) return undefined;
  return { keyId: s.razorpayKeyId, keySecret: open(box, s.razorpayKeySecret) };
}

export function webhookSecretOf(s: PaymentSettings, box: SecretBox): string | undefined {
  return s.razorpayWebhookSecret ? open(box, s.razorpayWebhookSecret) : undefined;
}

/**
 * Why the desk cannot collect through the gateway, in words it can act on; null when it can.
 * The desk falls back to the clinic's own UPI QR and the UTR typed by hand.
 */
export function gatewayUnavailableReason(s: PaymentSettings): string | null {
  const missing = [!s.razorpayKeyId && 'key id', !s.razorpayKeySecret && 'key secret'].filter(Boolean);
  if (missing.length === 0) return null;
  return `Razorpay is not set up (no ${missing.join(' or ')} in the payment settings): take the payment below with the UPI QR and the UTR`;
}

/** What an ADMIN's screen may know: identifiers, and only whether each secret is set. */
export function publicPaymentSettings(s: PaymentSettings): PaymentSettingsDto {
  return {
    upiVpa: s.upiVpa,
    upiPayeeName: s.upiPayeeName,
    razorpayKeyId: s.razorpayKeyId,
    razorpayKeySecretSet: !!s.razorpayKeySecret,
    razorpayWebhookSecretSet: !!s.razorpayWebhookSecret,
    teleconsultPrepay: s.teleconsultPrepay,
    razorpayTestMode: !!s.razorpayKeyId?.startsWith('rzp_test_'),
    gatewayConfigured: gatewayUnavailableReason(s) === null,
    webhookPath: RAZORPAY_WEBHOOK_PATH,
    updatedAt: s.updatedAt,
  };
}
