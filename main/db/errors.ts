/**
 * A database problem a person can act on: the message says what happened and what to do.
 * Thrown at start-up (bad configuration, locked data folder, schema mismatch) and shown as is.
 */
export class DatabaseSetupError extends Error {
  constructor(
    message: string,
    readonly code: 'CONFIG' | 'LOCKED' | 'SCHEMA_BEHIND' | 'SCHEMA_AHEAD' | 'EMBEDDED_START',
  ) {
    super(message);
    this.name = 'DatabaseSetupError';
  }
}
