import { useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { SNAP_MINUTES, dragResult, minuteAt, type DayFrame } from './geometry';
import { spanOf, type Drag, type GridColumn, type Span } from './grid';
import type { ColumnActions } from './ScheduleColumn';

const minuteIn = (el: Element, clientY: number, day: DayFrame) => minuteAt(clientY - el.getBoundingClientRect().top, day);

export interface DragCallbacks {
  onSelect(column: GridColumn, span: Span | { start: number; end?: undefined }): void;
  onOpen(appointment: AppointmentDto): void;
  onMove(appointment: AppointmentDto, column: GridColumn, span: Span): void;
}

/**
 * The grid's pointer work: drag over free time to select it, drag an appointment (to another
 * column too) or its lower edge. Nothing changes until the drop hands the result to a callback.
 * The columns' actions stay the same object across renders and read the latest props, so a
 * drag re-renders only the columns it touches, and only when its snapped place changes.
 */
export function useGridDrag(columns: GridColumn[], day: DayFrame, callbacks: DragCallbacks) {
  const [drag, setDrag] = useState<Drag>();
  const suppressClick = useRef(false);

  const columnAt = (x: number, y: number) => {
    const key = document
      .elementsFromPoint(x, y)
      .map((el) => (el as HTMLElement).dataset?.column)
      .find(Boolean);
    return columns.find((c) => c.key === key);
  };

  const latest = useRef({ day, onOpen: callbacks.onOpen });
  latest.current = { day, onOpen: callbacks.onOpen };
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
    const delta = (e.clientY - drag.startY) / day.pxPerMinute;
    const column = drag.kind === 'move' ? (columnAt(e.clientX, e.clientY) ?? drag.column) : drag.origin;
    const original = spanOf(drag.appointment);
    const span = dragResult(drag.kind, original.start, original.end, delta, day);
    const moved = drag.moved || Math.abs(delta) >= SNAP_MINUTES || column.key !== drag.origin.key;
    // Only a change of snapped place re-renders the grid, not every pixel of the pointer.
    if (column.key !== drag.column.key || span.start !== drag.span.start || span.end !== drag.span.end || moved !== drag.moved)
      setDrag({ ...drag, column, span, moved });
  }

  function onPointerUp() {
    if (!drag) return;
    setDrag(undefined);
    if (drag.kind === 'select') {
      const [start, end] = [Math.min(drag.from, drag.to), Math.max(drag.from, drag.to)];
      callbacks.onSelect(drag.column, end - start >= SNAP_MINUTES ? { start, end } : { start });
      return;
    }
    if (!drag.moved) return;
    suppressClick.current = true;
    const original = spanOf(drag.appointment);
    if (drag.column.key !== drag.origin.key || drag.span.start !== original.start || drag.span.end !== original.end)
      callbacks.onMove(drag.appointment, drag.column, drag.span);
  }

  return { drag, actions, handlers: { onPointerMove, onPointerUp, onPointerCancel: () => setDrag(undefined) } };
}
