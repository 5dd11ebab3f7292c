import { useEffect, useRef, useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { PatientForm } from './PatientForm';
import { PatientList } from './PatientList';
import { usePatientSearch } from './usePatientSearch';

/**
 * Choose the patient for a booking or a walk-in: search as you type (Enter takes the first
 * match, Down arrow walks the list), or register them on the spot with the duplicate check.
 */
export function PatientPicker({ value, onChange }: { value: PatientSummary | undefined; onChange(patient: PatientSummary | undefined): void }) {
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const [registering, setRegistering] = useState(false);
  const { results, problem, searching, current } = usePatientSearch(query, 20);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => setActiveIndex(0), [results]);

  if (value) {
    return (
      <div className="picked-patient" role="group" aria-label="Patient">
        <span>
          <strong>{value.name}</strong> · #{value.id}
          {value.dateOfBirth ? ` · born ${value.dateOfBirth}` : ''}
          {value.phone ? ` · ${value.phone}` : ''}
        </span>
        <Button onClick={() => onChange(undefined)}>Change patient</Button>
      </div>
    );
  }
  if (registering) {
    return (
      <fieldset className="inline-form">
        <legend>New patient</legend>
        <PatientForm initialName={query} onSaved={onChange} onCancel={() => setRegistering(false)} />
      </fieldset>
    );
  }
  return (
    <div className="patient-picker" ref={list}>
      <Field
        label="Patient"
        type="search"
        value={query}
        autoFocus
        hint="Name, phone, email or patient number; Enter takes the first match"
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') list.current?.querySelector<HTMLElement>('[role="listbox"]')?.focus();
          if (e.key === 'Enter') {
            e.preventDefault();
            if (current && results[activeIndex]) onChange(results[activeIndex]);
          }
        }}
      />
      {problem && <Banner tone="error">{problem}</Banner>}
      {query.trim() && (
        <>
          <p className="ui-hint" aria-live="polite">
            {searching ? 'Searching…' : `${results.length} found`}
          </p>
          <PatientList label="Matching patients" compact patients={results} activeIndex={activeIndex} onActiveIndex={setActiveIndex} onOpen={onChange} />
        </>
      )}
      <Button onClick={() => setRegistering(true)}>New patient…</Button>
    </div>
  );
}
