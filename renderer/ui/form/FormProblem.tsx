import { useEffect, useRef } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { Banner } from '../Banner';

/**
 * The form-level message (a refusal with no field of this form). It takes focus when it appears
 * if focus has nowhere else to be, so a refusal never leaves focus on the page body.
 */
export function FormProblem<V extends FieldValues>({ form }: { form: UseFormReturn<V> }) {
  const message = form.formState.errors.root?.server?.message;
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const active = document.activeElement;
    if (message && (!active || active === document.body || (active as HTMLButtonElement).disabled)) box.current?.focus();
  }, [message]);
  if (!message) return null;
  return (
    <div ref={box} tabIndex={-1} className="ui-form-problem">
      <Banner tone="error">{message}</Banner>
    </div>
  );
}
