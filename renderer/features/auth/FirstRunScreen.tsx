import { z } from 'zod';
import { firstAdminSchema } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';
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
  .refine((f) => f.password === f.confirm, { error: () => word('shell:firstRun.differ'), path: ['confirm'] });

/** The very first start: the clinic's name and time zone, and its first administrator. */
export function FirstRunScreen() {
  const { t } = useT('shell');
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
        <h1 id="first-run-title">{t('firstRun.title')}</h1>
        <p className="ui-hint">{t('firstRun.hint')}</p>
        <FormProblem form={form} />
        <FormField form={form} name="clinicName" label={t('firstRun.clinicName')} required />
        <FormField form={form} name="timeZone" label={t('firstRun.timeZone')} hint={t('firstRun.timeZoneHint')} required />
        <FormField form={form} name="displayName" label={t('firstRun.yourName')} autoComplete="name" required />
        <FormField form={form} name="email" label={t('firstRun.email')} type="email" autoComplete="username" required />
        <FormField
          form={form}
          name="password"
          label={t('firstRun.password')}
          type="password"
          hint={t('firstRun.passwordHint')}
          autoComplete="new-password"
          required
        />
        <FormField form={form} name="confirm" label={t('firstRun.confirm')} type="password" autoComplete="new-password" required />
        <Button variant="primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? t('firstRun.submitting') : t('firstRun.submit')}
        </Button>
      </form>
    </main>
  );
}
