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
import { MESSAGE_KIND_NAMES } from './AppointmentMessages';
import { CHANNEL_NAMES, LANGUAGE_NAMES, languageName } from './names';
import { FormActions } from '../../ui/form/FormActions';

type Channel = (typeof PATIENT_CHANNELS)[number];

/**
 * How the clinic messages this patient: channel (or none), language, the kinds they want, and
 * consent per channel with when and how. Kept current by messaging.prefsChanged, so a STOP or
 * START that arrives while the record is open shows at once.
 */
export function PatientMessaging({ patientId }: { patientId: number }) {
  const asked = useClinicQuery('messaging.patientPrefs', { patientId });
  const problem = problemOf(asked.error);
  const prefs = asked.data;
  return (
    <section aria-labelledby="patient-messaging">
      <h3 id="patient-messaging">Messages to the patient</h3>
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
    toast('Messaging preferences saved');
  });

  return (
    <form className="ui-form" onSubmit={submit} aria-label="Messaging preferences" noValidate>
      <FormProblem form={form} />
      <div className="ui-row">
        <FormSelectField form={form} name="channel" label="Send messages by">
          <option value="">Clinic default ({CHANNEL_NAMES[prefs.defaultChannel]})</option>
          {PATIENT_CHANNELS.map((c) => (
            <option key={c} value={c}>
              {c === 'NONE' ? 'No messages at all' : CHANNEL_NAMES[c]}
            </option>
          ))}
        </FormSelectField>
        <FormSelectField form={form} name="language" label="Language">
          <option value="">Clinic default ({languageName(prefs.defaultLanguage)})</option>
          {MESSAGE_LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </FormSelectField>
      </div>
      {consent?.withdrawnAt && (
        <Banner tone="warning">
          The patient opted out of {CHANNEL_NAMES[consent.channel]} ({consent.withdrawnHow}): nothing is sent there until they opt in again.
        </Banner>
      )}
      {effective === 'WHATSAPP' && !consent?.givenAt && (
        <Banner tone="warning">WhatsApp messages go only to patients who opted in to them: record their consent below.</Banner>
      )}
      <fieldset className="ui-group" disabled={effective === 'NONE'}>
        <legend>Messages they get</legend>
        {MESSAGE_KINDS.map((k) => (
          <label key={k}>
            <input type="checkbox" value={k} {...form.register('kindsOn')} /> {MESSAGE_KIND_NAMES[k]}
          </label>
        ))}
      </fieldset>
      <FormActions busy={busy} submit="Save messaging preferences" />
    </form>
  );
}

interface ConsentValues {
  channel: (typeof MESSAGE_CHANNELS)[number];
  given: 'given' | 'withdrawn';
  how: string;
}

function Consents({ prefs }: { prefs: PatientMessagingDto }) {
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
    toast(`Consent for ${CHANNEL_NAMES[values.channel]} recorded`);
  });

  const stateOf = (c: ConsentDto | undefined) => {
    if (c?.withdrawnAt) return `opted out ${clinicDateTime(c.withdrawnAt, timeZone)} — ${c.withdrawnHow ?? ''}`;
    if (c?.givenAt) return `consent given ${clinicDateTime(c.givenAt, timeZone)} — ${c.givenHow ?? ''}`;
    return 'nothing recorded';
  };

  return (
    <>
      <h4>Consent</h4>
      <ul aria-label="Consent per channel">
        {MESSAGE_CHANNELS.map((ch) => (
          <li key={ch}>
            {CHANNEL_NAMES[ch]}: {stateOf(prefs.consents.find((c) => c.channel === ch))}
          </li>
        ))}
      </ul>
      <form className="ui-form" onSubmit={submit} aria-label="Record consent" noValidate>
        <FormProblem form={form} />
        <div className="ui-row">
          <FormSelectField form={form} name="channel" label="Channel">
            {MESSAGE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_NAMES[c]}
              </option>
            ))}
          </FormSelectField>
          <FormSelectField form={form} name="given" label="The patient">
            <option value="given">agrees to messages</option>
            <option value="withdrawn">wants no more messages</option>
          </FormSelectField>
          <FormField form={form} name="how" label="How they said so" hint="e.g. signed the registration form, asked at the desk" />
        </div>
        <div className="ui-actions">
          <Button type="submit" disabled={busy}>
            Record consent
          </Button>
        </div>
      </form>
    </>
  );
}
