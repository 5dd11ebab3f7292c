import type { ErrorCode, Phrase } from '../../preload/contract';
import { Sentence } from './say';

/**
 * Words for people: a literal sentence, or a Sentence (say`…`) when it carries values. A string
 * built at run time is refused by the compiler, because the desk could not say it in Hindi.
 */
// Record<M, 1> has a known key only for literal M: for string, or a template literal's pattern
// type (`At most ${number}…`), it is an index signature that {} satisfies.
export type Words<M extends string> = Sentence | (Record<never, never> extends Record<M, 1> ? never : M);

/** An error meant for the person at the desk: its message reaches the renderer as is. */
export class AppError<M extends string = string> extends Error {
  /** Its words as a Sentence, to be said inside another one. */
  readonly sentence: Sentence;

  constructor(
    readonly code: ErrorCode,
    message: Words<M>,
    readonly field?: string,
  ) {
    super(String(message));
    this.name = 'AppError';
    this.sentence = message instanceof Sentence ? message : new Sentence(message, []);
  }

  /** The template and values, when the words carry values (a literal is its own template). */
  get phrase(): Phrase | undefined {
    return this.sentence.values.length > 0 ? this.sentence.phrase : undefined;
  }
}
