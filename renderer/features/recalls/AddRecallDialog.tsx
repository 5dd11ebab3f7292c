import { useState } from 'react';
import type { PatientSummary, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { shiftDate, shortDay, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { askFirst } from '../../ui/form/ask-first';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { PatientPicker } from '../patients';

interface RecallValues {
  /** "" is any doctor. */
  doctorId: string;
  inDays: number;
  reason: string;
}

/** "See again in 2 weeks": a recall due some days from today, with one doctor or any. */
export function AddRecallDialog({ onClose }: { onClose(): void }) {
  const { t } = useT('recalls');
  const today = todayIn(useTimeZone());
  const [patient, setPatient] = useState<PatientSummary>();
  const toRequest = (v: RecallValues): Req<'recalls.create'> => ({
    patientId: patient?.id ?? 0,
    ...(v.doctorId ? { doctorId: Number(v.doctorId) } : {}),
    inDays: v.inDays,
    ...(v.reason.trim() ? { reason: v.reason } : {}),
  });
  const form = useRequestForm('recalls.create', toRequest, { doctorId: '', inDays: 14, reason: '' });
  const creating = useClinicMutation('recalls.create');
  const send = form.handleSubmit(async (v) => {
    const r = await creating.call(toRequest(v));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('add.done', { patient: r.value.patientName, day: shortDay(r.value.dueDate) }));
    onClose();
  });
  const add = askFirst(form, send, () => (patient ? undefined : { message: t('add.choosePatient') }));
  const days = form.watch('inDays');
  return (
    <Dialog title={t('add.title')} onClose={onClose} wide>
      <PatientPicker value={patient} onChange={setPatient} />
      <form className="ui-form" onSubmit={add} aria-label={t('add.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="doctorId" label={t('common:doctor')}>
            <option value="">{t('add.anyDoctor')}</option>
            <DoctorOptions />
          </FormSelectField>
          <Field
            label={t('add.inDays')}
            type="number"
            min={1}
            max={730}
            {...form.register('inDays', { valueAsNumber: true })}
            error={form.getFieldState('inDays', form.formState).error?.message}
            hint={Number.isInteger(days) && days > 0 ? t('add.due', { day: shortDay(shiftDate(today, days)) }) : undefined}
          />
        </div>
        <FormField form={form} name="reason" label={t('add.reason')} />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('common:cancel')}</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {t('add.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
