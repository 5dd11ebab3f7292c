import type { Req, Res } from '../../../preload/contract';
import { phraseNow } from '../../i18n/refusals';
import { useT } from '../../i18n/use-t';
import { shortDay, timeRange } from '../../lib/dates';

type Occurrence = Res<'appointments.previewSeries'>['occurrences'][number];
/** For each occurrence that cannot be booked as planned (by date): take the suggested time, or leave it out. */
export type Picks = Record<string, 'suggestion' | 'skip'>;

/** Every occurrence that cannot be booked starts on its suggested time when there is one. */
export const defaultPicks = (occurrences: Occurrence[]): Picks =>
  Object.fromEntries(occurrences.filter((o) => o.problem).map((o) => [o.date, o.suggestion ? 'suggestion' : 'skip']));

type Choice = NonNullable<Req<'appointments.bookSeries'>['choices']>[number];

export function choicesOf(occurrences: Occurrence[], picks: Picks): Choice[] {
  return occurrences.flatMap((o): Choice[] => {
    if (!o.problem) return [];
    const s = o.suggestion;
    return picks[o.date] === 'suggestion' && s
      ? [{ date: o.date, action: 'alternative' as const, toDate: s.date, toStartTime: s.startTime }]
      : [{ date: o.date, action: 'skip' as const }];
  });
}

/** How many appointments the series will book with these picks. */
export const bookedCount = (occurrences: Occurrence[], picks: Picks) => occurrences.filter((o) => !o.problem || picks[o.date] === 'suggestion').length;

/**
 * The series as main would book it: each occurrence that cannot be booked says why, and the desk
 * takes the doctor's next free time for it or skips it.
 */
export function SeriesPreview({
  occurrences,
  picks,
  onPick,
}: {
  occurrences: Occurrence[];
  picks: Picks;
  onPick(date: string, pick: 'suggestion' | 'skip'): void;
}) {
  const { t } = useT('appointments');
  return (
    <ol className="series-preview" aria-label={t('series.label')}>
      {occurrences.map((o) => (
        <li key={o.date} className={o.problem ? 'series-problem' : undefined}>
          {shortDay(o.date)} {timeRange(o)}
          {o.problem && (
            <fieldset aria-label={`${shortDay(o.date)}: ${phraseNow(o.problem.phrase)}`}>
              <span className="ui-field-error">{phraseNow(o.problem.phrase)}</span>
              {o.suggestion && (
                <label className="ui-check">
                  <input type="radio" checked={picks[o.date] === 'suggestion'} onChange={() => onPick(o.date, 'suggestion')} />{' '}
                  {t('series.instead', { when: `${shortDay(o.suggestion.date)} ${timeRange(o.suggestion)}` })}
                </label>
              )}
              <label className="ui-check">
                <input type="radio" checked={picks[o.date] === 'skip'} onChange={() => onPick(o.date, 'skip')} /> {t('series.skip')}
              </label>
            </fieldset>
          )}
        </li>
      ))}
    </ol>
  );
}
