import type { DayEndSummaryDto } from '../../../preload/contract';
import { money } from '../../lib/format';
import { Table } from '../../ui/Table';

/** The day's takings through the gateway by how patients paid there (upi, card, netbanking, wallet), refunds netted. */
export function GatewayTakings({ rows }: { rows: NonNullable<DayEndSummaryDto['gatewayByMethod']> }) {
  return (
    <Table
      label="Gateway takings by method"
      rows={rows.map((r, i) => ({ ...r, id: i }))}
      empty="Nothing taken through the gateway."
      columns={[
        { header: 'Method', cell: (r) => r.method },
        { header: 'Net', cell: (r) => money(r.net, r.currency) },
        { header: 'Payments', cell: (r) => r.payments },
      ]}
    />
  );
}
