import type { PatientSummary } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useDebounced } from '../../lib/use-debounced';

const DEBOUNCE_MS = 150;
const NONE: PatientSummary[] = [];

/**
 * Search as you type: asks after a short pause, and keeps the last answer on screen while the
 * next one loads, so the list never flickers empty or back to an older answer.
 */
export function usePatientSearch(query: string, limit = 50) {
  const q = useDebounced(query.trim(), DEBOUNCE_MS);
  const search = useClinicQuery('patients.search', { query: q, limit }, { enabled: q !== '', keepPrevious: true });
  const typed = query.trim();
  const answered = typed !== '' && q === typed && search.data !== undefined && !search.isPlaceholderData;
  return {
    results: typed === '' ? NONE : (search.data ?? NONE),
    problem: typed === '' ? undefined : problemOf(search.error),
    searching: search.isFetching,
    /** Results answer what is typed now (not a query a few keystrokes old): safe to act on Enter. */
    current: answered,
  };
}
