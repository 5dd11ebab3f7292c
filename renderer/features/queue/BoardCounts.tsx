import { useT } from '../../i18n/use-t';
import { COUNTS, type CountKey } from './board';

/**
 * The day in six numbers. Each is also the board's status filter: pressing "Unpaid" leaves the
 * unpaid rows, pressing it again shows everything.
 */
export function BoardCounts({ counts, chosen, onChoose }: { counts: Record<CountKey, number>; chosen?: CountKey; onChoose(key: CountKey | undefined): void }) {
  const { t } = useT('queue');
  return (
    <div className="today-counts" role="group" aria-label={t('counts')}>
      {COUNTS.map((key) => (
        <button
          key={key}
          type="button"
          className="today-count"
          data-count={key}
          aria-pressed={chosen === key}
          onClick={() => onChoose(chosen === key ? undefined : key)}
        >
          <span>{t(`count.${key}`)}</span> <strong>{counts[key]}</strong>
        </button>
      ))}
    </div>
  );
}
