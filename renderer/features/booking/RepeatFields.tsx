import type { UseFormReturn } from 'react-hook-form';
import { MAX_SERIES_OCCURRENCES } from '../../../preload/contract';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import type { BookingValues } from './booking-form';

type NumberName = 'recurrence.interval' | 'recurrence.count';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/** "Repeat": every N days, or every N weeks on chosen weekdays; a number of appointments or an end date. */
export function RepeatFields({ form }: { form: UseFormReturn<BookingValues> }) {
  const [repeat, frequency, ends] = form.watch(['repeat', 'recurrence.frequency', 'recurrence.ends']);
  const errorOf = (name: 'recurrence.weekdays' | NumberName) => form.getFieldState(name, form.formState).error?.message;
  // A number box answers text; the request wants a number (an empty box is NaN, which the schema names).
  const numberField = (name: NumberName) => ({ ...form.register(name, { valueAsNumber: true }), error: errorOf(name) });
  const weekdaysError = errorOf('recurrence.weekdays');
  return (
    <fieldset className="ui-form repeat">
      <legend>
        <label className="ui-check">
          <input type="checkbox" {...form.register('repeat')} /> Repeat
        </label>
      </legend>
      {repeat && (
        <>
          <div className="ui-row">
            <Field label="Every" type="number" min={1} max={52} {...numberField('recurrence.interval')} />
            <FormSelectField form={form} name="recurrence.frequency" label="Unit">
              <option value="DAILY">days</option>
              <option value="WEEKLY">weeks</option>
            </FormSelectField>
          </div>
          {frequency === 'WEEKLY' && (
            <fieldset aria-describedby={weekdaysError ? 'repeat-weekdays-error' : undefined}>
              <legend>On (none ticked: the first day’s weekday)</legend>
              {WEEKDAYS.map((day, i) => (
                <label key={day} className="ui-check">
                  <input type="checkbox" value={String(i + 1)} {...form.register('recurrence.weekdays')} /> {day}
                </label>
              ))}
              {weekdaysError && (
                <span id="repeat-weekdays-error" className="ui-field-error" role="alert">
                  {weekdaysError}
                </span>
              )}
            </fieldset>
          )}
          <div className="ui-row">
            <label className="ui-check">
              <input type="radio" value="count" {...form.register('recurrence.ends')} /> A number of appointments
            </label>
            <label className="ui-check">
              <input type="radio" value="until" {...form.register('recurrence.ends')} /> Until a date
            </label>
          </div>
          {ends === 'count' ? (
            <Field label="How many appointments" type="number" min={1} max={MAX_SERIES_OCCURRENCES} {...numberField('recurrence.count')} />
          ) : (
            <FormField form={form} name="recurrence.until" label="Last day" type="date" />
          )}
        </>
      )}
    </fieldset>
  );
}
