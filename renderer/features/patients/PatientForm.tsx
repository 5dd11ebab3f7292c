import { useState } from 'react';
import { GENDERS, type PatientDetail, type PatientSummary } from '../../../preload/contract';
import { useClinicData } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { currentLocale } from '../../lib/locale';
import { useSession } from '../../stores/session';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { FormActions } from '../../ui/form/FormActions';
import { patientLine } from './patient-line';

// A country named in the desk's language ("IN" → "India", "भारत"), one namer per locale.
const regionNamers = new Map<string, Intl.DisplayNames>();
function regionName(country: string): string {
  const locale = currentLocale();
  let namer = regionNamers.get(locale);
  if (!namer) regionNamers.set(locale, (namer = new Intl.DisplayNames([locale], { type: 'region' })));
  return namer.of(country) ?? country;
}

/**
 * Registers a patient or edits one. On registration main may answer with possible duplicates
 * (the same phone, or a similar name born the same day): the desk picks one of them
 * or says it is a different person, and only then is a new record made.
 */
export function PatientForm({
  patient,
  initialName = '',
  onSaved,
  onCancel,
}: {
  patient?: PatientDetail;
  initialName?: string;
  onSaved(patient: PatientSummary): void;
  onCancel(): void;
}) {
  const { t } = useT('patients');
  const role = useSession((s) => s.session?.role);
  const seesHistory = role === 'DOCTOR' || role === 'ADMIN';
  // Main reads a number typed without its country code as one of the clinic's country.
  const country = useClinicData().settings?.effectivePhoneCountry;
  const phoneHint = country ? t('form.phoneHintIn', { country: regionName(country) }) : t('form.phoneHint');
  // The form's fields are its default values: a refusal about any other (an id) shows for the whole form.
  const form = useContractForm('patients.create', {
    name: patient?.name ?? initialName,
    phone: patient?.phone ?? null,
    email: patient?.email ?? null,
    dateOfBirth: patient?.dateOfBirth ?? null,
    gender: patient?.gender ?? null,
    address: patient?.address ?? null,
    ...(seesHistory ? { medicalHistory: patient?.medicalHistory ?? null } : {}),
  });
  const busy = form.formState.isSubmitting;
  const create = useClinicMutation('patients.create');
  const update = useClinicMutation('patients.update');
  const [duplicates, setDuplicates] = useState<PatientSummary[]>();

  const save = (confirmNotDuplicate: boolean) =>
    form.handleSubmit(async ({ confirmNotDuplicate: _typed, ...fields }) => {
      if (patient) {
        const r = await update.call({ id: patient.id, ...fields });
        return r.ok ? onSaved(r.value) : applyRefusal(form, r.error);
      }
      const r = await create.call({ ...fields, confirmNotDuplicate });
      if (!r.ok) applyRefusal(form, r.error);
      else if (r.value.status === 'created') onSaved(r.value.patient);
      else setDuplicates(r.value.candidates);
    });

  return (
    <form className="ui-form" onSubmit={save(false)} aria-label={patient ? t('profile.editTitle', { name: patient.name }) : t('form.new')} noValidate>
      <FormProblem form={form} />
      <FormField form={form} name="name" label={t('field.name')} required autoFocus />
      <div className="ui-row">
        <FormField form={form} name="phone" emptyIsNull label={t('field.phone')} type="tel" hint={phoneHint} />
        <FormField form={form} name="dateOfBirth" emptyIsNull label={t('field.dateOfBirth')} type="date" />
        <FormSelectField form={form} name="gender" emptyIsNull label={t('field.gender')}>
          <option value="">{t('form.notGiven')}</option>
          {GENDERS.map((g) => (
            <option key={g} value={g}>
              {t(`common:sex.${g}`)}
            </option>
          ))}
        </FormSelectField>
      </div>
      <FormField form={form} name="email" emptyIsNull label={t('field.email')} type="email" />
      <FormTextAreaField form={form} name="address" emptyIsNull label={t('field.address')} />
      {seesHistory && <FormTextAreaField form={form} name="medicalHistory" emptyIsNull label={t('field.medicalHistory')} rows={5} />}
      {duplicates && (
        <section className="ui-banner" data-tone="warning" aria-labelledby="duplicates-title" role="alert">
          <strong id="duplicates-title">{t('form.duplicates')}</strong>
          <ul className="duplicate-list">
            {duplicates.map((d) => (
              <li key={d.id}>
                <span>
                  {d.name} · {patientLine(d)}
                </span>
                <Button onClick={() => onSaved(d)}>{t('form.use', { name: d.name })}</Button>
              </li>
            ))}
          </ul>
          <Button onClick={() => void save(true)()} disabled={busy}>
            {t('form.different')}
          </Button>
        </section>
      )}
      <FormActions busy={busy} submit={patient ? t('form.save') : t('form.register')} onCancel={onCancel} />
    </form>
  );
}
