import { useState } from 'react';
import type { DayEndSummaryDto, PaymentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { longDay, todayIn } from '../../lib/dates';
import { money } from '../../lib/format';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useTimeZone } from '../../api/clinic-data';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import { printDocument } from '../print/print';
import { GatewayTakings } from './GatewayTakings';
import { methodName } from './payment-words';
import { usePrintReceipt } from './usePrintReceipt';

type Sum = DayEndSummaryDto['totals'][number];
type SumRow = Sum & { id: number; label: string };

function Sums({ summary }: { summary: DayEndSummaryDto }) {
  const { t } = useT('payments');
  const columns: Column<SumRow>[] = [
    { header: '', cell: (s) => s.label },
    { header: t('dayEnd.col.received'), cell: (s) => money(s.received, s.currency) },
    { header: t('dayEnd.col.refunded'), cell: (s) => money(s.refunded, s.currency) },
    { header: t('dayEnd.col.net'), cell: (s) => money(s.net, s.currency) },
    { header: t('dayEnd.col.payments'), cell: (s) => s.payments },
    { header: t('dayEnd.col.refunds'), cell: (s) => s.refunds },
  ];
  const rows = (label: string, list: (Sum & { name: string })[]) => (
    <Table label={label} columns={columns} rows={list.map((s, i) => ({ ...s, id: i, label: s.name }))} empty={t('dayEnd.nothingTaken')} />
  );
  return (
    <>
      <h2>{t('dayEnd.totals')}</h2>
      {rows(
        t('dayEnd.totals'),
        summary.totals.map((s) => ({ ...s, name: t('dayEnd.all') })),
      )}
      <h2>{t('dayEnd.byMethod')}</h2>
      {rows(
        t('dayEnd.byMethod'),
        summary.byMethod.map((s) => ({ ...s, name: s.method === null ? t('common:method.OTHER') : methodName(s) })),
      )}
      <h2>{t('dayEnd.byPerson')}</h2>
      {rows(
        t('dayEnd.byPerson'),
        summary.byUser.map((s) => ({ ...s, name: s.userName ?? t('dayEnd.unknown') })),
      )}
      {summary.gatewayByMethod && summary.gatewayByMethod.length > 0 && (
        <>
          <h2>{t('dayEnd.gateway')}</h2>
          <GatewayTakings rows={summary.gatewayByMethod} />
        </>
      )}
    </>
  );
}

/** The printable day-end sheet: the same figures as the screen, for the cash box. */
function DayEndSheet({ summary }: { summary: DayEndSummaryDto }) {
  const { t } = useT('payments');
  return (
    <article className="print-doc" aria-label={t('dayEnd.sheetOf', { date: summary.date })}>
      <h1>{t('dayEnd.sheet')}</h1>
      <p className="print-sub">
        {longDay(summary.date)} ({summary.timeZone})
      </p>
      <Sums summary={summary} />
    </article>
  );
}

/** What the desk took in and paid out on a day: per method and per person, and every entry. */
export function DayEndScreen() {
  const { t } = useT('payments');
  const timeZone = useTimeZone();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [printProblem, setPrintProblem] = useState<string>();
  const printReceipt = usePrintReceipt();
  const dayEnd = useClinicQuery('payments.dayEnd', { date });
  const summary = dayEnd.data;
  const problem = printProblem ?? problemOf(dayEnd.error);

  const entryColumns: Column<PaymentDto>[] = [
    { header: t('dayEnd.col.receipt'), cell: (p) => p.receiptNumber ?? t('status.PENDING') },
    { header: t('dayEnd.col.patient'), cell: (p) => p.patientName },
    { header: t('dayEnd.col.doctor'), cell: (p) => p.doctorName },
    { header: t('dayEnd.col.amount'), cell: (p) => money(p.amount, p.currency) },
    { header: t('dayEnd.col.method'), cell: (p) => `${methodName(p)}${p.reference ? ` (${p.reference})` : ''}` },
    { header: t('dayEnd.col.by'), cell: (p) => p.receivedByName ?? '—' },
    {
      header: t('dayEnd.col.copy'),
      cell: (p) =>
        p.receiptNumber && (
          <Button aria-label={t('earlier.reprint', { receipt: p.receiptNumber })} onClick={() => void printReceipt(p.id).then(setPrintProblem)}>
            {t('dayEnd.reprint')}
          </Button>
        ),
    },
  ];

  return (
    <div className="day-end-screen">
      <div className="screen-head">
        <h1>{t('dayEnd.title')}</h1>
        <span className="spacer" />
        <Field label={t('dayEnd.day')} type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        <Button variant="primary" disabled={!summary} onClick={() => summary && void printDocument(<DayEndSheet summary={summary} />, 'A4')}>
          {t('dayEnd.print')}
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {summary && (
        <>
          <Sums summary={summary} />
          <h2>{t('dayEnd.entries')}</h2>
          <Table label={t('dayEnd.entries')} columns={entryColumns} rows={summary.entries} empty={t('dayEnd.noEntries')} />
        </>
      )}
    </div>
  );
}
