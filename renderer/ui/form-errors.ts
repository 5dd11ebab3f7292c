import type { CallError } from '../../preload/contract';

/** A refused call as a message at its field, or as a message for the whole form. */
export function splitError(error: CallError | undefined): { field?: string; fieldMessage?: string; formMessage?: string } {
  if (!error) return {};
  return error.field ? { field: error.field, fieldMessage: error.message } : { formMessage: error.message };
}
