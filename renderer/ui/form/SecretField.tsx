import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { useT } from '../../i18n/use-t';
import { Field } from '../Field';

/** A write-only secret as typed: an empty box keeps the stored one, so it is not sent at all. */
const typedSecret = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/**
 * A write-only secret's box. The screen only knows whether one is stored (`set`), says so, and
 * never shows it: the box starts empty, and left empty it keeps the stored one.
 */
export function FormSecretField<V extends FieldValues>({
  form,
  name,
  label,
  set,
  hint,
}: {
  form: UseFormReturn<V>;
  name: FieldPath<V>;
  label: string;
  set: boolean;
  hint?: string;
}) {
  const { t, language } = useT('common');
  const error = form.getFieldState(name, form.formState).error?.message;
  // Mid-sentence an English name reads in lower case, but an acronym (API, SID) keeps its capitals.
  const named = language !== 'en' || /^[A-Z]{2}/.test(label) ? label : label.charAt(0).toLowerCase() + label.slice(1);
  return (
    <Field
      label={label}
      type="password"
      hint={`${hint ? `${hint}. ` : ''}${t(set ? 'secret.set' : 'secret.notSet', { name: named })}`}
      error={error}
      autoComplete="off"
      {...form.register(name, { setValueAs: typedSecret })}
    />
  );
}
