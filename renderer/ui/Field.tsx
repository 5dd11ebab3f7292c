import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Labelled {
  label: string;
  error?: string;
  hint?: string;
}

/** Label, hint and error tied to one control, so screen readers and tests find all three. */
function FieldShell({ label, error, hint, control }: Labelled & { control(id: string, aria: { 'aria-invalid'?: true; 'aria-describedby'?: string }): ReactNode }) {
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

export function Field({ label, error, hint, ...input }: Labelled & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell label={label} error={error} hint={hint} control={(id, aria) => <input id={id} {...aria} {...input} />} />;
}

export function SelectField({ label, error, hint, children, ...select }: Labelled & SelectHTMLAttributes<HTMLSelectElement>) {
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

export function TextAreaField({ label, error, hint, ...area }: Labelled & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <FieldShell label={label} error={error} hint={hint} control={(id, aria) => <textarea id={id} rows={3} {...aria} {...area} />} />;
}
