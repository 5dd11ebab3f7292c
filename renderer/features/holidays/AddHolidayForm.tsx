import { addHolidaySchema } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import type { useBlockedChange } from '../doctors/useBlockedChange';

const dayAndName = addHolidaySchema.pick({ date: true, name: true });

/** A holiday by hand: its date and name. Patients booked that day hold it back for the blocked dialog. */
export function AddHolidayForm({ blocked }: { blocked: ReturnType<typeof useBlockedChange> }) {
  const { t } = useT('holidays');
  const form = useSchemaForm(dayAndName, { date: '', name: '' });
  const add = useClinicMutation('holidays.add');
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (day) => {
    const r = await add.call(day);
    if (!r.ok) return applyRefusal(form, r.error);
    blocked.answer(
      r.value,
      (cancelBooked) => add.call({ ...day, cancelBooked }),
      (cancelled) => {
        toast(cancelled > 0 ? t('addedCancelling', { name: day.name, count: cancelled }) : t('added', { name: day.name, date: day.date }));
        form.reset();
      },
    );
  });

  return (
    <form className="ui-form" onSubmit={submit} aria-label={t('add')} noValidate>
      <FormProblem form={form} />
      <div className="ui-row">
        <FormField form={form} name="date" label={t('date')} type="date" />
        <FormField form={form} name="name" label={t('name')} />
      </div>
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('adding') : t('add')}
        </Button>
      </div>
    </form>
  );
}
