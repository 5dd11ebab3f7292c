import { useId, type FormEvent } from 'react';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { WEEKDAYS, type RuleRow } from './template-rules';
import type { WeeklyPattern } from './useWeeklyPattern';

/**
 * The periods per weekday and the dates the pattern holds for. `at` gives the message for a
 * field in the contract's words ("rules.0.endTime"), from saving or from previewing.
 */
export function WeeklyPatternForm({
  pattern,
  at,
  formMessage,
  busy,
  onSave,
}: {
  pattern: WeeklyPattern;
  at(field: string): string | undefined;
  formMessage: string | undefined;
  busy: boolean;
  onSave(): void;
}) {
  const base = useId();
  const addButtonId = (weekday: number) => `${base}-add-${weekday}`;
  const { rows } = pattern;

  function remove(row: RuleRow) {
    // The button pressed is going away: keep the keyboard user on that day.
    document.getElementById(addButtonId(row.weekday))?.focus();
    pattern.remove(row);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    onSave();
  }

  return (
    <form className="ui-form" onSubmit={submit} noValidate aria-labelledby="template-title">
      {formMessage && <Banner tone="error">{formMessage}</Banner>}
      {at('rules') && <Banner tone="error">{at('rules')}</Banner>}
      {WEEKDAYS.map((day, d) => {
        const weekday = d + 1;
        return (
          <fieldset key={day} className="ui-group">
            <legend>{day}</legend>
            {rows.every((r) => r.weekday !== weekday) && <span className="ui-hint">Not working</span>}
            {rows.map((r, i) =>
              r.weekday !== weekday ? null : (
                <div key={r.key} className="template-period">
                  <Field
                    autoFocus={r.key === pattern.justAdded}
                    label={`${day} from`}
                    type="time"
                    value={r.startTime}
                    onChange={(e) => pattern.change(r.key, { startTime: e.target.value })}
                    error={at(`rules.${i}.startTime`)}
                  />
                  <Field
                    label={`${day} until`}
                    type="time"
                    value={r.endTime}
                    onChange={(e) => pattern.change(r.key, { endTime: e.target.value })}
                    error={at(`rules.${i}.endTime`)}
                  />
                  <Field
                    label={`${day} minutes per slot`}
                    inputMode="numeric"
                    value={r.slotMinutes}
                    onChange={(e) => pattern.change(r.key, { slotMinutes: e.target.value })}
                    error={at(`rules.${i}.slotMinutes`)}
                  />
                  <Button aria-label={`Remove ${day} ${r.startTime || '?'}–${r.endTime || '?'}`} onClick={() => remove(r)}>
                    Remove
                  </Button>
                </div>
              ),
            )}
            <div>
              <Button id={addButtonId(weekday)} onClick={() => pattern.add(weekday)}>
                Add hours on {day}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className="ui-row">
        <Field
          label="Pattern starts on"
          type="date"
          value={pattern.dates.validFrom}
          onChange={(e) => pattern.setDates({ validFrom: e.target.value })}
          error={at('validFrom')}
        />
        <Field
          label="Pattern ends on"
          type="date"
          value={pattern.dates.validTo}
          onChange={(e) => pattern.setDates({ validTo: e.target.value })}
          error={at('validTo')}
          hint="Leave empty for no end"
        />
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? 'Saving…' : 'Save the weekly pattern'}
        </Button>
      </div>
    </form>
  );
}
