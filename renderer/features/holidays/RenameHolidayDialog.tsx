import type { Holiday } from '../../../preload/contract';
import { renameHolidaySchema } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';

const nameOnly = renameHolidaySchema.pick({ name: true });

/** A holiday's new name (an imported one in the clinic's own words); its date stays. */
export function RenameHolidayDialog({ holiday, onClose }: { holiday: Holiday; onClose(): void }) {
  const { t } = useT('holidays');
  const form = useSchemaForm(nameOnly, { name: holiday.name });
  const rename = useClinicMutation('holidays.rename');
  const busy = form.formState.isSubmitting;
  const submit = form.handleSubmit(async ({ name }) => {
    const r = await rename.call({ id: holiday.id, name });
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('renamed', { name: r.value.name }));
    onClose();
  });
  return (
    <Dialog title={t('renameOf', { name: holiday.name })} onClose={onClose}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <FormProblem form={form} />
        <FormField form={form} name="name" label={t('name')} autoFocus />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? t('common:saving') : t('rename')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
