import type { SERIES_SCOPES } from '../../../preload/contract';

export type Scope = (typeof SERIES_SCOPES)[number];

const LABELS: Record<Scope, string> = { this: 'This appointment', following: 'This and the following ones', all: 'All of the series' };

const WORDS: Record<Scope, string> = { this: 'one appointment', following: 'this and the following appointments', all: 'every appointment' };
/** What a change was for, in a sentence: "Cancelled every appointment of …". */
export const scopeWords = (scope: Scope) => WORDS[scope];

/** For an appointment of a series: which of its appointments the change is for. */
export function SeriesScope({ value, onChange }: { value: Scope; onChange(scope: Scope): void }) {
  return (
    <fieldset className="ui-form">
      <legend>It is one of a series: change</legend>
      {(Object.keys(LABELS) as Scope[]).map((scope) => (
        <label key={scope} className="ui-check">
          <input type="radio" name="series-scope" checked={value === scope} onChange={() => onChange(scope)} /> {LABELS[scope]}
        </label>
      ))}
    </fieldset>
  );
}
