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
        <i style={{ background: '#eaf4ea' }} />
        working hours
      </span>
      <span>
        <i style={{ background: '#d7e9fb' }} />
        booked
      </span>
      <span>
        <i style={{ background: '#d4f1ee' }} />
        checked in
      </span>
      <span>
        <i style={{ background: '#dcefdc' }} />
        completed
      </span>
      <span>
        <i style={{ background: '#f1e7dc' }} />
        did not come
      </span>
      <label className="ui-check">
        <input type="checkbox" checked={showCancelled} onChange={(e) => onShowCancelled(e.target.checked)} /> Show cancelled ({cancelledCount})
      </label>
    </div>
  );
}
