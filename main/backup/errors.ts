import type { Sentence } from '../shared/say';

/** A backup or restore problem a person can act on: the message says what happened and what to do. */
export class BackupError extends Error {
  /** The words with their values apart, so the desk can say them in its language. */
  constructor(readonly sentence: Sentence) {
    super(String(sentence));
    this.name = 'BackupError';
  }
}
