import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import type { CallError } from '../../../preload/contract';

/** Where a form-level message lives in react-hook-form's errors. */
const FORM_LEVEL = 'root.server';

/**
 * Puts main's refusal where the desk will see it: on its field (focused, so the caret is where
 * the fix goes) when the form has that field, otherwise for the whole form. A field the form
 * has is one among its default values, so a message about an id or a hidden field is not lost.
 */
export function applyRefusal<V extends FieldValues>(form: UseFormReturn<V>, error: CallError): void {
  const field = error.field;
  if (field !== undefined && hasField(form.formState.defaultValues, field)) {
    form.setError(field as FieldPath<V>, { type: 'server', message: error.message }, { shouldFocus: true });
  } else {
    form.setError(FORM_LEVEL, { type: 'server', message: error.message });
  }
}

function hasField(values: unknown, path: string): boolean {
  let at: unknown = values;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || !(key in at)) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return true;
}
