import type { FormEvent } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { applyRefusal } from './apply-refusal';

/** A choice the form needs before it has a request worth checking; `field` is its box, if the form has one. */
export interface Missing {
  message: string;
  field?: string;
}

/**
 * A submit that first asks, in words, for the choices the schema would only call "too small" (the
 * patient, a doctor): the first one missing is shown, earlier messages go, and nothing is sent.
 */
export function askFirst<V extends FieldValues>(form: UseFormReturn<V>, send: (e: FormEvent) => Promise<void>, missing: () => Missing | undefined) {
  return (e: FormEvent) => {
    const first = missing();
    if (!first) return send(e);
    e.preventDefault();
    form.clearErrors();
    applyRefusal(form, { code: 'INVALID', ...first });
  };
}
