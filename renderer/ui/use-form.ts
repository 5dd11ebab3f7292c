import { useState, type FormEvent } from 'react';
import type { CallError, Result } from '../../preload/contract';
import { errorsFor } from './form-errors';

/**
 * A form's typed values, its busy flag and main's refusal split into a field message or a form
 * message (`alsoShown`: nested fields the form also has a box for, such as "override.reason"). What was typed stays after a failed submit, so the desk can simply retry.
 */
export function useForm<V extends Record<string, string | boolean>>(initial: V, alsoShown: readonly string[] = []) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  // A refusal about a field this form has no box for (an id, an appointment cancelled meanwhile)
  // is shown for the whole form rather than lost.
  const { at, formMessage } = errorsFor(error, [...Object.keys(initial), ...alsoShown]);

  return {
    values,
    setValues,
    busy,
    error,
    setError,
    formMessage,
    /** The message for one field, when main named it. */
    at,
    /** onChange for an input, select or text area bound to `key`. */
    change: (key: keyof V) => (e: { target: { value: string; type?: string; checked?: boolean } }) =>
      setValues((v) => ({ ...v, [key]: e.target.type === 'checkbox' ? !!e.target.checked : e.target.value })),
    /** Runs a call on submit; returns its value when it succeeded, otherwise shows why. */
    submit<T>(call: () => Promise<Result<T>>, onDone: (value: T) => void) {
      return async (e?: FormEvent) => {
        e?.preventDefault();
        setBusy(true);
        setError(undefined);
        const r = await call();
        setBusy(false);
        if (r.ok) onDone(r.value);
        else setError(r.error);
      };
    },
  };
}
