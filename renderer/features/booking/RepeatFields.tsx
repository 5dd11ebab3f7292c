import type { UseFormReturn } from 'react-hook-form';
import { MAX_SERIES_OCCURRENCES } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Field, FormField, FormSelectField } from '../../ui/Field';
import type { BookingValues } from './booking-form';

type NumberName = 'recurrence.interval' | 'recurrence.count';

// Monday first: the weekday box's value is its ISO number, 1 to 7.
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** "Repeat": every N days, or every N weeks on chosen weekdays; a number of appointments or an end date. */
export function RepeatFields({ form }: { form: UseFormReturn<BookingValues> }) {
  const { t } = useT('appointments');
  const [repeat, frequency, ends] = form.watch(['repeat', 'recurrence.frequency', 'recurrence.ends']);
  const errorOf = (name: 'recurrence.weekdays' | NumberName) => form.getFieldState(name, form.formState).error?.message;
  // A number box answers text; the request wants a number (an empty box is NaN, which the schema names).
  const numberField = (name: NumberName) => ({ ...form.register(name, { valueAsNumber: true }), error: errorOf(name) });
  const weekdaysError = errorOf('recurrence.weekdays');
  return (
    <fieldset className="ui-form repeat">
      <legend>
        <label className="ui-check">
          <input type="checkbox" {...form.register('repeat')} /> {t('repeat.label')}
        </label>
      </legend>
      {repeat && (
        <>
          <div className="ui-row">
            <Field label={t('repeat.every')} type="number" min={1} max={52} {...numberField('recurrence.interval')} />
            <FormSelectField form={form} name="recurrence.frequency" label={t('repeat.unit')}>
              <option value="DAILY">{t('repeat.days')}</option>
              <option value="WEEKLY">{t('repeat.weeks')}</option>
            </FormSelectField>
          </div>
          {frequency === 'WEEKLY' && (
            <fieldset aria-describedby={weekdaysError ? 'repeat-weekdays-error' : undefined}>
              <legend>{t('repeat.on')}</legend>
              {WEEKDAYS.map((day, i) => (
                <label key={day} className="ui-check">
                  <input type="checkbox" value={String(i + 1)} {...form.register('recurrence.weekdays')} /> {t(`repeat.weekday.${day}`)}
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
              <input type="radio" value="count" {...form.register('recurrence.ends')} /> {t('repeat.byCount')}
            </label>
            <label className="ui-check">
              <input type="radio" value="until" {...form.register('recurrence.ends')} /> {t('repeat.byDate')}
            </label>
          </div>
          {ends === 'count' ? (
            <Field label={t('repeat.howMany')} type="number" min={1} max={MAX_SERIES_OCCURRENCES} {...numberField('recurrence.count')} />
          ) : (
            <FormField form={form} name="recurrence.until" label={t('repeat.lastDay')} type="date" />
          )}
        </>
      )}
    </fieldset>
  );
}
