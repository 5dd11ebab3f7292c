import { useState } from 'react';
import type { DayEndSummaryDto, PaymentDto } from '../../../preload/contract';
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
import { usePrintReceipt } from './usePrintReceipt';

type Sum = DayEndSummaryDto['totals'][number];
const SUM_COLUMNS: Column<Sum & { id: number; label: string }>[] = [
  { header: '', cell: (s) => s.label },
  { header: 'Received', cell: (s) => money(s.received, s.currency) },
  { header: 'Refunded', cell: (s) => money(s.refunded, s.currency) },
  { header: 'Net', cell: (s) => money(s.net, s.currency) },
  { header: 'Payments', cell: (s) => s.payments },
  { header: 'Refunds', cell: (s) => s.refunds },
];

function Sums({ summary }: { summary: DayEndSummaryDto }) {
  const rows = (label: string, list: (Sum & { name: string })[]) => (
    <Table label={label} columns={SUM_COLUMNS} rows={list.map((s, i) => ({ ...s, id: i, label: s.name }))} empty="Nothing taken." />
  );
  return (
    <>
      <h2>Totals</h2>
      {rows(
        'Totals',
        summary.totals.map((s) => ({ ...s, name: 'All' })),
      )}
      <h2>By method</h2>
      {rows(
        'By method',
        summary.byMethod.map((s) => ({ ...s, name: s.method ?? 'Other' })),
      )}
      <h2>By person</h2>
      {rows(
        'By person',
        summary.byUser.map((s) => ({ ...s, name: s.userName ?? 'Unknown' })),
      )}
      {summary.gatewayByMethod && summary.gatewayByMethod.length > 0 && (
        <>
          <h2>Through the gateway</h2>
          <GatewayTakings rows={summary.gatewayByMethod} />
        </>
      )}
    </>
  );
}

/** The printable day-end sheet: the same figures as the screen, for the cash box. */
function DayEndSheet({ summary }: { summary: DayEndSummaryDto }) {
  return (
    <article className="print-doc" aria-label={`Day-end summary ${summary.date}`}>
      <h1>Day-end summary</h1>
      <p className="print-sub">
        {longDay(summary.date)} ({summary.timeZone})
      </p>
      <Sums summary={summary} />
    </article>
  );
}

/** What the desk took in and paid out on a day: per method and per person, and every entry. */
export function DayEndScreen() {
  const timeZone = useTimeZone();
  const [date, setDate] = useState(() => todayIn(timeZone));
  const [printProblem, setPrintProblem] = useState<string>();
  const printReceipt = usePrintReceipt();
  const dayEnd = useClinicQuery('payments.dayEnd', { date });
  const summary = dayEnd.data;
  const problem = printProblem ?? problemOf(dayEnd.error);

  const entryColumns: Column<PaymentDto>[] = [
    { header: 'Receipt', cell: (p) => p.receiptNumber ?? 'pending' },
    { header: 'Patient', cell: (p) => p.patientName },
    { header: 'Doctor', cell: (p) => p.doctorName },
    { header: 'Amount', cell: (p) => money(p.amount, p.currency) },
    { header: 'Method', cell: (p) => `${p.method ?? '—'}${p.reference ? ` (${p.reference})` : ''}` },
    { header: 'By', cell: (p) => p.receivedByName ?? '—' },
    {
      header: 'Receipt copy',
      cell: (p) =>
        p.receiptNumber && (
          <Button aria-label={`Reprint ${p.receiptNumber}`} onClick={() => void printReceipt(p.id).then(setPrintProblem)}>
            Reprint
          </Button>
        ),
    },
  ];

  return (
    <div className="day-end-screen">
      <div className="screen-head">
        <h1>Payments · day end</h1>
        <span className="spacer" />
        <Field label="Day" type="date" value={date} onChange={(e) => e.target.value && setDate(e.target.value)} />
        <Button variant="primary" disabled={!summary} onClick={() => summary && void printDocument(<DayEndSheet summary={summary} />, 'A4')}>
          Print day-end summary
        </Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {summary && (
        <>
          <Sums summary={summary} />
          <h2>Entries</h2>
          <Table label="Entries" columns={entryColumns} rows={summary.entries} empty="No payments on this day." />
        </>
      )}
    </div>
  );
}
