import type { ReactNode } from 'react';
import type { AttendanceDto, ExportKind, ReportFilters, RevenueDto, StatusOverTimeDto } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { money } from '../../lib/format';
import { hours, percent } from './format';
import { ReportChart, type ChartSeries } from './ReportChart';
import { useReport } from './useReport';

export type Period = StatusOverTimeDto['period'];

/** A plain figures table: the chart's accessible twin, and what prints. */
function FigureTable({ label, headers, rows }: { label: string; headers: string[]; rows: ReactNode[][] }) {
  if (rows.length === 0) return <p className="ui-hint">Nothing in this range.</p>;
  return (
    <table className="ui-table" aria-label={label}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} scope="col">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) =>
              j === 0 ? (
                <th key={j} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={j}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Chart beside its table, the export buttons above. */
function ReportLayout({ title, chart, children, onExport }: { title: string; chart: ReactNode; children: ReactNode; onExport(format: 'csv' | 'xlsx'): void }) {
  return (
    <section aria-label={title}>
      <div className="report-actions">
        <Button onClick={() => onExport('csv')}>Export {title} as CSV</Button>
        <Button onClick={() => onExport('xlsx')}>Export {title} as Excel</Button>
      </div>
      <div className="report-body">
        <div>{chart}</div>
        <div>{children}</div>
      </div>
    </section>
  );
}

interface PanelProps {
  filters: ReportFilters;
  period: Period;
  onExport(kind: ExportKind, format: 'csv' | 'xlsx'): void;
}

function Loading({ problem, children }: { problem?: string; children: ReactNode }) {
  return (
    <>
      {problem && <Banner tone="error">{problem}</Banner>}
      {children}
    </>
  );
}

export function StatusPanel({ filters, period, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.statusOverTime', { filters, period });
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: 'Completed', values: rows.map((r) => r.completed) },
    { label: 'Scheduled', values: rows.map((r) => r.scheduled) },
    { label: 'No-show', values: rows.map((r) => r.noShow) },
    { label: 'Cancelled', values: rows.map((r) => r.cancelled) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="appointments by status"
        onExport={(f) => onExport('statusOverTime', f)}
        chart={<ReportChart label="Appointments by status" labels={rows.map((r) => r.start)} series={series} stacked />}
      >
        <FigureTable
          label="Appointments by status"
          headers={[`${period === 'day' ? 'Day' : period === 'week' ? 'Week of' : 'Month of'}`, 'Completed', 'Scheduled', 'No-show', 'Cancelled', 'Total']}
          rows={rows.map((r) => [r.start, r.completed, r.scheduled, r.noShow, r.cancelled, r.total])}
        />
      </ReportLayout>
    </Loading>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Weekday × hour: each cell's no-show share as its shade, its figures as its text. */
function HeatMap({ cells }: { cells: AttendanceDto['heatMap'] }) {
  if (cells.length === 0) return null;
  const hoursUsed = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);
  return (
    <table className="ui-table heat-map" aria-label="No-shows and cancellations by weekday and hour">
      <caption>Missed (no-show + cancelled) of booked, by weekday and hour</caption>
      <thead>
        <tr>
          <th scope="col">Weekday</th>
          {hoursUsed.map((h) => (
            <th key={h} scope="col">
              {String(h).padStart(2, '0')}:00
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((name, i) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            {hoursUsed.map((h) => {
              const c = at(i + 1, h);
              const share = c && c.total > 0 ? (c.noShows + c.cancellations) / c.total : 0;
              return (
                <td key={h} style={{ background: c ? `rgb(220 38 38 / ${Math.round(share * 70)}%)` : undefined }}>
                  {c ? `${c.noShows + c.cancellations}/${c.total}` : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AttendancePanel({ filters, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.attendance', filters);
  const byDoctor = value?.byDoctor ?? [];
  const series: ChartSeries[] = [
    { label: 'No-show %', values: byDoctor.map((d) => (d.total ? (d.noShows * 100) / d.total : 0)) },
    { label: 'Cancellation %', values: byDoctor.map((d) => (d.total ? (d.cancellations * 100) / d.total : 0)) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="no-shows and cancellations"
        onExport={(f) => onExport('attendance', f)}
        chart={<ReportChart label="No-show and cancellation rates per doctor" labels={byDoctor.map((d) => d.doctorName)} series={series} />}
      >
        <FigureTable
          label="No-show and cancellation rates per doctor"
          headers={['Doctor', 'Appointments', 'No-shows', 'No-show rate', 'Cancellations', 'Cancellation rate']}
          rows={byDoctor.map((d) => [d.doctorName, d.total, d.noShows, percent(d.noShows, d.total), d.cancellations, percent(d.cancellations, d.total)])}
        />
      </ReportLayout>
      {value && (
        <>
          <HeatMap cells={value.heatMap} />
          <h2>Lead time</h2>
          <p>
            {value.leadTime.appointments} booked ahead; average {value.leadTime.averageDays ?? '—'} days, median {value.leadTime.medianDays ?? '—'} days.
          </p>
          <FigureTable label="Lead time" headers={['Booked ahead', 'Appointments']} rows={value.leadTime.buckets.map((b) => [b.label, b.count])} />
        </>
      )}
    </Loading>
  );
}

export function UtilisationPanel({ filters, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.utilisation', filters);
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: 'Hours available', values: rows.map((r) => r.availableMinutes / 60) },
    { label: 'Hours booked', values: rows.map((r) => r.bookedMinutes / 60) },
    { label: 'Hours seen', values: rows.map((r) => r.seenMinutes / 60) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="utilisation"
        onExport={(f) => onExport('utilisation', f)}
        chart={<ReportChart label="Utilisation per doctor" labels={rows.map((r) => r.doctorName)} series={series} />}
      >
        <FigureTable
          label="Utilisation per doctor"
          headers={['Doctor', 'Hours available', 'Hours booked', 'Hours seen', 'Booked', 'Seen']}
          rows={rows.map((r) => [
            r.doctorName,
            hours(r.availableMinutes),
            hours(r.bookedMinutes),
            hours(r.seenMinutes),
            percent(r.bookedMinutes, r.availableMinutes),
            percent(r.seenMinutes, r.availableMinutes),
          ])}
        />
      </ReportLayout>
    </Loading>
  );
}

type Sums = RevenueDto['totals'][number];
const sumCells = (s: Sums) => [money(s.received, s.currency), money(s.refunded, s.currency), money(s.net, s.currency), s.payments, s.refunds];
const SUM_HEADERS = ['Received', 'Refunded', 'Net', 'Payments', 'Refunds'];

export function RevenuePanel({ filters, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.revenue', filters);
  const byDoctor = value?.byDoctor ?? [];
  // The chart's bar heights only; the table carries the exact amounts.
  const series: ChartSeries[] = [{ label: 'Net received', values: byDoctor.map((d) => Number(d.net)) }];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="revenue"
        onExport={(f) => onExport('revenue', f)}
        chart={<ReportChart label="Net revenue per doctor" labels={byDoctor.map((d) => d.doctorName)} series={series} />}
      >
        <FigureTable label="Revenue totals" headers={['', ...SUM_HEADERS]} rows={(value?.totals ?? []).map((s) => [`All (${s.currency})`, ...sumCells(s)])} />
        <FigureTable label="Revenue per doctor" headers={['Doctor', ...SUM_HEADERS]} rows={byDoctor.map((d) => [d.doctorName, ...sumCells(d)])} />
        <FigureTable
          label="Revenue per method"
          headers={['Method', ...SUM_HEADERS]}
          rows={(value?.byMethod ?? []).map((m) => [m.method ?? 'not recorded', ...sumCells(m)])}
        />
        <FigureTable
          label="Revenue per user"
          headers={['Received by', ...SUM_HEADERS]}
          rows={(value?.byUser ?? []).map((u) => [u.userName ?? 'not recorded', ...sumCells(u)])}
        />
      </ReportLayout>
    </Loading>
  );
}

export function DuesPanel({ filters, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.dues', filters);
  const currency = value?.currency ?? 'INR';
  const series: ChartSeries[] = value
    ? [
        { label: 'Dues', values: value.dues.map((d) => Number(d.amount)) },
        { label: 'Advances', values: value.advances.map((d) => Number(d.amount)) },
      ]
    : [];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="dues and advances"
        onExport={(f) => onExport('dues', f)}
        chart={<ReportChart label="Dues and advances by age" labels={value?.dues.map((d) => d.bucket) ?? []} series={series} />}
      >
        {value && <p>Outstanding as of {value.asOf}.</p>}
        <FigureTable
          label="Dues and advances by age"
          headers={['Age', 'Dues', 'Appointments owing', 'Advances', 'Appointments with an advance']}
          rows={(value?.dues ?? []).map((d, i) => [
            d.bucket,
            money(d.amount, currency),
            d.appointments,
            money(value!.advances[i]!.amount, currency),
            value!.advances[i]!.appointments,
          ])}
        />
        <FigureTable
          label="Dues and advances per doctor"
          headers={['Doctor', 'Dues', 'Advances']}
          rows={(value?.byDoctor ?? []).map((d) => [d.doctorName, money(d.dues, currency), money(d.advances, currency)])}
        />
      </ReportLayout>
    </Loading>
  );
}

export function PatientMixPanel({ filters, period, onExport }: PanelProps) {
  const { value, problem } = useReport('reports.patientMix', { filters, period });
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: 'New', values: rows.map((r) => r.newPatients) },
    { label: 'Returning', values: rows.map((r) => r.returningPatients) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title="new and returning patients"
        onExport={(f) => onExport('patientMix', f)}
        chart={<ReportChart label="New and returning patients" labels={rows.map((r) => r.start)} series={series} stacked />}
      >
        <FigureTable
          label="New and returning patients"
          headers={['Period starting', 'New', 'Returning']}
          rows={rows.map((r) => [r.start, r.newPatients, r.returningPatients])}
        />
      </ReportLayout>
    </Loading>
  );
}
