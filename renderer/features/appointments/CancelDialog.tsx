import { useState } from 'react';
import { cancelSchema, type AppointmentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shortDay, timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { cancelRefusals } from './refusals';
import { SeriesScope, type Scope } from './SeriesScope';

// The contract's own rule for the one field the desk types; the id is the appointment's, so a
// refusal about it (cancelled or completed meanwhile) is shown for the whole form.
const reasonOnly = cancelSchema.pick({ reason: true });

/**
 * Cancelling always records why; the slot is free for others at once. One of a series asks
 * whether it is for this appointment, this and the following ones, or all of them.
 */
export function CancelDialog({ appointment, onClose }: { appointment: AppointmentDto; onClose(): void }) {
  const { t } = useT('appointments');
  const form = useSchemaForm(reasonOnly, { reason: '' }, cancelRefusals);
  const [scope, setScope] = useState<Scope>('this');
  const cancelling = useClinicMutation('appointments.cancel');
  const cancellingSeries = useClinicMutation('appointments.cancelSeries');
  const cancel = form.handleSubmit(async ({ reason }) => {
    if (appointment.seriesId) {
      const r = await cancellingSeries.call({ id: appointment.id, scope, reason });
      if (!r.ok) return applyRefusal(form, r.error);
      toast(t(`cancel.doneSeries.${scope}`, { patient: appointment.patientName }));
      return onClose();
    }
    const r = await cancelling.call({ id: appointment.id, reason });
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('cancel.done', { patient: r.value.patientName, day: shortDay(r.value.date), time: timeRange(r.value) }));
    onClose();
  });
  return (
    <Dialog title={t('cancel.title', { patient: appointment.patientName })} onClose={onClose}>
      <p>
        {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      <form className="ui-form" onSubmit={cancel} aria-label={t('cancel.form')} noValidate>
        <FormProblem form={form} />
        {appointment.seriesId && <SeriesScope value={scope} onChange={setScope} />}
        <FormField form={form} name="reason" label={t('cancel.reason')} autoFocus />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('cancel.keep')}</Button>
          <Button variant="danger" type="submit" disabled={form.formState.isSubmitting}>
            {t('cancel.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
