import type { Res } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { calendarDay, yearsOld } from '../../lib/dates';

type Patient = Res<'patients.get'>['patient'];

/**
 * A patient's demographics, their age on `today` (the clinic's date), and their medical history
 * when the role may see it (main leaves it out otherwise).
 */
export function PatientFacts({ patient, today }: { patient: Patient; today: string }) {
  const { t } = useT('patients');
  const born = patient.dateOfBirth;
  return (
    <>
      <dl className="facts">
        <dt>{t('field.number')}</dt>
        <dd>{patient.id}</dd>
        <dt>{t('field.dateOfBirth')}</dt>
        <dd>{born ? `${calendarDay(born)} (${t('age', { count: yearsOld(born, today) })})` : '—'}</dd>
        <dt>{t('field.gender')}</dt>
        <dd>{patient.gender ? t(`common:sex.${patient.gender}`) : '—'}</dd>
        <dt>{t('field.phone')}</dt>
        <dd>{patient.phone ?? '—'}</dd>
        <dt>{t('field.email')}</dt>
        <dd>{patient.email ?? '—'}</dd>
        <dt>{t('field.address')}</dt>
        <dd>{patient.address ?? '—'}</dd>
      </dl>
      {'medicalHistory' in patient && (
        <>
          <h3>{t('field.medicalHistory')}</h3>
          <p>{patient.medicalHistory || t('noHistory')}</p>
        </>
      )}
    </>
  );
}
