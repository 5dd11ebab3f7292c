import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { shiftDate } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';

/** Puts the saved pattern's working periods into the calendar for a date range. */
export function WindowCreation({ doctor, today, dirty }: { doctor: DoctorDto; today: string; dirty: boolean }) {
  const expand = useClinicMutation('availability.expand');
  const form = useRequestForm('availability.expand', (range: { from: string; to: string }) => ({ doctorId: doctor.id, ...range }), {
    from: today,
    to: shiftDate(today, 27),
  });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (range) => {
    if (dirty) return applyRefusal(form, { code: 'INVALID', message: 'Save the weekly pattern first: the calendar is filled from the saved pattern.' });
    const r = await expand.call({ doctorId: doctor.id, ...range });
    if (!r.ok) return applyRefusal(form, r.error);
    const { created, alreadyThere } = r.value;
    toast(`${created} working period${created === 1 ? '' : 's'} added to the calendar${alreadyThere ? `; ${alreadyThere} were already there` : ''}`);
  });

  return (
    <>
      <h3 id="expand-title">Put the pattern in the calendar</h3>
      <form className="ui-row" onSubmit={submit} noValidate aria-labelledby="expand-title">
        <FormProblem form={form} />
        <FormField form={form} name="from" label="Create windows from" type="date" />
        <FormField form={form} name="to" label="Create windows until" type="date" />
        <Button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the windows'}
        </Button>
      </form>
      <p className="ui-hint">Save the pattern first. Days already in the calendar are left as they are.</p>
    </>
  );
}
