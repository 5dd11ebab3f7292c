import type { ReactNode } from 'react';
import type { AGE_BUCKETS, AttendanceDto, ExportKind, ReportFilters, RevenueDto, StatusOverTimeDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { t as word } from '../../i18n/instance';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { money } from '../../lib/format';
import { methodName } from '../../lib/labels';
import { hours, percent } from './format';
import { ReportChart, type ChartSeries } from './ReportChart';
import { useReport } from './useReport';

export type Period = StatusOverTimeDto['period'];

/** The contract's age ranges of dues by their words' keys. */
const AGE_KEYS = { '0–30 days': 'upTo30', '31–60 days': 'upTo60', '61–90 days': 'upTo90', 'over 90 days': 'over90' } as const satisfies Record<
  (typeof AGE_BUCKETS)[number],
  string
>;

// The lead-time ranges main names in English, by their words' keys; one this version does not know is shown as it came.
const LEAD_KEYS: Record<string, 'sameDay' | 'upTo2' | 'upTo7' | 'upTo30' | 'over30' | undefined> = {
  'same day': 'sameDay',
  '1–2 days': 'upTo2',
  '3–7 days': 'upTo7',
  '8–30 days': 'upTo30',
  'over 30 days': 'over30',
};
const leadName = (label: string) => {
  const key = LEAD_KEYS[label];
  return key ? word(`reports:attendance.lead.${key}`) : label;
};

/** A plain figures table: the chart's accessible twin, and what prints. */
function FigureTable({ label, headers, rows }: { label: string; headers: string[]; rows: ReactNode[][] }) {
  const { t } = useT('reports');
  if (rows.length === 0) return <p className="ui-hint">{t('nothingInRange')}</p>;
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
  const { t } = useT('reports');
  return (
    <section aria-label={title}>
      <div className="report-actions">
        <Button onClick={() => onExport('csv')}>{t('export.csv', { report: title })}</Button>
        <Button onClick={() => onExport('xlsx')}>{t('export.excel', { report: title })}</Button>
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
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.statusOverTime', { filters, period });
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: t('status.completed'), values: rows.map((r) => r.completed) },
    { label: t('status.scheduled'), values: rows.map((r) => r.scheduled) },
    { label: t('status.noShow'), values: rows.map((r) => r.noShow) },
    { label: t('status.cancelled'), values: rows.map((r) => r.cancelled) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('status.report')}
        onExport={(f) => onExport('statusOverTime', f)}
        chart={<ReportChart label={t('status.label')} labels={rows.map((r) => r.start)} series={series} stacked />}
      >
        <FigureTable
          label={t('status.label')}
          headers={[t(`status.periodOf.${period}`), t('status.completed'), t('status.scheduled'), t('status.noShow'), t('status.cancelled'), t('status.total')]}
          rows={rows.map((r) => [r.start, r.completed, r.scheduled, r.noShow, r.cancelled, r.total])}
        />
      </ReportLayout>
    </Loading>
  );
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Weekday × hour: each cell's no-show share as its shade, its figures as its text. */
function HeatMap({ cells }: { cells: AttendanceDto['heatMap'] }) {
  const { t } = useT('reports');
  if (cells.length === 0) return null;
  const hoursUsed = [...new Set(cells.map((c) => c.hour))].sort((a, b) => a - b);
  const at = (weekday: number, hour: number) => cells.find((c) => c.weekday === weekday && c.hour === hour);
  return (
    <table className="ui-table heat-map" aria-label={t('attendance.heatMap')}>
      <caption>{t('attendance.heatMapCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('attendance.weekday')}</th>
          {hoursUsed.map((h) => (
            <th key={h} scope="col">
              {String(h).padStart(2, '0')}:00
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {WEEKDAYS.map((day, i) => (
          <tr key={day}>
            <th scope="row">{t(`attendance.weekdays.${day}`)}</th>
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
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.attendance', filters);
  const byDoctor = value?.byDoctor ?? [];
  const series: ChartSeries[] = [
    { label: t('attendance.noShowPercent'), values: byDoctor.map((d) => (d.total ? (d.noShows * 100) / d.total : 0)) },
    { label: t('attendance.cancellationPercent'), values: byDoctor.map((d) => (d.total ? (d.cancellations * 100) / d.total : 0)) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('attendance.report')}
        onExport={(f) => onExport('attendance', f)}
        chart={<ReportChart label={t('attendance.label')} labels={byDoctor.map((d) => d.doctorName)} series={series} />}
      >
        <FigureTable
          label={t('attendance.label')}
          headers={[
            t('common:doctor'),
            t('attendance.col.appointments'),
            t('attendance.col.noShows'),
            t('attendance.col.noShowRate'),
            t('attendance.col.cancellations'),
            t('attendance.col.cancellationRate'),
          ]}
          rows={byDoctor.map((d) => [d.doctorName, d.total, d.noShows, percent(d.noShows, d.total), d.cancellations, percent(d.cancellations, d.total)])}
        />
      </ReportLayout>
      {value && (
        <>
          <HeatMap cells={value.heatMap} />
          <h2>{t('attendance.leadTime')}</h2>
          <p>
            {t('attendance.leadSummary', {
              count: value.leadTime.appointments,
              average: value.leadTime.averageDays ?? '—',
              median: value.leadTime.medianDays ?? '—',
            })}
          </p>
          <FigureTable
            label={t('attendance.leadTime')}
            headers={[t('attendance.bookedAhead'), t('attendance.col.appointments')]}
            rows={value.leadTime.buckets.map((b) => [leadName(b.label), b.count])}
          />
        </>
      )}
    </Loading>
  );
}

export function UtilisationPanel({ filters, onExport }: PanelProps) {
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.utilisation', filters);
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: t('utilisation.available'), values: rows.map((r) => r.availableMinutes / 60) },
    { label: t('utilisation.booked'), values: rows.map((r) => r.bookedMinutes / 60) },
    { label: t('utilisation.seen'), values: rows.map((r) => r.seenMinutes / 60) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('utilisation.report')}
        onExport={(f) => onExport('utilisation', f)}
        chart={<ReportChart label={t('utilisation.label')} labels={rows.map((r) => r.doctorName)} series={series} />}
      >
        <FigureTable
          label={t('utilisation.label')}
          headers={[
            t('common:doctor'),
            t('utilisation.available'),
            t('utilisation.booked'),
            t('utilisation.seen'),
            t('utilisation.bookedShare'),
            t('utilisation.seenShare'),
          ]}
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
const SUM_COLUMNS = ['received', 'refunded', 'net', 'payments', 'refunds'] as const;
const sumHeaders = () => SUM_COLUMNS.map((column) => word(`reports:revenue.col.${column}`));

export function RevenuePanel({ filters, onExport }: PanelProps) {
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.revenue', filters);
  const byDoctor = value?.byDoctor ?? [];
  // The chart's bar heights only; the table carries the exact amounts.
  const series: ChartSeries[] = [{ label: t('revenue.net'), values: byDoctor.map((d) => Number(d.net)) }];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('revenue.report')}
        onExport={(f) => onExport('revenue', f)}
        chart={<ReportChart label={t('revenue.chart')} labels={byDoctor.map((d) => d.doctorName)} series={series} />}
      >
        <FigureTable
          label={t('revenue.totals')}
          headers={['', ...sumHeaders()]}
          rows={(value?.totals ?? []).map((s) => [t('revenue.all', { currency: s.currency }), ...sumCells(s)])}
        />
        <FigureTable
          label={t('revenue.perDoctor')}
          headers={[t('common:doctor'), ...sumHeaders()]}
          rows={byDoctor.map((d) => [d.doctorName, ...sumCells(d)])}
        />
        <FigureTable
          label={t('revenue.perMethod')}
          headers={[t('revenue.method'), ...sumHeaders()]}
          rows={(value?.byMethod ?? []).map((m) => [m.method ? methodName(m.method) : t('revenue.notRecorded'), ...sumCells(m)])}
        />
        <FigureTable
          label={t('revenue.perUser')}
          headers={[t('revenue.receivedBy'), ...sumHeaders()]}
          rows={(value?.byUser ?? []).map((u) => [u.userName ?? t('revenue.notRecorded'), ...sumCells(u)])}
        />
      </ReportLayout>
    </Loading>
  );
}

export function DuesPanel({ filters, onExport }: PanelProps) {
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.dues', filters);
  const currency = value?.currency ?? 'INR';
  const series: ChartSeries[] = value
    ? [
        { label: t('dues.col.dues'), values: value.dues.map((d) => Number(d.amount)) },
        { label: t('dues.col.advances'), values: value.advances.map((d) => Number(d.amount)) },
      ]
    : [];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('dues.report')}
        onExport={(f) => onExport('dues', f)}
        chart={<ReportChart label={t('dues.label')} labels={value?.dues.map((d) => t(`dues.age.${AGE_KEYS[d.bucket]}`)) ?? []} series={series} />}
      >
        {value && <p>{t('dues.asOf', { date: value.asOf })}</p>}
        <FigureTable
          label={t('dues.label')}
          headers={[t('dues.col.age'), t('dues.col.dues'), t('dues.col.owing'), t('dues.col.advances'), t('dues.col.withAdvance')]}
          rows={(value?.dues ?? []).map((d, i) => [
            t(`dues.age.${AGE_KEYS[d.bucket]}`),
            money(d.amount, currency),
            d.appointments,
            money(value!.advances[i]!.amount, currency),
            value!.advances[i]!.appointments,
          ])}
        />
        <FigureTable
          label={t('dues.perDoctor')}
          headers={[t('common:doctor'), t('dues.col.dues'), t('dues.col.advances')]}
          rows={(value?.byDoctor ?? []).map((d) => [d.doctorName, money(d.dues, currency), money(d.advances, currency)])}
        />
      </ReportLayout>
    </Loading>
  );
}

export function PatientMixPanel({ filters, period, onExport }: PanelProps) {
  const { t } = useT('reports');
  const { value, problem } = useReport('reports.patientMix', { filters, period });
  const rows = value?.rows ?? [];
  const series: ChartSeries[] = [
    { label: t('mix.new'), values: rows.map((r) => r.newPatients) },
    { label: t('mix.returning'), values: rows.map((r) => r.returningPatients) },
  ];
  return (
    <Loading problem={problem}>
      <ReportLayout
        title={t('mix.report')}
        onExport={(f) => onExport('patientMix', f)}
        chart={<ReportChart label={t('mix.label')} labels={rows.map((r) => r.start)} series={series} stacked />}
      >
        <FigureTable
          label={t('mix.label')}
          headers={[t('mix.periodStarting'), t('mix.new'), t('mix.returning')]}
          rows={rows.map((r) => [r.start, r.newPatients, r.returningPatients])}
        />
      </ReportLayout>
    </Loading>
  );
}
