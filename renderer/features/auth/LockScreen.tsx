import { useT } from '../../i18n/use-t';
import { clinic } from '../../api/clinic';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';

/**
 * Covers the whole window while the session is locked. What is underneath stays mounted (so
 * nothing typed is lost) but hidden from sight and from assistive technology.
 */
export function LockScreen() {
  const { session, setSession } = useSession();
  const { t } = useT('shell');
  const form = useContractForm('auth.unlock', { password: '' });
  const password = form.watch('password');

  const submit = form.handleSubmit(async (request) => {
    const r = await clinic.auth.unlock(request);
    form.setValue('password', '');
    if (r.ok) return setSession(r.value);
    applyRefusal(form, r.error);
    if (!r.error.field) form.setFocus('password');
  });

  async function signOut() {
    await clinic.auth.logout({});
    setSession(null);
  }

  return (
    <div className="lock-overlay">
      <main className="ui-center">
        <form className="ui-card ui-form" onSubmit={submit} aria-labelledby="lock-title" noValidate>
          <h1 id="lock-title">{t('locked.title')}</h1>
          <p className="ui-hint">{t('locked.hint', { name: session?.displayName || session?.email })}</p>
          <FormProblem form={form} />
          <FormField form={form} name="password" label={t('signIn.password')} type="password" autoComplete="current-password" autoFocus />
          <Button variant="primary" type="submit" disabled={!password || form.formState.isSubmitting}>
            {t('locked.unlock')}
          </Button>
          <Button onClick={signOut}>{t('signOut')}</Button>
        </form>
      </main>
    </div>
  );
}
