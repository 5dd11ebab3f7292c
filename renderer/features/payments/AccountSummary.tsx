import type { Res } from '../../../preload/contract';
import { useClinicMoney } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';

type Totals = Res<'payments.forAppointment'>['totals'];

/** The visit's account as main sums it: fee, paid so far, money on its way, and what is due. */
export function AccountSummary({ totals }: { totals: Totals }) {
  const { t } = useT('payments');
  const clinicMoney = useClinicMoney();
  return (
    <dl className="facts" aria-label={t('account.label')}>
      <dt>{t('account.fee')}</dt>
      <dd>{totals.fee === null ? t('account.notSet') : clinicMoney(totals.fee)}</dd>
      <dt>{t('account.paidSoFar')}</dt>
      <dd>{clinicMoney(totals.balance)}</dd>
      {totals.pending !== '0.00' && (
        <>
          <dt>{t('account.pending')}</dt>
          <dd>{clinicMoney(totals.pending)}</dd>
        </>
      )}
      <dt>{t('account.due')}</dt>
      <dd>{totals.due === null ? '—' : clinicMoney(totals.due)}</dd>
    </dl>
  );
}
