import type { FormEvent } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { errorsFor } from '../../ui/form-errors';
import { useCreateWindows } from './usePatternActions';

/** Puts the saved pattern's working periods into the calendar for a date range. */
export function WindowCreation({ doctor, today, dirty }: { doctor: DoctorDto; today: string; dirty: boolean }) {
  const { range, setRange, submit, error, busy } = useCreateWindows(doctor, today, dirty);
  const { at, formMessage } = errorsFor(error, ['from', 'to']);
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    void submit();
  }
  return (
    <>
      <h3 id="expand-title">Put the pattern in the calendar</h3>
      <form className="ui-row" onSubmit={onSubmit} noValidate aria-labelledby="expand-title">
        <Field label="Create windows from" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} error={at('from')} />
        <Field label="Create windows until" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} error={at('to')} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Creating…' : 'Create the windows'}
        </Button>
      </form>
      {formMessage && <Banner tone="error">{formMessage}</Banner>}
      <p className="ui-hint">Save the pattern first. Days already in the calendar are left as they are.</p>
    </>
  );
}
