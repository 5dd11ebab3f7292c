import { useState } from 'react';
import type { BackupFile } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { byteSize } from './byte-size';
import { RestoreDialog } from './RestoreDialog';

type Row = BackupFile & { id: number };

/**
 * The backups in the backup folder (and the safety backups taken before restores), newest
 * first, each with "Restore…". One made with another clinic key says so and cannot be
 * restored here: main refuses it anyway, and the command-line restore takes a recovery key.
 */
export function BackupFiles() {
  const { t } = useT('backup');
  const timeZone = useTimeZone();
  const list = useClinicQuery('backup.list', {});
  const [restoring, setRestoring] = useState<BackupFile>();
  const taken = (f: BackupFile) => clinicDateTime(f.takenAt, timeZone);
  const rows: Row[] = (list.data?.files ?? []).map((f, id) => ({ ...f, id }));

  const columns: Column<Row>[] = [
    { header: t('files.taken'), cell: taken },
    {
      header: t('files.kind'),
      cell: (f) => (
        <>
          {t(`files.${f.kind}`)}
          {f.key !== 'THIS_PC' && <span className="ui-hint"> {t(`files.${f.key}`)}</span>}
        </>
      ),
    },
    { header: t('files.size'), cell: (f) => byteSize(f.bytes) },
    {
      header: t('files.actions'),
      cell: (f) =>
        f.key === 'OTHER_KEY' ? null : (
          <Button variant="danger" aria-label={t('files.restoreOf', { date: taken(f) })} onClick={() => setRestoring(f)}>
            {t('files.restore')}
          </Button>
        ),
    },
  ];

  return (
    <section aria-labelledby="restore-heading">
      <h3 id="restore-heading">{t('files.title')}</h3>
      <p>{t('files.intro')}</p>
      {list.error && <Banner tone="error">{problemOf(list.error)}</Banner>}
      {list.data &&
        (list.data.folder ? (
          <Table label={t('files.table')} empty={t('files.none', { folder: list.data.folder })} rows={rows} columns={columns} />
        ) : (
          <p className="ui-hint">{t('files.noFolder')}</p>
        ))}
      {restoring && <RestoreDialog backup={restoring} takenAt={taken(restoring)} onClose={() => setRestoring(undefined)} />}
    </section>
  );
}
