import { useT } from '../../i18n/use-t';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';

/** `signingIn` is called with a sign-in's answer, before the signed-in frame renders. */
export function LoginScreen({ signingIn }: { signingIn: () => void }) {
  const setSession = useSession((s) => s.setSession);
  const { t } = useT('shell');
  const form = useContractForm('auth.login', { email: '', password: '' });
  const { isSubmitting } = form.formState;
  const [email, password] = form.watch(['email', 'password']);

  const submit = form.handleSubmit(async (request) => {
    const r = await clinic.auth.login(request);
    if (r.ok) {
      signingIn();
      return setSession(r.value);
    }
    // A wrong password is typed again from scratch, with the caret already there.
    form.setValue('password', '');
    applyRefusal(form, r.error);
    if (!r.error.field) form.setFocus('password');
  });

  return (
    <main className="ui-center">
      <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h1 id="login-title">{t('signIn.title')}</h1>
        <FormProblem form={form} />
        <FormField form={form} name="email" label={t('signIn.email')} type="email" autoComplete="username" autoFocus required />
        <FormField form={form} name="password" label={t('signIn.password')} type="password" autoComplete="current-password" required />
        <Button variant="primary" type="submit" disabled={isSubmitting || !email || !password}>
          {isSubmitting ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
    </main>
  );
}
