import type { ReconciliationDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { longDay } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Table } from '../../ui/Table';
import { GatewayTakings } from './GatewayTakings';

const orDash = (v: string | number | null) => (v === null ? '—' : v);

/** A day's reconciliation, asked now or stored by a run: the differences, each labelled, and the gateway takings by method. */
export function ReconciliationReport({ r }: { r: ReconciliationDto }) {
  const { t } = useT('payments');
  return (
    <>
      <h3>{longDay(r.date)}</h3>
      <p>{t('admin.check.listed', { count: r.gatewayPayments, settled: r.settled })}</p>
      <Banner tone={r.mismatches.length === 0 ? 'info' : 'warning'}>
        {r.mismatches.length === 0 ? t('admin.check.agree') : t('admin.check.differences', { count: r.mismatches.length })}
      </Banner>
      <Table
        label={t('admin.check.table')}
        rows={r.mismatches.map((m, i) => ({ ...m, id: i }))}
        empty={t('admin.check.none')}
        columns={[
          { header: t('admin.check.col.what'), cell: (m) => t(`admin.check.kind.${m.kind}`) },
          { header: t('admin.check.col.gatewayPayment'), cell: (m) => orDash(m.gatewayPaymentId) },
          { header: t('admin.check.col.clinicPayment'), cell: (m) => (m.paymentId === null ? '—' : `#${m.paymentId}`) },
          { header: t('admin.check.col.clinicAmount'), cell: (m) => orDash(m.clinicAmount) },
          { header: t('admin.check.col.gatewayAmount'), cell: (m) => orDash(m.gatewayAmount) },
          { header: t('admin.check.col.note'), cell: (m) => m.note },
        ]}
      />
      <h3>{t('admin.check.takings')}</h3>
      <GatewayTakings rows={r.byGatewayMethod} />
    </>
  );
}
