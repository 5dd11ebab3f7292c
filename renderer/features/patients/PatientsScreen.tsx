import { useEffect, useState } from 'react';
import type { PatientSummary } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { useNavigation } from '../../stores/navigation';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { NewPatientDialog } from './NewPatientDialog';
import { PatientList } from './PatientList';
import { PatientProfile } from './PatientProfile';
import { usePatientSearch } from './usePatientSearch';

/** Find a patient as you type (name, phone, email or number) and open their record. */
export function PatientsScreen() {
  const { t } = useT('patients');
  const [query, setQuery] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  // A patient sent here from the palette, the schedule or the queue opens at once.
  const requested = useNavigation((s) => s.patientId);
  const [openId, setOpenId] = useState<number | undefined>(requested);
  const [registering, setRegistering] = useState(false);
  const setOpen = (p: PatientSummary) => setOpenId(p.id);
  useEffect(() => {
    if (requested) setOpenId(requested);
  }, [requested]);
  const { results, problem, searching, current } = usePatientSearch(query);

  useEffect(() => setActiveIndex(0), [results]);

  return (
    <div className="patients-screen">
      <div className="patients-search">
        <Field
          label={t('search.label')}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          hint={t('search.hint')}
          autoFocus
          onKeyDown={(e) => {
            // Down arrow moves from the search box into the results, as in any finder.
            if (e.key === 'ArrowDown') document.querySelector<HTMLElement>('.patients-search [role="listbox"]')?.focus();
            if (e.key === 'Enter' && current && results[activeIndex]) setOpen(results[activeIndex]);
          }}
        />
        <Button onClick={() => setRegistering(true)} aria-keyshortcuts="Alt+R">
          {t('search.newPatient')}
        </Button>
        {problem && <Banner tone="error">{problem}</Banner>}
        <p className="ui-hint" aria-live="polite">
          {query.trim() ? (searching ? t('search.searching') : t('search.found', { count: results.length })) : ''}
        </p>
        <PatientList patients={results} activeIndex={activeIndex} onActiveIndex={setActiveIndex} onOpen={setOpen} />
      </div>
      <div className="patients-detail">{openId ? <PatientProfile patientId={openId} /> : <p className="ui-hint">{t('search.choose')}</p>}</div>
      {registering && (
        <NewPatientDialog
          initialName={query}
          onRegistered={(p) => {
            setRegistering(false);
            setOpenId(p.id);
          }}
          onClose={() => setRegistering(false)}
        />
      )}
    </div>
  );
}
