import { PAYMENT_STATUSES, type Res } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { timeRange, withWeekday } from '../../lib/dates';
import { money } from '../../lib/format';
import { methodName, statusName } from '../../lib/labels';
import { Table, type Column } from '../../ui/Table';

type Page = Res<'patients.get'>;

type PaymentStatus = (typeof PAYMENT_STATUSES)[number];
const isPaymentStatus = (status: string): status is PaymentStatus => (PAYMENT_STATUSES as readonly string[]).includes(status);

/** A patient's appointments, upcoming and past, and their payments. */
export function PatientRecordTables({ page }: { page: Page }) {
  const { t } = useT('patients');
  const appointmentColumns: Column<Page['upcoming'][number]>[] = [
    { header: t('record.col.date'), cell: (a) => withWeekday(a.date) },
    { header: t('record.col.time'), cell: (a) => timeRange(a) },
    { header: t('record.col.doctor'), cell: (a) => a.doctorName },
    { header: t('record.col.status'), cell: (a) => statusName(a.status) },
    { header: t('record.col.reason'), cell: (a) => a.reason ?? '' },
  ];
  // Main sends a payment's status as plain text (older rows may hold others): an unknown one shows as it comes.
  const paymentStatus = (status: string) => (isPaymentStatus(status) ? t(`record.paymentStatus.${status}`) : status);
  const paymentColumns: Column<Page['payments'][number]>[] = [
    { header: t('record.col.receipt'), cell: (p) => p.receiptNumber ?? '—' },
    { header: t('record.col.amount'), cell: (p) => money(p.amount, p.currency) },
    { header: t('record.col.method'), cell: (p) => (p.method ? methodName(p.method) : '—') },
    { header: t('record.col.status'), cell: (p) => paymentStatus(p.status) },
  ];
  return (
    <>
      <h3>{t('record.upcoming')}</h3>
      <Table label={t('record.upcoming')} columns={appointmentColumns} rows={page.upcoming} empty={t('record.noUpcoming')} />
      <h3>{t('record.past')}</h3>
      <Table label={t('record.past')} columns={appointmentColumns} rows={page.past} empty={t('record.noPast')} />
      <h3>{t('record.payments')}</h3>
      <Table label={t('record.payments')} columns={paymentColumns} rows={page.payments} empty={t('record.noPayments')} />
    </>
  );
}
