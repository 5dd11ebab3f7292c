import { useEffect, useState } from 'react';
import type { Role } from '../../../preload/contract';
import { clinic } from '../../api/clinic';

const RECHECK_MS = 5 * 60_000;

/**
 * For an ADMIN, main's warning while the latest backup failed — on every screen, until a
 * backup succeeds: on a single-PC clinic it is the only copy of their data.
 */
export function useBackupWarning(role: Role | undefined, recheckKey: unknown): string | undefined {
  const [warning, setWarning] = useState<string>();
  useEffect(() => {
    if (role !== 'ADMIN') return setWarning(undefined);
    let current = true;
    const check = () => void clinic.backup.status({}).then((r) => current && r.ok && setWarning(r.value.warning ?? undefined));
    check();
    const timer = setInterval(check, RECHECK_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [role, recheckKey]);
  return warning;
}
