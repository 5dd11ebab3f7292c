import { useState, type FormEvent } from 'react';
import type { CallError } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { splitError } from '../../ui/form-errors';

const guessZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** The very first start: the clinic's name and time zone, and its first administrator. */
export function FirstRunScreen() {
  const setSession = useSession((s) => s.setSession);
  const [form, setForm] = useState({ clinicName: '', timeZone: guessZone(), displayName: '', email: '', password: '', confirm: '' });
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const { field, fieldMessage, formMessage } = splitError(error);
  const at = (name: string) => (field === name ? fieldMessage : undefined);
  const change = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (form.password !== form.confirm) {
      setError({ code: 'INVALID', field: 'confirm', message: 'The two passwords differ' });
      return;
    }
    setBusy(true);
    const { confirm: _confirm, ...request } = form;
    const r = await clinic.auth.createFirstAdmin(request);
    setBusy(false);
    if (r.ok) setSession(r.value);
    else setError(r.error);
  }

  return (
    <main className="ui-center">
      <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="first-run-title" noValidate>
        <h1 id="first-run-title">Set up Clinic Desk</h1>
        <p className="ui-hint">This runs once. You become the clinic&apos;s first administrator.</p>
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <Field label="Clinic name" value={form.clinicName} onChange={change('clinicName')} error={at('clinicName')} required />
        <Field label="Time zone" value={form.timeZone} onChange={change('timeZone')} error={at('timeZone')} hint="Appointment times are in this zone, e.g. Asia/Kolkata" required />
        <Field label="Your name" value={form.displayName} onChange={change('displayName')} error={at('displayName')} autoComplete="name" required />
        <Field label="Email" type="email" value={form.email} onChange={change('email')} error={at('email')} autoComplete="username" required />
        <Field label="Password" type="password" value={form.password} onChange={change('password')} error={at('password')} hint="At least 10 characters, not a common password" autoComplete="new-password" required />
        <Field label="Repeat the password" type="password" value={form.confirm} onChange={change('confirm')} error={at('confirm')} autoComplete="new-password" required />
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? 'Setting up…' : 'Create the clinic'}
        </Button>
      </form>
    </main>
  );
}
