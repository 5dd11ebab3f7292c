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
import { useT } from '../../i18n/use-t';

/**
 * Twilio for video consultations. The API Key secret and the Auth Token are write-only: this
 * screen only learns whether they are set; an empty box keeps the stored one.
 */
export function VideoSettingsPanel() {
  const { t } = useT('admin');
  const settings = useClinicQuery('video.getSettings', {});
  if (settings.error) return <Banner tone="error">{problemOf(settings.error)}</Banner>;
  if (!settings.data) return <p className="ui-hint">{t('common:loading')}</p>;
  // Read once: afterwards the form keeps what the administrator types.
  return <VideoSettingsForm loaded={settings.data} />;
}

function VideoSettingsForm({ loaded }: { loaded: VideoSettingsDto }) {
  const { t } = useT('admin');
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
    toast(r.value.configured ? t('video.saved') : t('video.savedMissing'));
  });

  return (
    <form className="ui-form" onSubmit={save} aria-label={t('video.form')} noValidate>
      <FormProblem form={form} />
      <Banner tone={settings.configured ? 'info' : 'warning'}>{settings.configured ? t('video.ready') : t('video.notReady')}</Banner>
      <FormField form={form} name="accountSid" emptyIsNull label={t('video.accountSid')} hint={t('video.accountSidHint')} autoComplete="off" />
      <FormField form={form} name="apiKeySid" emptyIsNull label={t('video.apiKeySid')} hint={t('video.apiKeySidHint')} autoComplete="off" />
      <FormSecretField form={form} name="apiKeySecret" label={t('video.apiKeySecret')} set={settings.apiKeySecretSet} />
      <FormSecretField form={form} name="authToken" label={t('video.authToken')} hint={t('video.authTokenHint')} set={settings.authTokenSet} />
      <FormField form={form} name="publicBaseUrl" emptyIsNull label={t('video.publicBaseUrl')} hint={t('video.publicBaseUrlHint')} inputMode="url" />
      <div className="ui-row">
        <Field label={t('video.joinOpens')} type="number" min={0} max={1440} {...minutes('joinOpensMinutes')} />
        <Field label={t('video.joinCloses')} type="number" min={0} max={1440} {...minutes('joinClosesMinutes')} />
      </div>
      <FormField form={form} name="webhookUrl" emptyIsNull label={t('video.webhookUrl')} hint={t('video.webhookUrlHint')} />
      <FormField form={form} name="joinUrlTemplate" emptyIsNull label={t('video.joinUrlTemplate')} hint={t('video.joinUrlTemplateHint')} />
      <FormActions busy={busy} submit={t('video.save')} />
    </form>
  );
}
