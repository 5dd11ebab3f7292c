import { useId } from 'react';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { FormProblem } from '../../ui/form/FormProblem';
import { WEEKDAYS } from './template-rules';
import type { WeeklyPattern } from './useWeeklyPattern';

/** The periods per weekday and the dates the pattern holds for; each box is the rule's own field ("rules.0.endTime"). */
export function WeeklyPatternForm({ pattern, busy, onSave }: { pattern: WeeklyPattern; busy: boolean; onSave(): void }) {
  const { t } = useT('doctors');
  const base = useId();
  const addButtonId = (weekday: number) => `${base}-add-${weekday}`;
  const { form, fields } = pattern;
  // A message about the list itself (too many periods), not one of its boxes.
  const listProblem = form.formState.errors.rules?.root?.message ?? form.formState.errors.rules?.message;

  function remove(index: number, weekday: number) {
    // The button pressed is going away: keep the keyboard user on that day.
    document.getElementById(addButtonId(weekday))?.focus();
    pattern.remove(index);
  }

  return (
    <form
      className="ui-form"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      noValidate
      aria-labelledby="template-title"
    >
      <FormProblem form={form} />
      {listProblem && <Banner tone="error">{listProblem}</Banner>}
      {WEEKDAYS.map((key, d) => {
        const weekday = d + 1;
        const day = t(`weekday.${key}`);
        return (
          <fieldset key={key} className="ui-group">
            <legend>{day}</legend>
            {fields.every((r) => r.weekday !== weekday) && <span className="ui-hint">{t('pattern.notWorking')}</span>}
            {fields.map((r, i) =>
              r.weekday !== weekday ? null : (
                <div key={r.id} className="template-period">
                  <FormField form={form} name={`rules.${i}.startTime`} label={t('pattern.from', { day })} type="time" />
                  <FormField form={form} name={`rules.${i}.endTime`} label={t('pattern.until', { day })} type="time" />
                  <FormField form={form} name={`rules.${i}.slotMinutes`} label={t('pattern.minutes', { day })} inputMode="numeric" />
                  <Button
                    aria-label={t('pattern.removeOf', { day, from: pattern.rules[i]?.startTime || '?', until: pattern.rules[i]?.endTime || '?' })}
                    onClick={() => remove(i, weekday)}
                  >
                    {t('remove')}
                  </Button>
                </div>
              ),
            )}
            <div>
              <Button id={addButtonId(weekday)} onClick={() => pattern.add(weekday)}>
                {t('pattern.addOn', { day })}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className="ui-row">
        <FormField form={form} name="validFrom" label={t('pattern.startsOn')} type="date" />
        <FormField form={form} name="validTo" label={t('pattern.endsOn')} type="date" hint={t('pattern.endsHint')} />
        <Button variant="primary" type="submit" disabled={busy}>
          {busy ? t('common:saving') : t('pattern.save')}
        </Button>
      </div>
    </form>
  );
}
