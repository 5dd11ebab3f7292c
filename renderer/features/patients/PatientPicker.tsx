import { useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Combobox } from '../../ui/Combobox';
import { PatientForm } from './PatientForm';
import { patientLine } from './patient-line';
import { usePatientSearch } from './usePatientSearch';

/**
 * Choose the patient for a booking or a walk-in: search as you type (Enter takes the highlighted
 * match, the first one unless the arrows moved it), or register them on the spot with the duplicate check.
 */
export function PatientPicker({ value, onChange }: { value: PatientSummary | undefined; onChange(patient: PatientSummary | undefined): void }) {
  const { t } = useT('appointments');
  // The registration form's words come with the picker's, so "New patient…" opens it at once.
  useT('patients');
  const [query, setQuery] = useState('');
  const [registering, setRegistering] = useState(false);
  const { results, problem, searching, current } = usePatientSearch(query, 20);

  if (value) {
    return (
      <div className="picked-patient" role="group" aria-label={t('picker.patient')}>
        <span>
          <strong>{value.name}</strong> · {patientLine(value)}
        </span>
        <Button onClick={() => onChange(undefined)}>{t('picker.change')}</Button>
      </div>
    );
  }
  if (registering) {
    return (
      <fieldset className="inline-form">
        <legend>{t('picker.newPatient')}</legend>
        <PatientForm initialName={query} onSaved={onChange} onCancel={() => setRegistering(false)} />
      </fieldset>
    );
  }
  return (
    <div className="patient-picker">
      <Combobox<PatientSummary>
        label={t('picker.patient')}
        showLabel
        listLabel={t('picker.matching')}
        hint={t('picker.hint')}
        query={query}
        onQueryChange={setQuery}
        // Until the results are for what is typed now, Enter must not take an older answer's first row.
        items={current ? results : []}
        keyOf={(p) => String(p.id)}
        onPick={onChange}
        autoFocus
        render={(p) => (
          <span>
            <strong>{p.name}</strong>
            <span className="ui-hint"> {patientLine(p)}</span>
          </span>
        )}
      />
      {problem && <Banner tone="error">{problem}</Banner>}
      {query.trim() && (
        <p className="ui-hint" aria-live="polite">
          {searching ? t('picker.searching') : t('picker.found', { count: results.length })}
        </p>
      )}
      <Button onClick={() => setRegistering(true)}>{t('picker.register')}</Button>
    </div>
  );
}
