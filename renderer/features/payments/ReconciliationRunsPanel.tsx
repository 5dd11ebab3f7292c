import { useState } from 'react';
import type { ReconciliationRunSummaryDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { clinicDateTime, longDay, shiftDate, todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table } from '../../ui/Table';
import { ReconciliationReport } from './ReconciliationReport';

const STATUS_NAMES: Record<ReconciliationRunSummaryDto['status'], string> = { AGREES: 'Books agree', DIFFERENCES: 'Differences to look at' };

/**
 * The daily reconciliation's stored runs (ADMIN): each day, when it ran and how many differences
 * it found; opening one shows them. "Run now" reconciles a chosen day afresh and replaces its run.
 */
export function ReconciliationRunsPanel() {
  const timeZone = useTimeZone();
  const runs = useClinicQuery('payments.reconciliationRuns', {});
  const [opened, setOpened] = useState<string>();
  const [day, setDay] = useState(() => shiftDate(todayIn(timeZone), -1));
  const runNow = useClinicMutation('payments.runReconciliation');
  const [problem, setProblem] = useState<string>();

  async function run() {
    setProblem(undefined);
    const r = await runNow.call({ date: day });
    if (!r.ok) return setProblem(r.error.message);
    setOpened(r.value.date);
  }

  return (
    <section aria-label="Reconciliation runs">
      <div className="ui-actions">
        <Field label="Day to reconcile" type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        <Button onClick={() => void run()} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(day) || runNow.isPending}>
          {runNow.isPending ? 'Running…' : 'Run now'}
        </Button>
      </div>
      {(problem ?? problemOf(runs.error)) && <Banner tone="error">{problem ?? problemOf(runs.error)}</Banner>}
      {runs.data && (
        <Table
          label="Reconciliation runs"
          rows={runs.data.map((r, id) => ({ ...r, id }))}
          empty="The daily reconciliation has not run yet: it runs once the gateway is set up, for each finished day."
          columns={[
            { header: 'Day', cell: (r) => longDay(r.date) },
            { header: 'Ran at', cell: (r) => clinicDateTime(r.ranAt, timeZone) },
            { header: 'Differences', cell: (r) => r.differences },
            { header: 'Status', cell: (r) => STATUS_NAMES[r.status] },
            {
              header: 'Open',
              cell: (r) => (
                <Button aria-label={`Open the run of ${r.date}`} onClick={() => setOpened(r.date)}>
                  Open
                </Button>
              ),
            },
          ]}
        />
      )}
      {opened && <OpenedRun date={opened} />}
    </section>
  );
}

function OpenedRun({ date }: { date: string }) {
  const run = useClinicQuery('payments.reconciliationRun', { date });
  if (run.error) return <Banner tone="error">{problemOf(run.error)}</Banner>;
  if (!run.data) return <p className="ui-hint">Loading…</p>;
  return <ReconciliationReport r={run.data.result} />;
}
