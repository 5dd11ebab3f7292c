import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type KeyboardEvent } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { patientLine } from './patient-line';

const ROW_HEIGHT = 52;

/**
 * Search results as a listbox: arrow keys move, Enter opens. Only the rows in view are in the
 * page, so thousands of results scroll as smoothly as ten.
 */
export function PatientList({
  patients,
  activeIndex,
  onActiveIndex,
  onOpen,
}: {
  patients: PatientSummary[];
  activeIndex: number;
  onActiveIndex(index: number): void;
  onOpen(patient: PatientSummary): void;
}) {
  const { t } = useT('patients');
  const scroller = useRef<HTMLDivElement>(null);
  // initialRect: rows show on the first paint, before the list has been measured.
  const virtual = useVirtualizer({
    count: patients.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    initialRect: { width: 380, height: 600 },
  });

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = Math.min(patients.length - 1, Math.max(0, activeIndex + (e.key === 'ArrowDown' ? 1 : -1)));
      onActiveIndex(next);
      virtual.scrollToIndex(next);
    } else if (e.key === 'Enter' && patients[activeIndex]) {
      onOpen(patients[activeIndex]);
    }
  }

  const active = patients[activeIndex];
  return (
    <div
      ref={scroller}
      className="patient-list"
      role="listbox"
      aria-label={t('search.results')}
      tabIndex={0}
      aria-activedescendant={active ? `patient-${active.id}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
        {virtual.getVirtualItems().map((row) => {
          const p = patients[row.index]!;
          return (
            <div
              key={p.id}
              id={`patient-${p.id}`}
              role="option"
              aria-selected={row.index === activeIndex}
              className="patient-row"
              style={{ position: 'absolute', top: row.start, height: ROW_HEIGHT, left: 0, right: 0 }}
              onClick={() => {
                onActiveIndex(row.index);
                onOpen(p);
              }}
            >
              <strong>{p.name}</strong>
              <span className="ui-hint">{patientLine(p)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
