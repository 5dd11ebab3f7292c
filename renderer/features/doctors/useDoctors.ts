import { useCallback, useEffect, useRef, useState } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';

/** The doctors matching the filter, and the specializations to choose from; refetched after a resync. */
export function useDoctors(filter: { specialization: string; includeInactive: boolean }) {
  const [doctors, setDoctors] = useState<DoctorDto[]>();
  const [specializations, setSpecializations] = useState<string[]>([]);
  const [problem, setProblem] = useState<string>();

  const latest = useRef(0);

  const reload = useCallback(async () => {
    // A filter change or a quick second action asks again: only the newest answer is shown.
    const asked = ++latest.current;
    const [list, names] = await Promise.all([
      clinic.doctors.list({ includeInactive: filter.includeInactive, ...(filter.specialization ? { specialization: filter.specialization } : {}) }),
      clinic.doctors.specializations({}),
    ]);
    if (asked !== latest.current) return;
    if (list.ok) setDoctors(list.value);
    if (names.ok) setSpecializations(names.value);
    const failed = !list.ok ? list.error : !names.ok ? names.error : undefined;
    setProblem(failed?.message);
  }, [filter.specialization, filter.includeInactive]);

  useEffect(() => {
    void reload();
    return clinic.on('resync', () => void reload());
  }, [reload]);

  return { doctors, specializations, problem, reload };
}
