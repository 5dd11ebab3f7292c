import type { ErrorCode, Phrase } from '../../preload/contract';
import { Sentence } from './say';

/**
 * Words for people: a literal sentence, or a Sentence (say`…`) when it carries values. A string
 * built at run time is refused by the compiler, because the desk could not say it in Hindi.
 */
// Record<M, 1> has a known key only for literal M: for string, or a template literal's pattern
// type (`At most ${number}…`), it is an index signature that {} satisfies.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- {} is the type without keys, on purpose
export type Words<M extends string> = Sentence | ({} extends Record<M, 1> ? never : M);

/** An error meant for the person at the desk: its message reaches the renderer as is. */
export class AppError<M extends string = string> extends Error {
  /** The template and values, when the words carry values. */
  readonly phrase?: Phrase;

  constructor(
    readonly code: ErrorCode,
    message: Words<M>,
    readonly field?: string,
  ) {
    super(String(message));
    this.name = 'AppError';
    // Words without values are their own template: the message says it all (say`…` with none is
    // for a sentence chosen at run time, which the scan finds only as a template).
    if (message instanceof Sentence && message.values.length > 0) this.phrase = message.phrase;
  }
}
