import type { SERIES_SCOPES } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';

export type Scope = (typeof SERIES_SCOPES)[number];

const SCOPES: readonly Scope[] = ['this', 'following', 'all'];

/** For an appointment of a series: which of its appointments the change is for. */
export function SeriesScope({ value, onChange }: { value: Scope; onChange(scope: Scope): void }) {
  const { t } = useT('appointments');
  return (
    <fieldset className="ui-form">
      <legend>{t('scope.legend')}</legend>
      {SCOPES.map((scope) => (
        <label key={scope} className="ui-check">
          <input type="radio" name="series-scope" checked={value === scope} onChange={() => onChange(scope)} /> {t(`scope.${scope}`)}
        </label>
      ))}
    </fieldset>
  );
}
