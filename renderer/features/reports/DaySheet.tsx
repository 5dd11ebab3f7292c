import { Suspense, useState } from 'react';
import type { DaySheetDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useFetchFresh } from '../../api/query';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { printDocument } from '../print/print';
import { useT } from '../../i18n/use-t';

/** Prints a day's sheet in one click (the Reports screen, Today, the schedule). ADMIN and DOCTOR only, as main enforces. */
export function PrintDaySheetButton(props: DaySheetOf) {
  const role = useSession((s) => s.session?.role);
  if (role !== 'ADMIN' && role !== 'DOCTOR') return null;
  // Its words come with the reports' (fetched on first use): the button alone waits for them, not Today or the schedule.
  return (
    <Suspense fallback={null}>
      <PrintButton {...props} />
    </Suspense>
  );
}

interface DaySheetOf {
  date: string;
  doctorId?: number;
  appointmentTypeIds?: number[];
}

function PrintButton({ date, doctorId, appointmentTypeIds }: DaySheetOf) {
  const { t } = useT('reports');
  const [problem, setProblem] = useState<string>();
  const fetchFresh = useFetchFresh();
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
      <Button onClick={() => void print()}>{t('daySheet.print')}</Button>
      {problem && (
        <span role="alert" className="ui-field-error">
          {problem}
        </span>
      )}
    </>
  );
}
