import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shiftDate } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';

/** Puts the saved pattern's working periods into the calendar for a date range. */
export function WindowCreation({ doctor, today, dirty }: { doctor: DoctorDto; today: string; dirty: boolean }) {
  const { t } = useT('doctors');
  const expand = useClinicMutation('availability.expand');
  const form = useRequestForm('availability.expand', (range: { from: string; to: string }) => ({ doctorId: doctor.id, ...range }), {
    from: today,
    to: shiftDate(today, 27),
  });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (range) => {
    if (dirty) return applyRefusal(form, { code: 'INVALID', message: t('expand.saveFirst') });
    const r = await expand.call({ doctorId: doctor.id, ...range });
    if (!r.ok) return applyRefusal(form, r.error);
    const { created, alreadyThere } = r.value;
    toast(t('expand.created', { count: created }) + (alreadyThere ? t('expand.alreadyThere', { count: alreadyThere }) : ''));
  });

  return (
    <>
      <h3 id="expand-title">{t('expand.title')}</h3>
      <form className="ui-row" onSubmit={submit} noValidate aria-labelledby="expand-title">
        <FormProblem form={form} />
        <FormField form={form} name="from" label={t('expand.from')} type="date" />
        <FormField form={form} name="to" label={t('expand.until')} type="date" />
        <Button type="submit" disabled={busy}>
          {busy ? t('expand.creating') : t('expand.submit')}
        </Button>
      </form>
      <p className="ui-hint">{t('expand.hint')}</p>
    </>
  );
}
