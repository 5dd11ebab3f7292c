import type { AppointmentDto, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { shiftDate, shortDay, timeRange, todayIn } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field, FormField, FormSelectField, fieldError } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { useRecentSteps } from './may';
import { completeRefusals } from './refusals';

interface CompleteValues {
  /** In `unit`s as typed; main counts days. */
  recall: { inDays: number; reason: string };
  unit: 'days' | 'weeks';
}

const days = (v: CompleteValues) => (v.unit === 'weeks' ? v.recall.inDays * 7 : v.recall.inDays);

/**
 * Completing a visit with "see again in N days/weeks": main makes the recall in the same step,
 * so the desk's recall list has it whether or not anyone remembers to add it later.
 */
export function CompleteDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose(): void }) {
  const { t } = useT('appointments');
  const today = todayIn(useTimeZone());
  const toRequest = (v: CompleteValues): Req<'appointments.complete'> => ({
    id: appointment.id,
    recall: { inDays: days(v), ...(v.recall.reason.trim() ? { reason: v.recall.reason } : {}) },
  });
  const form = useRequestForm('appointments.complete', toRequest, { recall: { inDays: 2, reason: '' }, unit: 'weeks' }, undefined, completeRefusals);
  const completing = useClinicMutation('appointments.complete');
  const send = form.handleSubmit(async (v) => {
    const r = await completing.call(toRequest(v));
    if (!r.ok) return applyRefusal(form, r.error);
    useRecentSteps.getState().did(r.value, Date.now());
    toast(t('complete.done', { patient: r.value.patientName, day: shortDay(shiftDate(today, days(v))) }));
    onClose();
  });
  const typed = form.watch();
  const due = Number.isInteger(typed.recall.inDays) && typed.recall.inDays > 0 ? shiftDate(today, days(typed)) : undefined;
  return (
    <Dialog title={t('complete.title', { patient: appointment.patientName })} onClose={onClose}>
      <p>
        {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      <form className="ui-form" onSubmit={send} aria-label={t('complete.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <Field
            label={t('complete.seeAgainIn')}
            type="number"
            min={1}
            {...form.register('recall.inDays', { valueAsNumber: true })}
            error={fieldError(form, 'recall.inDays')}
            hint={due && t('complete.recallDue', { day: shortDay(due) })}
            autoFocus
          />
          <FormSelectField form={form} name="unit" label={t('complete.unit')}>
            <option value="days">{t('complete.days')}</option>
            <option value="weeks">{t('complete.weeks')}</option>
          </FormSelectField>
        </div>
        <FormField form={form} name="recall.reason" label={t('complete.reason')} />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('complete.notNow')}</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
            {t('complete.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
