import type { DayEndSummaryDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Table } from '../../ui/Table';
import { gatewayMethodName } from './payment-words';

/** The day's takings through the gateway by how patients paid there (upi, card, netbanking, wallet), refunds netted. */
export function GatewayTakings({ rows }: { rows: NonNullable<DayEndSummaryDto['gatewayByMethod']> }) {
  const { t } = useT('payments');
  return (
    <Table
      label={t('dayEnd.gatewayByMethod')}
      rows={rows.map((r, i) => ({ ...r, id: i }))}
      empty={t('dayEnd.nothingThroughGateway')}
      columns={[
        { header: t('dayEnd.col.method'), cell: (r) => gatewayMethodName(r.method) },
        { header: t('dayEnd.col.net'), cell: (r) => money(r.net, r.currency) },
        { header: t('dayEnd.col.payments'), cell: (r) => r.payments },
      ]}
    />
  );
}
