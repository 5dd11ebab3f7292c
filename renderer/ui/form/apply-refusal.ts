import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import type { CallError } from '../../../preload/contract';

/** Where a form-level message lives in react-hook-form's errors. */
const FORM_LEVEL = 'root.server';

/**
 * Puts main's refusal where the desk will see it: on its field (focused, so the caret is where
 * the fix goes) when the form has that field, otherwise for the whole form. A field the form
 * has is one among its values (a period added since it opened too), so a message about an id
 * it does not hold is not lost;
 * a message about a part of a field ("reminderOffsetsMinutes.1" of a box typed as text) is that
 * field's.
 */
export function applyRefusal<V extends FieldValues>(form: UseFormReturn<V>, error: CallError): void {
  const field = error.field === undefined ? undefined : fieldOf(form.getValues(), error.field);
  if (field !== undefined) {
    form.setError(field as FieldPath<V>, { type: 'server', message: error.message }, { shouldFocus: true });
  } else {
    form.setError(FORM_LEVEL, { type: 'server', message: error.message });
  }
}

/** The form's field a dotted path names: the path itself, or the leaf value it runs into. */
function fieldOf(values: unknown, path: string): string | undefined {
  const keys = path.split('.');
  let at: unknown = values;
  for (const [i, key] of keys.entries()) {
    if (typeof at !== 'object' || at === null) return i === 0 ? undefined : keys.slice(0, i).join('.');
    if (!(key in at)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return path;
}
