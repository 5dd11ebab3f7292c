import { useT } from '../../i18n/use-t';
import type { MoneyState } from './board';

/** Paid, unpaid or on its way, at a glance: in words as well as colour, so it reads in every theme. */
export function MoneyBadge({ state }: { state: MoneyState | undefined }) {
  const { t } = useT('common');
  if (!state) return null;
  return (
    <span className="money-badge" data-money={state}>
      {t(`money.${state}`)}
    </span>
  );
}
