import { useDeferredValue, useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { fromMinutes, toMinutes } from '../../lib/dates';
import { AXIS_PX, MIN_COLUMN_PX, PX_PER_MINUTE, SNAP_MINUTES, dragResult, height, minuteAt, top } from './geometry';
import { spanOf, type Drag, type GridColumn, type Span } from './grid';
import { ScheduleColumn, type ColumnActions } from './ScheduleColumn';
import { useColumnsInView } from './useColumnsInView';

const NONE: AppointmentDto[] = [];

const minuteIn = (el: Element, clientY: number, day: Span) => minuteAt(clientY - el.getBoundingClientRect().top, day.start, day.end);

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
}: {
  columns: GridColumn[];
  day: Span;
  /** The clinic's date and minute now, for the now-line in today's column. */
  now: { date: string; minute: number };
  onSelect(column: GridColumn, span: Span | { start: number; end?: undefined }): void;
  onOpen(appointment: AppointmentDto): void;
  onMove(appointment: AppointmentDto, column: GridColumn, span: Span): void;
}) {
  const [drag, setDrag] = useState<Drag>();
  const suppressClick = useRef(false);
  const scroller = useRef<HTMLDivElement>(null);
  const firstColumn = columns[0]?.key;
  // A new day's appointments go first into the columns on screen; the rest follow in a
  // background render that a click or a key press can interrupt, so what the desk looks at is
  // drawn without waiting for 30 doctors it cannot see.
  const settled = useDeferredValue(columns);
  // A refetch of the same day leaves off-screen columns showing what they had until the
  // background render replaces it, so nothing there is unmounted (nor loses focus) meanwhile.
  const shownBefore = useMemo(() => new Map(settled.map((c) => [c.key, c.appointments])), [settled]);
  const inView = useColumnsInView(scroller, columns.length);

  // Open on the part of the day that matters: an hour before now, or the start of the working day.
  useEffect(() => {
    const nowMinute = columns.some((c) => c.date === now.date) ? now.minute : undefined;
    const focus = nowMinute ?? Math.min(...columns.flatMap((c) => c.windows.map((w) => toMinutes(w.startTime))), 9 * 60);
    scroller.current?.scrollTo?.({ top: Math.max(0, top(focus - 60, day.start)) });
    // Only when the day or the view changes, not on every minute's tick or refetch.
  }, [firstColumn, day.start]);
  const hours = [];
  for (let m = day.start; m < day.end; m += 60) hours.push(m);

  const columnAt = (x: number, y: number) => {
    const key = document
      .elementsFromPoint(x, y)
      .map((el) => (el as HTMLElement).dataset?.column)
      .find(Boolean);
    return columns.find((c) => c.key === key);
  };

  // The columns' handlers stay the same object across renders and read the latest props here.
  const latest = useRef({ day, onOpen });
  latest.current = { day, onOpen };
  const actions: ColumnActions = useMemo(
    () => ({
      select(e, column) {
        if (e.button !== 0 || (e.target as HTMLElement).closest('.appt')) return;
        e.currentTarget.setPointerCapture?.(e.pointerId);
        const m = minuteIn(e.currentTarget, e.clientY, latest.current.day);
        setDrag({ kind: 'select', column, from: m, to: m });
      },
      drag(e, kind, appointment, column) {
        if (e.button !== 0 || appointment.status !== 'SCHEDULED') return;
        e.stopPropagation();
        e.currentTarget.setPointerCapture?.(e.pointerId);
        suppressClick.current = false;
        setDrag({ kind, appointment, origin: column, column, startY: e.clientY, span: spanOf(appointment), moved: false });
      },
      open(appointment) {
        if (suppressClick.current) suppressClick.current = false;
        else latest.current.onOpen(appointment);
      },
    }),
    [],
  );

  function onPointerMove(e: ReactPointerEvent) {
    if (!drag) return;
    if (drag.kind === 'select') {
      const body = document.querySelector(`[data-column="${drag.column.key}"]`);
      const to = body ? minuteIn(body, e.clientY, day) : drag.to;
      if (to !== drag.to) setDrag({ ...drag, to });
      return;
    }
    const delta = (e.clientY - drag.startY) / PX_PER_MINUTE;
    const column = drag.kind === 'move' ? (columnAt(e.clientX, e.clientY) ?? drag.column) : drag.origin;
    const original = spanOf(drag.appointment);
    const span = dragResult(drag.kind, original.start, original.end, delta, day);
    const moved = drag.moved || Math.abs(delta) >= SNAP_MINUTES || column.key !== drag.origin.key;
    // Only a change of snapped place re-renders the grid, not every pixel of the pointer.
    if (column.key !== drag.column.key || span.start !== drag.span.start || span.end !== drag.span.end || moved !== drag.moved) setDrag({ ...drag, column, span, moved });
  }

  function onPointerUp() {
    if (!drag) return;
    setDrag(undefined);
    if (drag.kind === 'select') {
      const [start, end] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      onSelect(drag.column, end - start >= SNAP_MINUTES ? { start, end } : { start });
      return;
    }
    if (!drag.moved) return;
    suppressClick.current = true;
    const original = spanOf(drag.appointment);
    if (drag.column.key !== drag.origin.key || drag.span.start !== original.start || drag.span.end !== original.end) onMove(drag.appointment, drag.column, drag.span);
  }

  return (
    <div ref={scroller} className="schedule-scroll" onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(undefined)}>
      <div className="schedule-grid" style={{ gridTemplateColumns: `${AXIS_PX}px repeat(${columns.length}, minmax(${MIN_COLUMN_PX}px, 1fr))` }}>
        <div className="schedule-corner" />
        {columns.map((c) => (
          <div key={c.key} className="schedule-head">
            {c.label}
          </div>
        ))}
        <div className="schedule-axis" style={{ height: height(day.start, day.end) }} aria-hidden="true">
          {hours.map((m) => (
            <span key={m} style={{ top: top(m, day.start) }}>
              {fromMinutes(m)}
            </span>
          ))}
        </div>
        {columns.map((c, i) => (
          <ScheduleColumn
            key={c.key}
            column={c}
            appointments={settled === columns || inView(i) ? c.appointments : (shownBefore.get(c.key) ?? NONE)}
            day={day}
            nowMinute={c.date === now.date ? now.minute : undefined}
            drag={touches(drag, c) ? drag : undefined}
            actions={actions}
          />
        ))}
      </div>
    </div>
  );
}
