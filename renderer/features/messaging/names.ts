import { MESSAGE_LANGUAGES, type InboundDto, type MessageDto, type PATIENT_CHANNELS } from '../../../preload/contract';
import { t } from '../../i18n/instance';

// The contract's capitals (WHATSAPP, REMINDER, 'hi'…) as the desk says them, in the user's language.

/** A channel as the desk says it. */
export const channelName = (channel: (typeof PATIENT_CHANNELS)[number]) => t(`messaging:channel.${channel}`);

export const kindName = (kind: MessageDto['kind']) => t(`messaging:kind.${kind}`);

/** "Reminder by WhatsApp": a message by its kind and the channel it went by. */
export const messageName = (m: Pick<MessageDto, 'kind' | 'channel'>) => t('messaging:kindBy', { kind: kindName(m.kind), channel: channelName(m.channel) });

const isLanguage = (code: string): code is (typeof MESSAGE_LANGUAGES)[number] => (MESSAGE_LANGUAGES as readonly string[]).includes(code);

/** A stored language code by name, or the code itself for one the desk cannot choose (a template an ADMIN added). */
export const languageName = (code: string) => (isLanguage(code) ? t(`messaging:language.${code}`) : code);

/** What a patient replied, quoted; a settled reply past the clinic's message retention has had its text cleared. */
export const replyText = (r: Pick<InboundDto, 'body'>) => (r.body === null ? t('messaging:cleared') : `“${r.body}”`);

/** Who a reply came from: the patient, else the number (cleared with the text past the retention period). */
export const replyFrom = (r: Pick<InboundDto, 'patientName' | 'fromAddress'>) => r.patientName ?? r.fromAddress ?? t('messaging:unknownNumber');
