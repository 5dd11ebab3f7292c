import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { clinic } from '../../api/clinic';

const DEBOUNCE_MS = 150;

/**
 * Search as you type: waits for a short pause, and drops replies that arrive after a newer
 * query was sent, so the list never flickers back to an older answer.
 */
export function usePatientSearch(query: string, limit = 50) {
  const [results, setResults] = useState<PatientSummary[]>([]);
  const [problem, setProblem] = useState<string>();
  const [searching, setSearching] = useState(false);
  const [resultsFor, setResultsFor] = useState('');

  useEffect(() => {
    const q = query.trim();
    if (!q) {
      setResults([]);
      setResultsFor('');
      setProblem(undefined);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      setSearching(true);
      void clinic.patients.search({ query: q, limit }).then((r) => {
        if (!current) return;
        setSearching(false);
        if (r.ok) {
          setResults(r.value);
          setResultsFor(q);
          setProblem(undefined);
        } else {
          setProblem(r.error.message);
        }
      });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, limit]);

  /** Results answer what is typed now (not a query a few keystrokes old): safe to act on Enter. */
  const current = resultsFor === query.trim();
  return { results, problem, searching, current };
}
