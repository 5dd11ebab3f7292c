import { COUNT_NAMES, COUNTS, type CountKey } from './board';

/**
 * The day in six numbers. Each is also the board's status filter: pressing "Unpaid" leaves the
 * unpaid rows, pressing it again shows everything.
 */
export function BoardCounts({ counts, chosen, onChoose }: { counts: Record<CountKey, number>; chosen?: CountKey; onChoose(key: CountKey | undefined): void }) {
  return (
    <div className="today-counts" role="group" aria-label="Today’s counts: press one to show only those">
      {COUNTS.map((key) => (
        <button
          key={key}
          type="button"
          className="today-count"
          data-count={key}
          aria-pressed={chosen === key}
          onClick={() => onChoose(chosen === key ? undefined : key)}
        >
          <span>{COUNT_NAMES[key]}</span> <strong>{counts[key]}</strong>
        </button>
      ))}
    </div>
  );
}
