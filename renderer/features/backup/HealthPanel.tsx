import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { byteSize } from './byte-size';

/** Database health for ADMINs: sizes and row counts, dead rows, index use, the last backup. */
export function HealthPanel() {
  const timeZone = useTimeZone();
  // Sizes and counts change without events: asked when shown, and on Refresh.
  const health = useClinicQuery('health.get', {});
  // Last: it may suspend while the words arrive, and React replays only the hooks before that point.
  const { t } = useT('backup');
  const when = (iso: string) => clinicDateTime(iso, timeZone);
  const report = health.data;
  const error = health.error;

  const tables = (report?.tables ?? []).map((t, i) => ({ ...t, id: i }));
  const indexes = (report?.indexes ?? []).map((x, i) => ({ ...x, id: i }));
  const backup = report?.lastSuccessfulBackup;
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">{t('health.title')}</h2>
      {error && <Banner tone="error">{error.message}</Banner>}
      {report?.lastBackup?.ok === false && <Banner tone="warning">{t('health.latestFailed', { message: report.lastBackup.message ?? '' })}</Banner>}
      {report && (
        <>
          <p>
            {t('health.summary', {
              mode: t(report.databaseMode === 'server' ? 'health.server' : 'health.embedded'),
              size: byteSize(report.databaseBytes),
              backup: backup?.finishedAt ? t('health.lastGood', { when: when(backup.finishedAt), file: backup.file }) : t('health.none'),
            })}
          </p>
          <Table
            label={t('health.tables')}
            empty={t('health.noTables')}
            rows={tables}
            columns={[
              { header: t('health.table'), cell: (x) => x.name },
              { header: t('health.rows'), cell: (x) => x.rows },
              { header: t('health.deadRows'), cell: (x) => x.deadRows },
              { header: t('health.size'), cell: (x) => byteSize(x.totalBytes) },
              { header: t('health.lastVacuum'), cell: (x) => (x.lastVacuum ? when(x.lastVacuum) : t('health.never')) },
            ]}
          />
          <Table
            label={t('health.indexes')}
            empty={t('health.noIndexes')}
            rows={indexes}
            columns={[
              { header: t('health.index'), cell: (x) => x.name },
              { header: t('health.table'), cell: (x) => x.table },
              { header: t('health.scans'), cell: (x) => x.scans },
              { header: t('health.size'), cell: (x) => byteSize(x.bytes) },
            ]}
          />
        </>
      )}
      <Button onClick={() => void health.refetch()}>{t('health.refresh')}</Button>
    </section>
  );
}
