import { useEffect, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { fromMinutes, timeRange, toMinutes } from '../../lib/dates';
import { STATUS_NAMES } from '../appointments/AppointmentDialog';
import { PX_PER_MINUTE, SNAP_MINUTES, dragResult, height, minuteAt, top } from './geometry';

export interface GridColumn {
  key: string;
  label: string;
  doctorId: number;
  date: string;
  appointments: AppointmentDto[];
  windows: AvailabilityWindow[];
}

export interface Span {
  start: number;
  end: number;
}

type Drag =
  | { kind: 'select'; column: GridColumn; from: number; to: number }
  | { kind: 'move' | 'resize'; appointment: AppointmentDto; origin: GridColumn; column: GridColumn; startY: number; span: Span; moved: boolean };

const statusClass = (a: AppointmentDto) => (a.status === 'SCHEDULED' && a.checkedInAt ? 'CHECKED_IN' : a.status);
const spanOf = (a: { startTime: string; endTime: string }): Span => ({ start: toMinutes(a.startTime), end: toMinutes(a.endTime) || 24 * 60 });

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
  const minuteIn = (el: Element, clientY: number) => minuteAt(clientY - el.getBoundingClientRect().top, day.start, day.end);

  function startSelect(e: ReactPointerEvent<HTMLElement>, column: GridColumn) {
    if (e.button !== 0 || (e.target as HTMLElement).closest('.appt')) return;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    const m = minuteIn(e.currentTarget, e.clientY);
    setDrag({ kind: 'select', column, from: m, to: m });
  }

  function startDrag(e: ReactPointerEvent<HTMLElement>, kind: 'move' | 'resize', appointment: AppointmentDto, column: GridColumn) {
    if (e.button !== 0 || appointment.status !== 'SCHEDULED') return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture?.(e.pointerId);
    suppressClick.current = false;
    setDrag({ kind, appointment, origin: column, column, startY: e.clientY, span: spanOf(appointment), moved: false });
  }

  function onPointerMove(e: ReactPointerEvent) {
    if (!drag) return;
    if (drag.kind === 'select') {
      const body = document.querySelector(`[data-column="${drag.column.key}"]`);
      const to = body ? minuteIn(body, e.clientY) : drag.to;
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
      <div className="schedule-grid" style={{ gridTemplateColumns: `56px repeat(${columns.length}, minmax(150px, 1fr))` }}>
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
        {columns.map((c) => (
          <section
            key={c.key}
            className="schedule-column"
            data-column={c.key}
            aria-label={c.label}
            style={{ height: height(day.start, day.end), backgroundSize: `100% ${15 * PX_PER_MINUTE}px` }}
            onPointerDown={(e) => startSelect(e, c)}
          >
            {c.windows.map((w) => {
              const s = spanOf(w);
              return <div key={w.id} className="window" data-kind={w.kind} title={w.note ?? undefined} style={{ top: top(s.start, day.start), height: height(s.start, s.end) }} />;
            })}
            {c.date === now.date && now.minute >= day.start && now.minute <= day.end && <div className="now-line" style={{ top: top(now.minute, day.start) }} aria-hidden="true" />}
            {c.appointments.map((a) => {
              const s = spanOf(a);
              const dragging = drag && drag.kind !== 'select' && drag.appointment.id === a.id;
              return (
                <button
                  key={a.id}
                  type="button"
                  className="appt"
                  data-status={statusClass(a)}
                  data-dragging={dragging || undefined}
                  style={{ top: top(s.start, day.start), height: Math.max(height(s.start, s.end), 18) }}
                  aria-label={`${timeRange(a)} ${a.patientName}, ${STATUS_NAMES[a.status]}${a.checkedInAt ? ', checked in' : ''}`}
                  onPointerDown={(e) => startDrag(e, 'move', a, c)}
                  onClick={() => {
                    if (suppressClick.current) suppressClick.current = false;
                    else onOpen(a);
                  }}
                >
                  <span className="appt-time">{timeRange(a)}</span> {a.patientName}
                  {a.status === 'SCHEDULED' && <span className="appt-resize" aria-hidden="true" onPointerDown={(e) => startDrag(e, 'resize', a, c)} />}
                </button>
              );
            })}
            {drag?.kind === 'select' && drag.column.key === c.key && (
              <div className="ghost" style={{ top: top(Math.min(drag.from, drag.to), day.start), height: Math.max(height(Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)), 4) }} aria-hidden="true" />
            )}
            {drag && drag.kind !== 'select' && drag.moved && drag.column.key === c.key && (
              <div className="ghost" style={{ top: top(drag.span.start, day.start), height: height(drag.span.start, drag.span.end) }} aria-hidden="true">
                {fromMinutes(drag.span.start)}–{fromMinutes(drag.span.end)}
              </div>
            )}
          </section>
        ))}
      </div>
    </div>
  );
}
