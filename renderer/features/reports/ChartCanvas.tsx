import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { ChartSeries } from './ReportChart';
import { useT } from '../../i18n/use-t';

// Only the parts the reports draw (bars), so the lazy chunk stays small.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2'];

/** A bar chart on a canvas. Loaded in its own chunk (chart.js) the first time a report is shown. */
export default function ChartCanvas({ labels, series, stacked, label }: { labels: string[]; series: ChartSeries[]; stacked?: boolean; label: string }) {
  const { t } = useT('reports');
  const canvas = useRef<HTMLCanvasElement>(null);
  // Panels pass fresh arrays on every render: redraw only when the figures themselves change.
  const figures = JSON.stringify([labels, series, stacked ?? false]);
  useEffect(() => {
    const [xLabels, bars, stack] = JSON.parse(figures) as [string[], ChartSeries[], boolean];
    const context = canvas.current?.getContext('2d');
    if (!context) return;
    const chart = new Chart(context, {
      type: 'bar',
      data: { labels: xLabels, datasets: bars.map((s, i) => ({ label: s.label, data: s.values, backgroundColor: COLOURS[i % COLOURS.length] })) },
      options: {
        // No animation: a print right after the figures change would catch a half-drawn chart.
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: stack }, y: { stacked: stack, beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [figures]);
  return (
    <div className="report-chart-box">
      <canvas ref={canvas} role="img" aria-label={t('chartOf', { label })} />
    </div>
  );
}
