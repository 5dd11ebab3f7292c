import { useState } from 'react';
import type { AppointmentDto, CallError } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
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
import { SeriesScope, scopeWords, type Scope } from './SeriesScope';

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
  const form = useContractForm('appointments.reschedule', {
    id: appointment.id,
    doctorId: target?.doctorId ?? appointment.doctorId,
    date: target?.date ?? appointment.date,
    startTime: hhmm(target?.startTime ?? appointment.startTime),
    endTime: hhmm(target?.endTime ?? appointment.endTime),
  });
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
      toast(`Moved ${scopeWords(scope)} of ${appointment.patientName}’s series to ${hhmm(req.startTime)}`);
      return onClose();
    }
    const r = await moving.call(req);
    if (!r.ok) return applyRefusal(form, withoutId(r.error));
    toast(`Moved ${r.value.patientName} to ${shortDay(r.value.date)} ${timeRange(r.value)} with ${r.value.doctorName}`);
    onClose();
  });
  const errorOf = (name: 'doctorId' | 'override' | 'override.reason') => fieldError(form, name);
  return (
    <Dialog title={`Move ${appointment.patientName}’s appointment`} onClose={onClose}>
      <p>
        Now: {appointment.doctorName} · {shortDay(appointment.date)} {timeRange(appointment)}
      </p>
      <form className="ui-form" onSubmit={move} aria-label="Move appointment" noValidate>
        <FormProblem form={form} />
        {appointment.seriesId && <SeriesScope value={scope} onChange={chooseScope} />}
        {scope !== 'this' && (
          <p className="ui-hint">Each keeps its doctor and length and moves to this time of day, as many days later or earlier as this one.</p>
        )}
        {/* The select answers text; the request wants the doctor's id as a number. */}
        <SelectField label="Doctor" {...form.register('doctorId', { setValueAs: Number })} error={errorOf('doctorId')}>
          <DoctorOptions />
        </SelectField>
        <div className="ui-row">
          <FormField form={form} name="date" label="Date" type="date" />
          <FormField form={form} name="startTime" label="Start time" type="time" />
          {scope === 'this' && <FormField form={form} name="endTime" label="End time" type="time" />}
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
          <Button onClick={onClose}>Keep it where it is</Button>
          <Button variant="primary" type="submit" disabled={form.formState.isSubmitting} autoFocus>
            {form.formState.isSubmitting ? 'Moving…' : 'Move'}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
