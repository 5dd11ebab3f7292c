import type { FieldErrors, FieldValues } from 'react-hook-form';

/**
 * A form's own words for what its schema refuses, in the user's language: given the field
 * ("recall.inDays") and zod's kind of problem ("too_small", "invalid_format", "custom"…), the
 * message to show, or undefined to keep the contract's. The contract's messages are main's too,
 * so they stay in English; a form that speaks the desk's languages says them in its own words.
 */
export type Reword = (field: string, problem: string, message?: string) => string | undefined;

const isFieldError = (error: unknown): error is { type: string; message?: string } =>
  typeof error === 'object' && error !== null && typeof (error as { type?: unknown }).type === 'string';

/** The resolver's errors with each message reworded where the form has words for it. */
export function reworded<V extends FieldValues>(errors: FieldErrors<V>, reword: Reword, path: readonly string[] = []): FieldErrors<V> {
  return Object.fromEntries(
    Object.entries(errors).map(([key, error]) => {
      const at = [...path, key];
      if (isFieldError(error)) return [key, { ...error, message: reword(at.join('.'), error.type, error.message) ?? error.message }];
      return [key, typeof error === 'object' && error !== null ? reworded(error as FieldErrors, reword, at) : error];
    }),
  ) as FieldErrors<V>;
}
