import type { z } from 'zod';
import { invalidRequest, type CallError } from '../../preload/contract';

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

/**
 * Checks a request against the contract's own schema before sending it, and words a failure
 * exactly as main would (first issue, dotted path as the field), so the form shows it the same way.
 */
export function contractProblem(schema: z.ZodType, request: unknown): CallError | undefined {
  const parsed = schema.safeParse(request);
  return parsed.success ? undefined : invalidRequest(parsed.error).error;
}
