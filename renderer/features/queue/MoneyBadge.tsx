import type { MoneyState } from './board';

const WORDS: Record<MoneyState, string> = { PAID: 'paid', PENDING: 'payment pending', UNPAID: 'unpaid' };

/** Paid, unpaid or on its way, at a glance: in words as well as colour, so it reads in every theme. */
export function MoneyBadge({ state }: { state: MoneyState | undefined }) {
  if (!state) return null;
  return (
    <span className="money-badge" data-money={state}>
      {WORDS[state]}
    </span>
  );
}
