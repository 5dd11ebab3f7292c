import { z } from 'zod';
import { firstAdminSchema } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';

const guessZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

// The contract's request plus the repeated password, which only this screen asks for.
const firstRunSchema = firstAdminSchema
  .extend({ confirm: z.string() })
  .refine((f) => f.password === f.confirm, { path: ['confirm'], message: 'The two passwords differ' });

/** The very first start: the clinic's name and time zone, and its first administrator. */
export function FirstRunScreen() {
  const setSession = useSession((s) => s.setSession);
  const form = useSchemaForm(firstRunSchema, { clinicName: '', timeZone: guessZone(), displayName: '', email: '', password: '', confirm: '' });
  const { isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ confirm: _confirm, ...request }) => {
    const r = await clinic.auth.createFirstAdmin(request);
    if (r.ok) setSession(r.value);
    else applyRefusal(form, r.error);
  });

  return (
    <main className="ui-center">
      <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="first-run-title" noValidate>
        <h1 id="first-run-title">Set up Clinic Desk</h1>
        <p className="ui-hint">This runs once. You become the clinic&apos;s first administrator.</p>
        <FormProblem form={form} />
        <FormField form={form} name="clinicName" label="Clinic name" required />
        <FormField form={form} name="timeZone" label="Time zone" hint="Appointment times are in this zone, e.g. Asia/Kolkata" required />
        <FormField form={form} name="displayName" label="Your name" autoComplete="name" required />
        <FormField form={form} name="email" label="Email" type="email" autoComplete="username" required />
        <FormField
          form={form}
          name="password"
          label="Password"
          type="password"
          hint="At least 10 characters, not a common password"
          autoComplete="new-password"
          required
        />
        <FormField form={form} name="confirm" label="Repeat the password" type="password" autoComplete="new-password" required />
        <Button variant="primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Setting up…' : 'Create the clinic'}
        </Button>
      </form>
    </main>
  );
}
