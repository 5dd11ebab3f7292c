import type { ErrorCode } from '../../preload/contract';

/** An error meant for the person at the desk: its message reaches the renderer as is. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}
