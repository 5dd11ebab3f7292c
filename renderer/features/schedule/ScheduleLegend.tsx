import { useT } from '../../i18n/use-t';

/** What the colours mean, and the switch that shows cancelled appointments (with how many there are). */
export function ScheduleLegend({
  showCancelled,
  cancelledCount,
  onShowCancelled,
}: {
  showCancelled: boolean;
  cancelledCount: number;
  onShowCancelled(show: boolean): void;
}) {
  const { t } = useT('schedule');
  return (
    <div className="schedule-legend" aria-label={t('legend.label')}>
      <span>
        <i data-swatch="hours" />
        {t('legend.hours')}
      </span>
      <span>
        <i data-swatch="SCHEDULED" />
        {t('legend.booked')}
      </span>
      <span>
        <i data-swatch="CHECKED_IN" />
        {t('checkedIn')}
      </span>
      <span>
        <i data-swatch="COMPLETED" />
        {t('legend.completed')}
      </span>
      <span>
        <i data-swatch="NO_SHOW" />
        {t('legend.noShow')}
      </span>
      <label className="ui-check">
        <input type="checkbox" checked={showCancelled} onChange={(e) => onShowCancelled(e.target.checked)} /> {t('legend.showCancelled', { n: cancelledCount })}
      </label>
    </div>
  );
}
