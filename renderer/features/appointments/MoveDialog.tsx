import { useState } from 'react';
import type { AppointmentDto, CallError } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { daysBetween, hhmm, shortDay, timeRange } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { fieldError, FormField, SelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { OutsideHours } from '../booking';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { moveRefusals } from './refusals';
import { SeriesScope, type Scope } from './SeriesScope';

export interface MoveTarget {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
}

// The id is the appointment's, not a box of this form: a refusal about it is for the whole form.
const withoutId = (error: CallError): CallError => (error.field === 'id' ? { ...error, field: undefined } : error);

/**
 * Moves or resizes an appointment: opened by a drag on the schedule (pre-filled with where it
 * was dropped, so nothing changes until the desk confirms) or from the keyboard. The request is
 * checked by the contract's own schema before it is sent; the reply moves it in the cache.
 * One of a series can take the others with it (this and the following ones, or all): each
 * moves to the new time of day, shifted by as many days as this one, with its doctor and length.
 */
export function MoveDialog({ appointment, target, onClose }: { appointment: AppointmentDto; target?: MoveTarget; onClose(): void }) {
  const { t } = useT('appointments');
  const form = useContractForm(
    'appointments.reschedule',
    {
      id: appointment.id,
      doctorId: target?.doctorId ?? appointment.doctorId,
      date: target?.date ?? appointment.date,
      startTime: hhmm(target?.startTime ?? appointment.startTime),
      endTime: hhmm(target?.endTime ?? appointment.endTime),
    },
    moveRefusals,
  );
  const [outsideHours, setOutsideHours] = useState(false);
  const [scope, setScope] = useState<Scope>('this');
  // Moving several, each keeps its own length: the end time is this one's alone.
  const chooseScope = (next: Scope) => {
    setScope(next);
    form.setValue('endTime', next === 'this' ? hhmm(target?.endTime ?? appointment.endTime) : undefined);
  };
  const moving = useClinicMutation('appointments.reschedule');
  const movingSeries = useClinicMutation('appointments.moveSeries');
  const move = form.handleSubmit(async (req) => {
    if (appointment.seriesId && scope !== 'this') {
      const shiftDays = daysBetween(appointment.date, req.date);
      const r = await movingSeries.call({ id: appointment.id, scope, startTime: req.startTime, shiftDays });
      if (!r.ok) return applyRefusal(form, withoutId(r.error));
      toast(t(`move.doneSeries.${scope}`, { patient: appointment.patientName, time: hhmm(req.startTime) }));
      return onClose();
    }
    const r = await moving.call(req);
    if (!r.ok) return applyRefusal(form, withoutId(r.error));
    toast(t('move.done', { patient: r.value.patientName, day: shortDay(r.value.date), time: timeRange(r.value), doctor: r.value.doctorName }));
    onClose();
  });
  const errorOf = (name: 'doctorId' | 'override' | 'override.reason') => fieldError(form, name);
  return (
    <Dialog title={t('move.title', { patient: appointment.patientName })} onClose={onClose}>
      <p>{t('move.now', { doctor: appointment.doctorName, day: shortDay(appointment.date), time: timeRange(appointment) })}</p>
      <form className="ui-form" onSubmit={move} aria-label={t('move.form')} noValidate>
        <FormProblem form={form} />
        {appointment.seriesId && <SeriesScope value={scope} onChange={chooseScope} />}
        {scope !== 'this' && <p className="ui-hint">{t('move.eachKeeps')}</p>}
        {/* The select answers text; the request wants the doctor's id as a number. */}
        <SelectField label={t('common:doctor')} {...form.register('doctorId', { setValueAs: Number })} error={errorOf('doctorId')}>
          <DoctorOptions />
        </SelectField>
        <div className="ui-row">
          <FormField form={form} name="date" label={t('book.date')} type="date" />
          <FormField form={form} name="startTime" label={t('book.startTime')} type="time" />
          {scope === 'this' && <FormField form={form} name="endTime" label={t('book.endTime')} type="time" />}
        </div>
        <OutsideHours
          checked={outsideHours}
          reason={form.watch('override')?.reason ?? ''}
          error={errorOf('override.reason') ?? errorOf('override')}
          onChecked={(e) => {
            setOutsideHours(!!e.target.checked);
            form.setValue('override', e.target.checked ? { reason: '' } : undefined);
          }}
          onReason={(e) => form.setValue('override', { reason: e.target.value })}
        />
        <div className="ui-actions">
          <Button onClick={onClose}>{t('move.keep')}</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting} autoFocus>
            {form.formState.isSubmitting ? t('move.moving') : t('move.submit')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
