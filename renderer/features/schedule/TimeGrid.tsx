import { useDeferredValue, useEffect, useRef } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { fromMinutes, toMinutes } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { Button } from '../../ui/Button';
import { AXIS_PX, MIN_COLUMN_PX, height, top, type DayFrame } from './geometry';
import type { Drag, GridColumn } from './grid';
import { ScheduleColumn } from './ScheduleColumn';
import { useColumnsInView } from './useColumnsInView';
import { useGridDrag, type DragCallbacks } from './useGridDrag';

const NONE: AppointmentDto[] = [];

/** The columns a drag shows itself in: where it started (the faded original) and where it is. */
const touches = (drag: Drag | undefined, c: GridColumn) => !!drag && (drag.column.key === c.key || (drag.kind !== 'select' && drag.origin.key === c.key));

/**
 * The schedule's time grid: one column per doctor (day view) or per day (week view). Working
 * hours are shaded, appointments are buttons coloured by status. With the pointer: drag over
 * free time to book it, drag an appointment to move it (to another column too), drag its lower
 * edge to change its length; nothing changes until the desk confirms in the dialog that opens.
 * Keyboard users open an appointment with Enter and move it from its dialog.
 */
export function TimeGrid({
  columns,
  day,
  now,
  onSelect,
  onOpen,
  onMove,
}: DragCallbacks & {
  columns: GridColumn[];
  day: DayFrame;
  /** The clinic's date and minute now, for the now-line in today's column. */
  now: { date: string; minute: number };
}) {
  const { t } = useT('schedule');
  const { drag, actions, handlers } = useGridDrag(columns, day, { onSelect, onOpen, onMove });
  const scroller = useRef<HTMLDivElement>(null);
  const firstColumn = columns[0]?.key;
  // A new day's appointments go first into the columns on screen; the rest follow in a
  // background render that a click or a key press can interrupt, so what the desk looks at is
  // drawn without waiting for 30 doctors it cannot see. Until then each place off screen keeps
  // drawing the column it drew: React skips it, nothing there is taken down early, and the
  // background render then updates its blocks in place (block-keys.ts).
  const settled = useDeferredValue(columns);
  const inView = useColumnsInView(scroller, columns.length);

  // Open on the part of the day that matters: an hour before now, or the start of the working day.
  // Scrolled at the start of the next frame, whose layout it then shares: scrolling here, in the
  // commit, laid the new day out once for the scroll and again for the frame.
  useEffect(() => {
    const nowMinute = columns.some((c) => c.date === now.date) ? now.minute : undefined;
    const focus = nowMinute ?? Math.min(...columns.flatMap((c) => c.windows.map((w) => toMinutes(w.startTime))), 9 * 60);
    const frame = requestAnimationFrame(() => scroller.current?.scrollTo?.({ top: Math.max(0, top(focus - 60, day)) }));
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the day or the view changes, not on every minute's tick or refetch
  }, [firstColumn, day.start, day.pxPerMinute]);
  const hours = [];
  for (let m = day.start; m < day.end; m += 60) hours.push(m);

  return (
    <div ref={scroller} className="schedule-scroll" {...handlers}>
      <div className="schedule-grid" style={{ gridTemplateColumns: `${AXIS_PX}px repeat(${columns.length}, minmax(${MIN_COLUMN_PX}px, 1fr))` }}>
        <div className="schedule-corner" />
        {columns.map((c) => (
          <div key={c.key} className="schedule-head">
            {c.label}
            {c.date === now.date && (
              <Button onClick={() => openGlobal('notice', { kind: 'late', doctorId: c.doctorId, date: c.date })} aria-label={t('lateFor', { column: c.label })}>
                {t('late')}
              </Button>
            )}
          </div>
        ))}
        <div className="schedule-axis" style={{ height: height(day.start, day.end, day) }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: top(m, day) }}>
              {fromMinutes(m)}
            </span>
          ))}
        </div>
        {columns.map((c, i) => {
          const drawn = settled === columns || inView(i) ? c : settled[i];
          const column = drawn ?? c;
          return (
            // Keyed by place, not by column: the next day's column takes over this one's elements.
            <ScheduleColumn
              key={i}
              column={column}
              appointments={drawn?.appointments ?? NONE}
              day={day}
              nowMinute={column.date === now.date ? now.minute : undefined}
              drag={touches(drag, column) ? drag : undefined}
              actions={actions}
            />
          );
        })}
      </div>
    </div>
  );
}
