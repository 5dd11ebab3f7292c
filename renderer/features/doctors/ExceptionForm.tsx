import { useState, type FormEvent } from 'react';
import { addExceptionSchema, type CallError, type DoctorDto, type Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField } from '../../ui/Field';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { toast } from '../../ui/toasts';
import type { useBlockedChange } from './useBlockedChange';
import { cancelledNote } from './window-names';

const FIELDS = ['kind', 'date', 'startTime', 'endTime', 'slotMinutes', 'note'];
type Form = { kind: 'LEAVE' | 'EXTRA'; date: string; wholeDay: boolean; startTime: string; endTime: string; slotMinutes: string; note: string };

/** What the form asks for, as the contract words it. */
function request(doctorId: number, form: Form): Req<'availability.addException'> {
  const timed = form.kind === 'EXTRA' || !form.wholeDay;
  return {
    doctorId,
    date: form.date,
    kind: form.kind,
    ...(timed ? { startTime: form.startTime, endTime: form.endTime } : {}),
    ...(form.kind === 'EXTRA' && form.slotMinutes.trim() ? { slotMinutes: Number(form.slotMinutes) } : {}),
    ...(form.note.trim() ? { note: form.note } : {}),
  };
}

/** Leave (a whole day or some hours) or extra hours on one date; a change that strands booked patients goes to `blocked`. */
export function ExceptionForm({ doctor, today, blocked }: { doctor: DoctorDto; today: string; blocked: ReturnType<typeof useBlockedChange> }) {
  const add = useClinicMutation('availability.addException');
  const [form, setForm] = useState<Form>({ kind: 'LEAVE', date: today, wholeDay: true, startTime: '', endTime: '', slotMinutes: '', note: '' });
  const [error, setError] = useState<CallError>();
  const { at, formMessage } = errorsFor(error, FIELDS);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });
  const timed = form.kind === 'EXTRA' || !form.wholeDay;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const req = request(doctor.id, form);
    const local =
      form.kind === 'EXTRA' && form.slotMinutes.trim() && !/^\d+$/.test(form.slotMinutes.trim())
        ? { code: 'INVALID' as const, field: 'slotMinutes', message: 'Enter the minutes per slot as a whole number' }
        : contractProblem(addExceptionSchema, req);
    if (local) return setError(local);
    const r = await add.call(req);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    blocked.answer(
      r.value,
      (cancelBooked) => add.call({ ...req, cancelBooked }),
      (cancelled) => {
        toast(`${form.kind === 'LEAVE' ? 'Leave' : 'Extra hours'} added for ${doctor.name} on ${form.date}${cancelledNote(cancelled)}`);
        setForm((f) => ({ ...f, note: '' }));
      },
    );
  }

  return (
    <form className="ui-form" onSubmit={submit} noValidate aria-labelledby="exceptions-title">
      {formMessage && <Banner tone="error">{formMessage}</Banner>}
      <div className="ui-row">
        <SelectField label="Kind" value={form.kind} onChange={(e) => set({ kind: e.target.value as Form['kind'] })} error={at('kind')}>
          <option value="LEAVE">Leave</option>
          <option value="EXTRA">Extra hours</option>
        </SelectField>
        <Field label="Date" type="date" value={form.date} onChange={(e) => set({ date: e.target.value })} error={at('date')} />
        {form.kind === 'LEAVE' && (
          <label className="ui-field-check">
            <input type="checkbox" checked={form.wholeDay} onChange={(e) => set({ wholeDay: e.target.checked })} />
            Whole day
          </label>
        )}
      </div>
      {timed && (
        <div className="ui-row">
          <Field label="From" type="time" value={form.startTime} onChange={(e) => set({ startTime: e.target.value })} error={at('startTime')} />
          <Field label="Until" type="time" value={form.endTime} onChange={(e) => set({ endTime: e.target.value })} error={at('endTime')} />
          {form.kind === 'EXTRA' && (
            <Field
              label="Minutes per slot"
              inputMode="numeric"
              value={form.slotMinutes}
              onChange={(e) => set({ slotMinutes: e.target.value })}
              error={at('slotMinutes')}
              hint="Empty: the clinic's usual length"
            />
          )}
        </div>
      )}
      <Field label="Note" value={form.note} onChange={(e) => set({ note: e.target.value })} error={at('note')} hint="Such as “conference” (optional)" />
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={add.isPending}>
          {add.isPending ? 'Adding…' : form.kind === 'LEAVE' ? 'Add the leave' : 'Add the extra hours'}
        </Button>
      </div>
    </form>
  );
}
