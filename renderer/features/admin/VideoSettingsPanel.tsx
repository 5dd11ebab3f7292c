import { useEffect, useState } from 'react';
import type { Req, VideoSettingsDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { orNull, useForm } from '../../ui/use-form';

type Update = Req<'video.updateSettings'>;

/**
 * Twilio for video consultations. The API Key secret and the Auth Token are write-only: this
 * screen only learns whether they are set; an empty box keeps the stored one.
 */
export function VideoSettingsPanel() {
  const query = useClinicQuery('video.getSettings', {});
  const updateSettings = useClinicMutation('video.updateSettings');
  const [saved, setSaved] = useState<VideoSettingsDto>();
  const settings = saved ?? query.data;
  const problem = problemOf(query.error);
  const form = useForm({ accountSid: '', apiKeySid: '', apiKeySecret: '', authToken: '', webhookUrl: '', joinUrlTemplate: '' });
  const v = form.values;
  const { setValues } = form;

  // Filled once, when the settings first arrive; afterwards the form keeps what the administrator types.
  const loaded = query.data;
  const [filled, setFilled] = useState(false);
  useEffect(() => {
    if (!loaded || filled) return;
    setFilled(true);
    setValues((old) => ({ ...old, accountSid: loaded.accountSid ?? '', apiKeySid: loaded.apiKeySid ?? '', webhookUrl: loaded.webhookUrl ?? '', joinUrlTemplate: loaded.joinUrlTemplate ?? '' }));
  }, [loaded, filled, setValues]);

  const save = form.submit(
    () => {
      const update: Update = { accountSid: orNull(v.accountSid), apiKeySid: orNull(v.apiKeySid), webhookUrl: orNull(v.webhookUrl), joinUrlTemplate: orNull(v.joinUrlTemplate) };
      if (v.apiKeySecret.trim()) update.apiKeySecret = v.apiKeySecret.trim();
      if (v.authToken.trim()) update.authToken = v.authToken.trim();
      return updateSettings.call(update);
    },
    (saved) => {
      setSaved(saved);
      form.setValues((old) => ({ ...old, apiKeySecret: '', authToken: '' }));
      toast(saved.configured ? 'Video settings saved: video consultations are ready' : 'Video settings saved; some are still missing');
    },
  );

  const secretHint = (set: boolean | undefined) => (set ? 'Stored. Leave empty to keep it; type a new one to replace it.' : 'Not set yet.');
  return (
    <form className="ui-form" onSubmit={save} aria-label="Video settings" noValidate>
      {problem && <Banner tone="error">{problem}</Banner>}
      {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
      {settings && <Banner tone={settings.configured ? 'info' : 'warning'}>{settings.configured ? 'Video consultations are set up.' : 'Video consultations are not set up yet.'}</Banner>}
      <Field label="Twilio Account SID" value={v.accountSid} onChange={form.change('accountSid')} error={form.at('accountSid')} hint="AC followed by 32 characters" autoComplete="off" />
      <Field label="API Key SID" value={v.apiKeySid} onChange={form.change('apiKeySid')} error={form.at('apiKeySid')} hint="SK followed by 32 characters" autoComplete="off" />
      <Field label="API Key secret" type="password" value={v.apiKeySecret} onChange={form.change('apiKeySecret')} error={form.at('apiKeySecret')} hint={secretHint(settings?.apiKeySecretSet)} autoComplete="off" />
      <Field label="Auth Token" type="password" value={v.authToken} onChange={form.change('authToken')} error={form.at('authToken')} hint={`For webhook signatures. ${secretHint(settings?.authTokenSet)}`} autoComplete="off" />
      <Field label="Webhook address" value={v.webhookUrl} onChange={form.change('webhookUrl')} error={form.at('webhookUrl')} hint="The https:// address Twilio posts room events to (npm run webhooks behind HTTPS)" />
      <Field label="Patient join link" value={v.joinUrlTemplate} onChange={form.change('joinUrlTemplate')} error={form.at('joinUrlTemplate')} hint="An https:// address with {token} (and optionally {room})" />
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={form.busy || !settings}>
          {form.busy ? 'Saving…' : 'Save video settings'}
        </Button>
      </div>
    </form>
  );
}
