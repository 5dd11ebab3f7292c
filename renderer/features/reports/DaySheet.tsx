import { useState } from 'react';
import type { DaySheetDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useFetchFresh } from '../../api/query';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { printDocument } from '../print/print';

/** Prints a day's sheet in one click (the Reports screen, Today, the schedule). ADMIN and DOCTOR only, as main enforces. */
export function PrintDaySheetButton({ date, doctorId, appointmentTypeIds }: { date: string; doctorId?: number; appointmentTypeIds?: number[] }) {
  const role = useSession((s) => s.session?.role);
  const [problem, setProblem] = useState<string>();
  const fetchFresh = useFetchFresh();
  if (role !== 'ADMIN' && role !== 'DOCTOR') return null;
  const print = async () => {
    let sheet: DaySheetDto;
    try {
      sheet = await fetchFresh('reports.daySheet', { date, doctorId, ...(appointmentTypeIds ? { appointmentTypeIds } : {}) });
    } catch (e) {
      return setProblem(problemOf(e));
    }
    setProblem(undefined);
    // The printout's tables come with the first print: they are no part of Today's start-up JavaScript.
    const { DaySheetDocument } = await import('./DaySheetTables');
    await printDocument(<DaySheetDocument sheet={sheet} />, 'A4');
  };
  return (
    <>
      <Button onClick={() => void print()}>Print day sheet</Button>
      {problem && (
        <span role="alert" className="ui-field-error">
          {problem}
        </span>
      )}
    </>
  );
}
