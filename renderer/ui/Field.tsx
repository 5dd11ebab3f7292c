import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import type { FieldPath, FieldValues, RegisterOptions, UseFormReturn } from 'react-hook-form';

interface Labelled {
  label: string;
  error?: string;
  hint?: string;
}

/** Label, hint and error tied to one control, so screen readers and tests find all three. */
function FieldShell({
  label,
  error,
  hint,
  control,
}: Labelled & { control(id: string, aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }): ReactNode }) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="ui-field">
      <label htmlFor={id}>{label}</label>
      {control(id, { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {hint && (
        <span id={`${id}-hint`} className="ui-hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="ui-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export function Field({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <FieldShell label={label} error={error} hint={hint} control={(id, aria) => <input id={id} {...aria} {...input} />} />;
}

export function SelectField({
  label,
  error,
  hint,
  children,
  ...select
}: Labelled & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      control={(id, aria) => (
        <select id={id} {...aria} {...select}>
          {children}
        </select>
      )}
    />
  );
}

function TextAreaField({ label, error, hint, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return <FieldShell label={label} error={error} hint={hint} control={(id, aria) => <textarea id={id} rows={3} {...aria} {...area} />} />;
}

/** A field of a react-hook-form form: `name` is a path of the form's values, `emptyIsNull` sends "" as null ("not given"). */
interface Bound<V extends FieldValues> {
  form: UseFormReturn<V>;
  name: FieldPath<V>;
  emptyIsNull?: boolean;
}
type Unbound<A> = Omit<A, 'form' | 'name' | 'value' | 'defaultValue' | 'onChange' | 'onBlur'> & Omit<Labelled, 'error'>;

/**
 * The message for one field: its own, or the first about a part of it (a box of "1440, 120" is
 * sent as a list, and the contract words a bad entry as "reminderOffsetsMinutes.1").
 * Reading formState here subscribes the field to it.
 */
export function fieldError<V extends FieldValues>(form: UseFormReturn<V>, name: FieldPath<V>): string | undefined {
  return firstMessage(form.getFieldState(name, form.formState).error);
}

function firstMessage(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const own = (error as { message?: unknown }).message;
  if (typeof own === 'string') return own;
  for (const [key, part] of Object.entries(error)) {
    if (key === 'ref') continue;
    const message = firstMessage(part);
    if (message) return message;
  }
  return undefined;
}

function bind<V extends FieldValues>({ form, name, emptyIsNull }: Bound<V>) {
  const options: RegisterOptions<V> | undefined = emptyIsNull ? { setValueAs: (v: unknown) => (v === '' ? null : v) } : undefined;
  return { ...form.register(name, options), error: fieldError(form, name) };
}

export function FormField<V extends FieldValues>({ form, name, emptyIsNull, ...rest }: Bound<V> & Unbound<InputHTMLAttributes<HTMLInputElement>>) {
  return <Field {...rest} {...bind({ form, name, emptyIsNull })} />;
}

export function FormSelectField<V extends FieldValues>({ form, name, emptyIsNull, ...rest }: Bound<V> & Unbound<SelectHTMLAttributes<HTMLSelectElement>>) {
  return <SelectField {...rest} {...bind({ form, name, emptyIsNull })} />;
}

export function FormTextAreaField<V extends FieldValues>({
  form,
  name,
  emptyIsNull,
  ...rest
}: Bound<V> & Unbound<TextareaHTMLAttributes<HTMLTextAreaElement>>) {
  return <TextAreaField {...rest} {...bind({ form, name, emptyIsNull })} />;
}
