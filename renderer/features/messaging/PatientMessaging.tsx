import { Suspense } from 'react';
import {
  MESSAGE_CHANNELS,
  MESSAGE_KINDS,
  MESSAGE_LANGUAGES,
  PATIENT_CHANNELS,
  type ConsentDto,
  type PatientMessagingDto,
  type Req,
} from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { clinicDateTime } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { FormField, FormSelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { channelName, kindName, languageName } from './names';
import { useT } from '../../i18n/use-t';
import { FormActions } from '../../ui/form/FormActions';

type Channel = (typeof PATIENT_CHANNELS)[number];

function PatientMessagingSection({ patientId }: { patientId: number }) {
  const { t } = useT('messaging');
  const asked = useClinicQuery('messaging.patientPrefs', { patientId });
  const problem = problemOf(asked.error);
  const prefs = asked.data;
  return (
    <section aria-labelledby="patient-messaging">
      <h3 id="patient-messaging">{t('patient.title')}</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      {prefs && (
        <>
          {/* Saved preferences changed elsewhere (another PC): the form starts again from them. */}
          <PreferencesForm key={`${prefs.channel}|${prefs.language}|${prefs.kindsOff.join()}`} prefs={prefs} />
          <Consents prefs={prefs} />
        </>
      )}
    </section>
  );
}

interface PreferenceValues {
  channel: Channel | '';
  language: (typeof MESSAGE_LANGUAGES)[number] | '';
  kindsOn: string[];
}

const toRequest =
  (patientId: number) =>
  (v: PreferenceValues): Req<'messaging.savePatientPrefs'> => ({
    patientId,
    channel: v.channel === '' ? null : v.channel,
    language: v.language === '' ? null : v.language,
    kindsOff: MESSAGE_KINDS.filter((k) => !v.kindsOn.includes(k)),
  });

function PreferencesForm({ prefs }: { prefs: PatientMessagingDto }) {
  const { t } = useT('messaging');
  const save = useClinicMutation('messaging.savePatientPrefs');
  const form = useRequestForm('messaging.savePatientPrefs', toRequest(prefs.patientId), {
    channel: prefs.channel ?? '',
    language: (prefs.language ?? '') as PreferenceValues['language'],
    kindsOn: MESSAGE_KINDS.filter((k) => !prefs.kindsOff.includes(k)),
  });
  const busy = form.formState.isSubmitting;
  const chosen = form.watch('channel');
  const effective = chosen === '' ? prefs.defaultChannel : chosen;
  const consent = effective === 'NONE' ? undefined : prefs.consents.find((c) => c.channel === effective);

  const submit = form.handleSubmit(async (values) => {
    const r = await save.call(toRequest(prefs.patientId)(values));
    if (!r.ok) return applyRefusal(form, r.error);
    toast(t('patient.saved'));
  });

  return (
    <form className="ui-form" onSubmit={submit} aria-label={t('patient.form')} noValidate>
      <FormProblem form={form} />
      <div className="ui-row">
        <FormSelectField form={form} name="channel" label={t('patient.sendBy')}>
          <option value="">{t('patient.clinicDefault', { value: channelName(prefs.defaultChannel) })}</option>
          {PATIENT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c === 'NONE' ? t('patient.noMessages') : channelName(c)}
            </option>
          ))}
        </FormSelectField>
        <FormSelectField form={form} name="language" label={t('patient.language')}>
          <option value="">{t('patient.clinicDefault', { value: languageName(prefs.defaultLanguage) })}</option>
          {MESSAGE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {languageName(l)}
            </option>
          ))}
        </FormSelectField>
      </div>
      {consent?.withdrawnAt && <Banner tone="warning">{t('patient.optedOut', { channel: channelName(consent.channel), how: consent.withdrawnHow })}</Banner>}
      {effective === 'WHATSAPP' && !consent?.givenAt && <Banner tone="warning">{t('patient.whatsappConsent')}</Banner>}
      <fieldset className="ui-group" disabled={effective === 'NONE'}>
        <legend>{t('patient.kinds')}</legend>
        {MESSAGE_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" value={k} {...form.register('kindsOn')} /> {kindName(k)}
          </label>
        ))}
      </fieldset>
      <FormActions busy={busy} submit={t('patient.save')} />
    </form>
  );
}

interface ConsentValues {
  channel: (typeof MESSAGE_CHANNELS)[number];
  given: 'given' | 'withdrawn';
  how: string;
}

function Consents({ prefs }: { prefs: PatientMessagingDto }) {
  const { t } = useT('messaging');
  const timeZone = useTimeZone();
  const record = useClinicMutation('messaging.recordConsent');
  const toConsent = (v: ConsentValues): Req<'messaging.recordConsent'> => ({
    patientId: prefs.patientId,
    channel: v.channel,
    given: v.given === 'given',
    how: v.how,
  });
  const form = useRequestForm('messaging.recordConsent', toConsent, { channel: 'SMS', given: 'given', how: '' });
  const busy = form.formState.isSubmitting;

  const submit = form.handleSubmit(async (values) => {
    const r = await record.call(toConsent(values));
    if (!r.ok) return applyRefusal(form, r.error);
    form.reset({ ...values, how: '' });
    toast(t('consent.recorded', { channel: channelName(values.channel) }));
  });

  const stateOf = (c: ConsentDto | undefined) => {
    if (c?.withdrawnAt) return t('consent.optedOut', { time: clinicDateTime(c.withdrawnAt, timeZone), how: c.withdrawnHow ?? '' });
    if (c?.givenAt) return t('consent.given', { time: clinicDateTime(c.givenAt, timeZone), how: c.givenHow ?? '' });
    return t('consent.nothing');
  };

  return (
    <>
      <h4>{t('consent.title')}</h4>
      <ul aria-label={t('consent.list')}>
        {MESSAGE_CHANNELS.map((ch) => (
          <li key={ch}>
            {channelName(ch)}: {stateOf(prefs.consents.find((c) => c.channel === ch))}
          </li>
        ))}
      </ul>
      <form className="ui-form" onSubmit={submit} aria-label={t('consent.form')} noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="channel" label={t('consent.channel')}>
            {MESSAGE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {channelName(c)}
              </option>
            ))}
          </FormSelectField>
          <FormSelectField form={form} name="given" label={t('consent.thePatient')}>
            <option value="given">{t('consent.agrees')}</option>
            <option value="withdrawn">{t('consent.withdraws')}</option>
          </FormSelectField>
          <FormField form={form} name="how" label={t('consent.how')} hint={t('consent.howHint')} />
        </div>
        <div className="ui-actions">
          <Button type="submit" disabled={busy}>
            {t('consent.record')}
          </Button>
        </div>
      </form>
    </>
  );
}

/**
 * How the clinic messages this patient: channel (or none), language, the kinds they want, and
 * consent per channel with when and how. Kept current by messaging.prefsChanged, so a STOP or
 * START that arrives while the record is open shows at once.
 */
export function PatientMessaging(props: { patientId: number }) {
  // Its words come with the messaging ones (fetched on first use): only this section waits for them, not the patient's record.
  return (
    <Suspense fallback={null}>
      <PatientMessagingSection {...props} />
    </Suspense>
  );
}
