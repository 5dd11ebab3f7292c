import type { Role } from '../../../preload/contract';
import { useClinicQuery } from '../../api/query';

/** A failed nightly backup sends no event: asked again this often. */
const RECHECK_MS = 5 * 60_000;

/**
 * For an ADMIN, main's warning while the latest backup failed — on every screen, until a
 * backup succeeds: on a single-PC clinic it is the only copy of their data. The same cached
 * status as the backup panel, so a backup run there clears the warning at once.
 */
export function useBackupWarning(role: Role | undefined): string | undefined {
  const status = useClinicQuery('backup.status', {}, { enabled: role === 'ADMIN', refetchInterval: RECHECK_MS });
  return role === 'ADMIN' ? (status.data?.warning ?? undefined) : undefined;
}
