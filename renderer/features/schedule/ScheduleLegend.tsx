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
  return (
    <div className="schedule-legend" aria-label="Legend">
      <span>
        <i data-swatch="hours" />
        working hours
      </span>
      <span>
        <i data-swatch="SCHEDULED" />
        booked
      </span>
      <span>
        <i data-swatch="CHECKED_IN" />
        checked in
      </span>
      <span>
        <i data-swatch="COMPLETED" />
        completed
      </span>
      <span>
        <i data-swatch="NO_SHOW" />
        did not come
      </span>
      <label className="ui-check">
        <input type="checkbox" checked={showCancelled} onChange={(e) => onShowCancelled(e.target.checked)} /> Show cancelled ({cancelledCount})
      </label>
    </div>
  );
}
