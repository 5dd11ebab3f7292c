import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import type { DoctorDto, Req } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { t as translate } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { isWholeNumber } from '../../ui/form/boxes';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import type { useBlockedChange } from './useBlockedChange';
import { cancelledNote, kindName } from './window-names';

type Boxes = { kind: 'LEAVE' | 'EXTRA'; date: string; wholeDay: boolean; startTime: string; endTime: string; slotMinutes: string; note: string };

/** What the form asks for, as the contract words it: whole-day leave has no times, only extra hours a slot length. */
function request(doctorId: number, form: Boxes): Req<'availability.addException'> {
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

// Only extra hours show the minutes box, so only they have it checked.
const minutesBox = z
  .looseObject({ kind: z.string(), slotMinutes: z.string() })
  .refine((v) => v.kind !== 'EXTRA' || isWholeNumber(v.slotMinutes, { optional: true }), {
    // Worded at each check, so a language chosen since applies.
    error: () => translate('doctors:refuse.minutes'),
    path: ['slotMinutes'],
  });

/** Leave (a whole day or some hours) or extra hours on one date; a change that strands booked patients goes to `blocked`. */
export function ExceptionForm({ doctor, today, blocked }: { doctor: DoctorDto; today: string; blocked: ReturnType<typeof useBlockedChange> }) {
  const { t } = useT('doctors');
  const add = useClinicMutation('availability.addException');
  const form = useRequestForm(
    'availability.addException',
    (boxes: Boxes) => request(doctor.id, boxes),
    { kind: 'LEAVE', date: today, wholeDay: true, startTime: '', endTime: '', slotMinutes: '', note: '' },
    minutesBox,
  );
  const [kind, wholeDay] = useWatch({ control: form.control, name: ['kind', 'wholeDay'] });
  const timed = kind === 'EXTRA' || !wholeDay;
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (boxes) => {
    const req = request(doctor.id, boxes);
    const r = await add.call(req);
    if (!r.ok) return applyRefusal(form, r.error);
    blocked.answer(
      r.value,
      (cancelBooked) => add.call({ ...req, cancelBooked }),
      (cancelled) => {
        const said = { name: doctor.name, date: req.date, cancelled: cancelledNote(cancelled) };
        toast(req.kind === 'LEAVE' ? t('exceptions.leaveAdded', said) : t('exceptions.extraAdded', said));
        form.setValue('note', '');
      },
    );
  });

  return (
    <form className="ui-form" onSubmit={submit} noValidate aria-labelledby="exceptions-title">
      <FormProblem form={form} />
      <div className="ui-row">
        <FormSelectField form={form} name="kind" label={t('kind')}>
          <option value="LEAVE">{kindName('LEAVE')}</option>
          <option value="EXTRA">{kindName('EXTRA')}</option>
        </FormSelectField>
        <FormField form={form} name="date" label={t('date')} type="date" />
        {kind === 'LEAVE' && (
          <label className="ui-field-check">
            <input type="checkbox" {...form.register('wholeDay')} />
            {t('window.wholeDay')}
          </label>
        )}
      </div>
      {timed && (
        <div className="ui-row">
          <FormField form={form} name="startTime" label={t('exceptions.from')} type="time" />
          <FormField form={form} name="endTime" label={t('exceptions.until')} type="time" />
          {kind === 'EXTRA' && <FormField form={form} name="slotMinutes" label={t('minutesPerSlot')} inputMode="numeric" hint={t('exceptions.minutesHint')} />}
        </div>
      )}
      <FormField form={form} name="note" label={t('note')} hint={t('exceptions.noteHint')} />
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('exceptions.adding') : kind === 'LEAVE' ? t('exceptions.addLeave') : t('exceptions.addExtra')}
        </Button>
      </div>
    </form>
  );
}
