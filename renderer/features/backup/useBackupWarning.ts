import type { BackupStatus } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime } from '../../lib/dates';

/** A failed nightly backup sends no event: asked again this often. */
const RECHECK_MS = 5 * 60_000;

/** The warning while the latest backup failed, in the desk's words; undefined while it did not. */
export function useWarningOf(status: BackupStatus | undefined): string | undefined {
  const timeZone = useTimeZone();
  // Last: it may suspend while the words arrive (React replays only the hooks before it).
  const { t } = useT('backup');
  const last = status?.lastRun;
  if (!last || last.ok !== false) return undefined;
  const when = (at: string | null) => (at ? clinicDateTime(at, timeZone) : '');
  const good = status.lastSuccess;
  return `${t('warning.failed', { when: when(last.finishedAt), message: last.message ?? t('warning.noReason') })} ${
    good ? t('warning.lastGood', { when: when(good.finishedAt) }) : t('warning.noGood')
  }`;
}

/**
 * An ADMIN's warning while the latest backup failed — on every screen, until a backup
 * succeeds: on a single-PC clinic it is the only copy of their data. The same cached status as
 * the backup panel, so a backup run there clears the warning at once. Mounted for ADMINs only,
 * so no other desk asks for the status or loads the backup words.
 */
export function useBackupWarning(): string | undefined {
  const status = useClinicQuery('backup.status', {}, { refetchInterval: RECHECK_MS });
  return useWarningOf(status.data);
}
