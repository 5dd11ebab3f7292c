import { memo, useLayoutEffect, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { fromMinutes, timeRange } from '../../lib/dates';
import { ClosedDay } from './ClosedDay';
import { ROW_PX, height, top, type DayFrame } from './geometry';
import { blockKeys, type BlockKeys } from './block-keys';
import { bandsOf, lanesOf, spanOf, type Drag, type GridColumn, type Lane } from './grid';
import { statusWordsIn } from './status-words';

/** What a column asks of the grid; the same object on every render, so columns can skip re-rendering. */
export interface ColumnActions {
  select(e: ReactPointerEvent<HTMLElement>, column: GridColumn): void;
  drag(e: ReactPointerEvent<HTMLElement>, kind: 'move' | 'resize', appointment: AppointmentDto, column: GridColumn): void;
  open(appointment: AppointmentDto): void;
}

/** An appointment's share of its column's width when others at the same time sit beside it. */
const across = (place: Lane | undefined) =>
  place && place.lanes > 1 ? { left: `calc(${(place.lane / place.lanes) * 100}% + 2px)`, width: `calc(${100 / place.lanes}% - 4px)`, right: 'auto' } : {};

const statusClass = (a: AppointmentDto) => (a.status === 'SCHEDULED' && a.checkedInAt ? 'CHECKED_IN' : a.status);

/**
 * One doctor's or one day's column: working hours, the now-line, the appointments and the
 * drag's ghost. Memoised: a drag, the minute's tick or a sideways scroll re-renders only the
 * columns they touch.
 */
export const ScheduleColumn = memo(function ScheduleColumn({
  column: c,
  appointments,
  day,
  nowMinute,
  drag,
  actions,
}: {
  column: GridColumn;
  /** The column's appointments, or none yet while it waits for its turn off screen. */
  appointments: AppointmentDto[];
  day: DayFrame;
  /** Only in today's column. */
  nowMinute: number | undefined;
  /** Only in the columns the drag starts in or is over. */
  drag: Drag | undefined;
  actions: ColumnActions;
}) {
  const { t, language } = useT('schedule');
  const lanes = lanesOf(appointments);
  const section = useRef<HTMLElement>(null);
  const drawn = useRef<BlockKeys>(undefined);
  const keys = blockKeys(
    drawn.current,
    c.key,
    appointments.map((a) => a.id),
  );
  useLayoutEffect(() => {
    // A block that had focus now shows another column's appointment: focus leaves it, as it
    // leaves a block taken down, rather than stay on an appointment the desk never chose.
    const focused = document.activeElement;
    if (drawn.current?.column !== keys.column && focused instanceof HTMLElement && section.current?.contains(focused)) focused.blur();
    drawn.current = keys;
  });
  // A block's name joins its facts; the words are looked up once per column, as interpolating
  // each of a full day's blocks through i18next would slow the grid's drawing.
  const checkedIn = `, ${t('checkedIn')}`;
  const statusWords = statusWordsIn(language);
  return (
    <section
      ref={section}
      className="schedule-column"
      data-column={c.key}
      aria-label={c.label}
      style={{ height: height(day.start, day.end, day), backgroundSize: `100% ${ROW_PX}px` }}
      onPointerDown={(e) => actions.select(e, c)}
    >
      {bandsOf(c.windows).map((b) => (
        <div
          key={b.key}
          className="window"
          data-kind={b.kind}
          title={b.note ?? undefined}
          style={{ top: top(b.start, day), height: height(b.start, b.end, day) }}
        />
      ))}
      {c.closed && <ClosedDay holiday={c.closed} />}
      {nowMinute !== undefined && nowMinute >= day.start && nowMinute <= day.end && (
        <div className="now-line" style={{ top: top(nowMinute, day) }} aria-hidden="true" />
      )}
      {appointments.map((a) => {
        const s = spanOf(a);
        const range = timeRange(a);
        const dragging = drag && drag.kind !== 'select' && drag.appointment.id === a.id;
        return (
          <button
            key={keys.byId.get(a.id)}
            type="button"
            className="appt"
            data-status={statusClass(a)}
            data-dragging={dragging || undefined}
            // The status colours the block; the appointment type's own colour marks its edge.
            style={{
              top: top(s.start, day),
              height: Math.max(height(s.start, s.end, day), 18),
              ...across(lanes.get(a.id)),
              ...(a.colour ? { borderLeft: `4px solid ${a.colour}` } : {}),
            }}
            aria-label={`${range} ${a.patientName}, ${statusWords[a.status]}${a.checkedInAt ? checkedIn : ''}`}
            onPointerDown={(e) => actions.drag(e, 'move', a, c)}
            onClick={() => actions.open(a)}
          >
            <span className="appt-time">{range}</span> {a.patientName}
            {a.status === 'SCHEDULED' && <span className="appt-resize" aria-hidden="true" onPointerDown={(e) => actions.drag(e, 'resize', a, c)} />}
          </button>
        );
      })}
      {drag?.kind === 'select' && drag.column.key === c.key && (
        <div
          className="ghost"
          style={{ top: top(Math.min(drag.from, drag.to), day), height: Math.max(height(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to), day), 4) }}
          aria-hidden="true"
        />
      )}
      {drag && drag.kind !== 'select' && drag.moved && drag.column.key === c.key && (
        <div className="ghost" style={{ top: top(drag.span.start, day), height: height(drag.span.start, drag.span.end, day) }} aria-hidden="true">
          {fromMinutes(drag.span.start)}–{fromMinutes(drag.span.end)}
        </div>
      )}
    </section>
  );
});
