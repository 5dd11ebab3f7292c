import type { InboundDto, MESSAGE_LANGUAGES, PATIENT_CHANNELS } from '../../../preload/contract';

/** A channel as the desk says it. */
export const CHANNEL_NAMES: Record<(typeof PATIENT_CHANNELS)[number], string> = {
  SMS: 'SMS',
  WHATSAPP: 'WhatsApp',
  EMAIL: 'e-mail',
  NONE: 'no messages',
};

export const LANGUAGE_NAMES: Record<(typeof MESSAGE_LANGUAGES)[number], string> = { en: 'English', hi: 'Hindi (हिन्दी)' };

/** A stored language code by name, or the code itself for one the desk cannot choose (a template an ADMIN added). */
export const languageName = (code: string) => (LANGUAGE_NAMES as Record<string, string | undefined>)[code] ?? code;

/** What a patient replied, quoted; a settled reply past the clinic's message retention has had its text cleared. */
export const replyText = (r: Pick<InboundDto, 'body'>) => (r.body === null ? '(text cleared after the retention period)' : `“${r.body}”`);

/** Who a reply came from: the patient, else the number (cleared with the text past the retention period). */
export const replyFrom = (r: Pick<InboundDto, 'patientName' | 'fromAddress'>) => r.patientName ?? r.fromAddress ?? 'an unknown number';
