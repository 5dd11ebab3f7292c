import type { Res } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';

type Patient = Res<'patients.get'>['patient'];

/** A patient's demographics, and their medical history when the role may see it (main leaves it out otherwise). */
export function PatientFacts({ patient }: { patient: Patient }) {
  const { t } = useT('patients');
  return (
    <>
      <dl className="facts">
        <dt>{t('field.number')}</dt>
        <dd>{patient.id}</dd>
        <dt>{t('field.dateOfBirth')}</dt>
        <dd>{patient.dateOfBirth ?? '—'}</dd>
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
