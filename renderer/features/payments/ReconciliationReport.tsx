import type { ReconciliationDto } from '../../../preload/contract';
import { longDay } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
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

/** A day's reconciliation, asked now or stored by a run: the differences, each labelled, and the gateway takings by method. */
export function ReconciliationReport({ r }: { r: ReconciliationDto }) {
  return (
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
  );
}
