import { useState } from 'react';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime, longDay, shiftDate, todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table } from '../../ui/Table';
import { ReconciliationReport } from './ReconciliationReport';

/**
 * The daily reconciliation's stored runs (ADMIN): each day, when it ran and how many differences
 * it found; opening one shows them. "Run now" reconciles a chosen day afresh and replaces its run.
 */
export function ReconciliationRunsPanel() {
  const { t } = useT('payments');
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
    <section aria-label={t('admin.run.label')}>
      <div className="ui-actions">
        <Field label={t('admin.run.day')} type="date" value={day} onChange={(e) => setDay(e.target.value)} />
        <Button onClick={() => void run()} disabled={!/^\d{4}-\d{2}-\d{2}$/.test(day) || runNow.isPending}>
          {runNow.isPending ? t('admin.run.running') : t('admin.run.now')}
        </Button>
      </div>
      {(problem ?? problemOf(runs.error)) && <Banner tone="error">{problem ?? problemOf(runs.error)}</Banner>}
      {runs.data && (
        <Table
          label={t('admin.run.label')}
          rows={runs.data.map((r, id) => ({ ...r, id }))}
          empty={t('admin.run.none')}
          columns={[
            { header: t('admin.run.col.day'), cell: (r) => longDay(r.date) },
            { header: t('admin.run.col.ranAt'), cell: (r) => clinicDateTime(r.ranAt, timeZone) },
            { header: t('admin.run.col.differences'), cell: (r) => r.differences },
            { header: t('admin.run.col.status'), cell: (r) => t(`admin.run.status.${r.status}`) },
            {
              header: t('admin.run.col.open'),
              cell: (r) => (
                <Button aria-label={t('admin.run.openRun', { date: r.date })} onClick={() => setOpened(r.date)}>
                  {t('admin.run.open')}
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
  const { t } = useT('payments');
  const run = useClinicQuery('payments.reconciliationRun', { date });
  if (run.error) return <Banner tone="error">{problemOf(run.error)}</Banner>;
  if (!run.data) return <p className="ui-hint">{t('common:loading')}</p>;
  return <ReconciliationReport r={run.data.result} />;
}
