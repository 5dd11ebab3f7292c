import { lazy, Suspense } from 'react';

export interface ChartSeries {
  label: string;
  values: number[];
}

// chart.js is fetched only when a report is first drawn: it stays out of the app's start-up JS.
const ChartCanvas = lazy(() => import('./ChartCanvas'));

/** A report's chart; the same figures are always in the table beside it (screen readers, print). */
export function ReportChart(props: { labels: string[]; series: ChartSeries[]; stacked?: boolean; label: string }) {
  if (props.labels.length === 0) return null;
  return (
    <Suspense fallback={<div className="report-chart-box" aria-hidden="true" />}>
      <ChartCanvas {...props} />
    </Suspense>
  );
}
