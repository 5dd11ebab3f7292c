import { say, type Sentence } from '../shared/say';

/**
 * The refusal of an amount above what is due. Only say, and no other import: the renderer tests'
 * fake desk answers with the very same words main does.
 */
export function overDueSentence(due: string, currency: string): Sentence {
  return /^0+(\.0+)?$/.test(due)
    ? say`Nothing is due for this visit (it is paid, or a payment is pending confirmation). To keep money on account, mark it as an advance and say why.`
    : say`Only ${currency} ${due} is due for this visit. To take more, mark it as an advance and say why.`;
}

/** The same refusal as plain English text. */
export const overDueMessage = (due: string, currency: string): string => String(overDueSentence(due, currency));
