import { useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { byteSize } from './byte-size';

/** Database health for ADMINs: sizes and row counts, dead rows, index use, the last backup. */
export function HealthPanel() {
  // Sizes and counts change without events: asked when shown, and on Refresh.
  const health = useClinicQuery('health.get', {});
  const report = health.data;
  const error = health.error;

  const tables = (report?.tables ?? []).map((t, i) => ({ ...t, id: i }));
  const indexes = (report?.indexes ?? []).map((x, i) => ({ ...x, id: i }));
  const backup = report?.lastSuccessfulBackup;
  return (
    <section aria-labelledby="health-heading">
      <h2 id="health-heading">Database health</h2>
      {error && <Banner tone="error">{error.message}</Banner>}
      {report?.lastBackup?.ok === false && <Banner tone="warning">The latest backup failed: {report.lastBackup.message}</Banner>}
      {report && (
        <>
          <p>
            {report.databaseMode === 'server' ? 'Clinic server' : 'Embedded database'}, {byteSize(report.databaseBytes)}. Last good backup:{' '}
            {backup ? `${new Date(backup.finishedAt!).toLocaleString()} (${backup.file})` : 'none'}.
          </p>
          <Table
            label="Tables"
            empty="No tables"
            rows={tables}
            columns={[
              { header: 'Table', cell: (t) => t.name },
              { header: 'Rows', cell: (t) => t.rows },
              { header: 'Dead rows', cell: (t) => t.deadRows },
              { header: 'Size', cell: (t) => byteSize(t.totalBytes) },
              { header: 'Last vacuum', cell: (t) => (t.lastVacuum ? new Date(t.lastVacuum).toLocaleString() : 'never') },
            ]}
          />
          <Table
            label="Indexes"
            empty="No indexes"
            rows={indexes}
            columns={[
              { header: 'Index', cell: (x) => x.name },
              { header: 'Table', cell: (x) => x.table },
              { header: 'Scans', cell: (x) => x.scans },
              { header: 'Size', cell: (x) => byteSize(x.bytes) },
            ]}
          />
        </>
      )}
      <Button onClick={() => void health.refetch()}>Refresh</Button>
    </section>
  );
}
