import type { CallError } from '../../preload/contract';

/** A refused call as a message at its field, or as a message for the whole form. */
function splitError(error: CallError | undefined): { field?: string; fieldMessage?: string; formMessage?: string } {
  if (!error) return {};
  return error.field ? { field: error.field, fieldMessage: error.message } : { formMessage: error.message };
}

/**
 * Like splitError, for a form that shows only some fields: a message about a field the form
 * does not show (an id, say) goes to the whole form instead of being lost.
 */
export function errorsFor(error: CallError | undefined, shown: readonly string[]): { at(field: string): string | undefined; formMessage?: string } {
  const { field, fieldMessage, formMessage } = splitError(error);
  const visible = field !== undefined && shown.includes(field);
  return { at: (name) => (visible && name === field ? fieldMessage : undefined), formMessage: visible ? undefined : (formMessage ?? fieldMessage) };
}
