import { CHANNEL_NAMES, type AuditEntryDto, type ChannelName, type ErrorCode } from '../../../preload/contract';
import { t } from '../../i18n/instance';

// What each call means to a person reading the audit log lives in the admin words, one phrase
// pair per channel (their type makes a channel without one fail tsc); here they become sentences.

/** The refusals whose code says why, as the refusal's code says it. */
const WHY = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'INVALID'] as const satisfies readonly ErrorCode[];
const isWhy = (code: unknown): code is (typeof WHY)[number] => (WHY as readonly unknown[]).includes(code);

const isChannel = (action: string): action is ChannelName => (CHANNEL_NAMES as readonly string[]).includes(action);

/**
 * One audit row as a sentence: "Priya Nair booked appointment #12", "Ravi Kumar tried to
 * refund payment #4: not allowed". `who` is the account's name where the desk knows it.
 */
export function auditSentence(entry: AuditEntryDto, who: string): string {
  const record = entry.entityId ? ` #${entry.entityId}` : '';
  // A row from before a channel was renamed keeps its old name: said as it is.
  const phrase = (form: 'did' | 'tried') =>
    isChannel(entry.action) ? t(`admin:audit.deeds.${entry.action}.${form}`, { record }) : t(`admin:audit.unknown.${form}`, { action: entry.action, record });
  if (entry.outcome === 'OK') return t('admin:audit.sentence.did', { who, deed: phrase('did') });
  if (entry.outcome === 'FAILED') return t('admin:audit.sentence.failed', { who, deed: phrase('tried') });
  const code = entry.detail?.code;
  return isWhy(code)
    ? t('admin:audit.sentence.refusedWhy', { who, deed: phrase('tried'), why: t(`admin:audit.why.${code}`) })
    : t('admin:audit.sentence.refused', { who, deed: phrase('tried') });
}
