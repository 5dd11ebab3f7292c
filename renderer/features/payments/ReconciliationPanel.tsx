import { useState } from 'react';
import type { ReconciliationDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { longDay, todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table } from '../../ui/Table';
import { GatewayTakings } from './GatewayTakings';

type Mismatch = ReconciliationDto['mismatches'][number];

/** Each kind of difference said plainly: which side has it, or what is wrong with it. */
const MISMATCH_NAMES: Record<Mismatch['kind'], string> = {
  ONLY_AT_GATEWAY: 'Only at Razorpay',
  ONLY_IN_CLINIC: 'Only in Clinic Desk',
  AMOUNT_DIFFERS: 'Another amount',
  FLAGGED: 'Flagged by a webhook',
};

const orDash = (v: string | number | null) => (v === null ? '—' : v);

/**
 * The gateway's books for a clinic day against Clinic Desk's (ADMIN): payments on one side only
 * or with another amount, each labelled, and the gateway takings by method. Asked of Razorpay
 * when a day is chosen and on "Check again", not on every change.
 */
export function ReconciliationPanel() {
  const timeZone = useTimeZone();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const result = useClinicQuery('payments.reconciliation', { date }, { enabled: valid });
  const problem = problemOf(result.error);
  const r = result.data;
  return (
    <section aria-label="Reconciliation">
      <div className="ui-actions">
        <Field label="Day" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        <Button onClick={() => void result.refetch()} disabled={!valid || result.isFetching}>
          {result.isFetching ? 'Checking…' : 'Check again'}
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {r && (
        <>
          <h3>{longDay(r.date)}</h3>
          <p>
            Razorpay lists {r.gatewayPayments} captured payment{r.gatewayPayments === 1 ? '' : 's'}; settled that day: {r.settled}.
          </p>
          <Banner tone={r.mismatches.length === 0 ? 'info' : 'warning'}>
            {r.mismatches.length === 0 ? 'The books agree.' : `${r.mismatches.length} difference${r.mismatches.length === 1 ? '' : 's'} to look at.`}
          </Banner>
          <Table
            label="Differences"
            rows={r.mismatches.map((m, i) => ({ ...m, id: i }))}
            empty="No differences."
            columns={[
              { header: 'What', cell: (m) => MISMATCH_NAMES[m.kind] },
              { header: 'Razorpay payment', cell: (m) => orDash(m.gatewayPaymentId) },
              { header: 'Clinic payment', cell: (m) => (m.paymentId === null ? '—' : `#${m.paymentId}`) },
              { header: 'Clinic amount', cell: (m) => orDash(m.clinicAmount) },
              { header: 'Razorpay amount', cell: (m) => orDash(m.gatewayAmount) },
              { header: 'Note', cell: (m) => m.note },
            ]}
          />
          <h3>Gateway takings by method</h3>
          <GatewayTakings rows={r.byGatewayMethod} />
        </>
      )}
    </section>
  );
}
