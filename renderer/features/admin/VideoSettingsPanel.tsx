import { useState } from 'react';
import type { VideoSettingsDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Field, FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { FormActions } from '../../ui/form/FormActions';
import { FormSecretField } from '../../ui/form/SecretField';

/**
 * Twilio for video consultations. The API Key secret and the Auth Token are write-only: this
 * screen only learns whether they are set; an empty box keeps the stored one.
 */
export function VideoSettingsPanel() {
  const settings = useClinicQuery('video.getSettings', {});
  if (settings.error) return <Banner tone="error">{problemOf(settings.error)}</Banner>;
  if (!settings.data) return <p className="ui-hint">Loading…</p>;
  // Read once: afterwards the form keeps what the administrator types.
  return <VideoSettingsForm loaded={settings.data} />;
}

function VideoSettingsForm({ loaded }: { loaded: VideoSettingsDto }) {
  const update = useClinicMutation('video.updateSettings');
  const [settings, setSettings] = useState(loaded);
  const form = useContractForm('video.updateSettings', {
    accountSid: loaded.accountSid,
    apiKeySid: loaded.apiKeySid,
    apiKeySecret: undefined,
    authToken: undefined,
    webhookUrl: loaded.webhookUrl,
    joinUrlTemplate: loaded.joinUrlTemplate,
    publicBaseUrl: loaded.publicBaseUrl,
    joinOpensMinutes: loaded.joinOpensMinutes,
    joinClosesMinutes: loaded.joinClosesMinutes,
  });
  const minutes = (name: 'joinOpensMinutes' | 'joinClosesMinutes') => ({
    ...form.register(name, { valueAsNumber: true }),
    error: form.getFieldState(name, form.formState).error?.message,
  });
  const busy = form.formState.isSubmitting;

  const save = form.handleSubmit(async ({ apiKeySecret, authToken, ...rest }) => {
    // A secret left empty is not sent at all, so main keeps the stored one.
    const r = await update.call({ ...rest, ...(apiKeySecret ? { apiKeySecret } : {}), ...(authToken ? { authToken } : {}) });
    if (!r.ok) return applyRefusal(form, r.error);
    setSettings(r.value);
    form.resetField('apiKeySecret');
    form.resetField('authToken');
    toast(r.value.configured ? 'Video settings saved: video consultations are ready' : 'Video settings saved; some are still missing');
  });

  return (
    <form className="ui-form" onSubmit={save} aria-label="Video settings" noValidate>
      <FormProblem form={form} />
      <Banner tone={settings.configured ? 'info' : 'warning'}>
        {settings.configured ? 'Video consultations are set up.' : 'Video consultations are not set up yet.'}
      </Banner>
      <FormField form={form} name="accountSid" emptyIsNull label="Twilio Account SID" hint="AC followed by 32 characters" autoComplete="off" />
      <FormField form={form} name="apiKeySid" emptyIsNull label="API Key SID" hint="SK followed by 32 characters" autoComplete="off" />
      <FormSecretField form={form} name="apiKeySecret" label="API Key secret" set={settings.apiKeySecretSet} />
      <FormSecretField form={form} name="authToken" label="Auth Token" hint="For webhook signatures" set={settings.authTokenSet} />
      <FormField
        form={form}
        name="publicBaseUrl"
        emptyIsNull
        label="Gateway public address"
        hint="The https:// address where patients reach this clinic’s gateway (npm run gateway behind HTTPS). Join links start with it."
        inputMode="url"
      />
      <div className="ui-row">
        <Field label="Join opens (minutes before the start)" type="number" min={0} max={1440} {...minutes('joinOpensMinutes')} />
        <Field label="Join closes (minutes after the end)" type="number" min={0} max={1440} {...minutes('joinClosesMinutes')} />
      </div>
      <FormField form={form} name="webhookUrl" emptyIsNull label="Webhook address" hint="The https:// address Twilio posts room events to (on the gateway)" />
      <FormField form={form} name="joinUrlTemplate" emptyIsNull label="Patient join link" hint="An https:// address with {token} (and optionally {room})" />
      <FormActions busy={busy} submit="Save video settings" />
    </form>
  );
}
