import { useState } from 'react';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { ReconciliationReport } from './ReconciliationReport';

/**
 * The gateway's books for a clinic day against Clinic Desk's (ADMIN): payments on one side only
 * or with another amount, each labelled, and the gateway takings by method. Asked of Razorpay
 * when a day is chosen and on "Check again", not on every change.
 */
export function ReconciliationPanel() {
  const { t } = useT('payments');
  const timeZone = useTimeZone();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const result = useClinicQuery('payments.reconciliation', { date }, { enabled: valid });
  const problem = problemOf(result.error);
  const r = result.data;
  return (
    <section aria-label={t('admin.check.label')}>
      <div className="ui-actions">
        <Field label={t('admin.check.day')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button onClick={() => void result.refetch()} disabled={!valid || result.isFetching}>
          {result.isFetching ? t('admin.check.checking') : t('admin.check.again')}
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {r && <ReconciliationReport r={r} />}
    </section>
  );
}
