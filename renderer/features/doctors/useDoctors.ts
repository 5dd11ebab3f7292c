import type { DoctorDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';

const NO_NAMES: string[] = [];

/** The doctors matching the filter, and the specializations to choose from. */
export function useDoctors(filter: { specialization: string; includeInactive: boolean }): {
  doctors: DoctorDto[] | undefined;
  specializations: string[];
  problem: string | undefined;
} {
  const list = useClinicQuery(
    'doctors.list',
    { includeInactive: filter.includeInactive, ...(filter.specialization ? { specialization: filter.specialization } : {}) },
    { keepPrevious: true },
  );
  const names = useClinicQuery('doctors.specializations', {});
  return { doctors: list.data, specializations: names.data ?? NO_NAMES, problem: problemOf(list.error ?? names.error) };
}
