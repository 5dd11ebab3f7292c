import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { Field } from '../../ui/Field';
import { PatientList } from './PatientList';
import { PatientProfile } from './PatientProfile';
import { usePatientSearch } from './usePatientSearch';

/** Find a patient as you type (name, phone, email or number) and open their record. */
export function PatientsScreen() {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [open, setOpen] = useState<PatientSummary>();
  const { results, problem, searching } = usePatientSearch(query);

  useEffect(() => setActiveIndex(0), [results]);

  return (
    <div className="patients-screen">
      <div className="patients-search">
        <Field
          label="Find a patient"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          hint="Name, phone, email or patient number"
          autoFocus
          onKeyDown={(e) => {
            // Down arrow moves from the search box into the results, as in any finder.
            if (e.key === 'ArrowDown') (document.querySelector('[aria-label="Patients found"]') as HTMLElement | null)?.focus();
            if (e.key === 'Enter' && results[activeIndex]) setOpen(results[activeIndex]);
          }}
        />
        {problem && <Banner tone="error">{problem}</Banner>}
        <p className="ui-hint" aria-live="polite">
          {query.trim() ? (searching ? 'Searching…' : `${results.length} found`) : ''}
        </p>
        <PatientList patients={results} activeIndex={activeIndex} onActiveIndex={setActiveIndex} onOpen={setOpen} />
      </div>
      <div className="patients-detail">{open ? <PatientProfile patientId={open.id} /> : <p className="ui-hint">Choose a patient to see their record.</p>}</div>
    </div>
  );
}
