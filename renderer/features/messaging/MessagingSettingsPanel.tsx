import { useState } from 'react';
import { z } from 'zod';
import type { MessageDto, MessagingSettingsDto, Req } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { Table } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { messageName } from './names';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';
import { TemplatesPanel } from './TemplatesPanel';
import { FormActions } from '../../ui/form/FormActions';

type Update = Req<'messaging.updateSettings'>;
const NO_FAILURES: MessageDto[] = [];

/** "1440, 120" ↔ [1440, 120]: reminder offsets in minutes as the administrator types them. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const numbers = parts.map(Number);
  return numbers.every((n) => Number.isInteger(n)) ? numbers : undefined;
}

/**
 * Patient messaging: the switch, Twilio's senders and addresses, reminders and quiet hours, the
 * limits, and the messages that failed. The Auth Token is write-only: an empty box keeps it.
 */
export function MessagingSettingsPanel() {
  const { t } = useT('messaging');
  const query = useClinicQuery('messaging.getSettings', {});
  const failures = useClinicQuery('messaging.failures', {}).data ?? NO_FAILURES;
  const problem = problemOf(query.error);
  return (
    <>
      {problem && <Banner tone="error">{problem}</Banner>}
      {/* Read once: afterwards the form keeps what the administrator types. */}
      {query.data ? <MessagingSettingsForm loaded={query.data} /> : !problem && <p className="ui-hint">{t('common:loading')}</p>}
      <h3>{t('settings.failed')}</h3>
      <Table
        label={t('settings.failed')}
        rows={failures}
        empty={t('settings.noFailed')}
        columns={[
          { header: t('settings.col.patient'), cell: (m) => m.patientName },
          { header: t('settings.col.message'), cell: (m) => messageName(m) },
          { header: t('settings.col.why'), cell: (m) => m.error ?? '' },
        ]}
      />
      <TemplatesPanel />
    </>
  );
}

/** The settings as the form's boxes: numbers and lists as typed text, the write-only token empty (an empty box is null: not given). */
const boxesOf = (s: MessagingSettingsDto) => ({
  enabled: s.enabled,
  smsFrom: s.smsFrom,
  whatsappFrom: s.whatsappFrom,
  twilioAccountSid: s.twilioAccountSid,
  twilioAuthToken: '',
  statusCallbackUrl: s.statusCallbackUrl,
  inboundUrl: s.inboundUrl,
  reminderOffsetsMinutes: s.reminderOffsetsMinutes.join(', '),
  quietStart: s.quietStart,
  quietEnd: s.quietEnd,
  sendRatePerSecond: String(s.sendRatePerSecond),
  dailyCapPerPatient: String(s.dailyCapPerPatient),
  messageRetentionDays: String(s.messageRetentionDays),
});
type Boxes = ReturnType<typeof boxesOf>;

/** The boxes as the update: an empty Auth Token box is not sent, so main keeps the stored one. */
function toUpdate({ twilioAuthToken, reminderOffsetsMinutes, sendRatePerSecond, dailyCapPerPatient, messageRetentionDays, ...same }: Boxes): Update {
  const token = twilioAuthToken.trim();
  return {
    ...same,
    ...(token ? { twilioAuthToken: token } : {}),
    reminderOffsetsMinutes: parseOffsets(reminderOffsetsMinutes) ?? [],
    sendRatePerSecond: Number(sendRatePerSecond),
    dailyCapPerPatient: Number(dailyCapPerPatient),
    messageRetentionDays: Number(messageRetentionDays),
  };
}

// Text that is not a list of whole minutes has no request to check: it is refused at its box first.
const offsetsBox = z.looseObject({
  reminderOffsetsMinutes: z.string().refine((text) => parseOffsets(text) !== undefined, { error: () => word('messaging:settings.offsets') }),
});

function MessagingSettingsForm({ loaded }: { loaded: MessagingSettingsDto }) {
  const { t } = useT('messaging');
  const updateSettings = useClinicMutation('messaging.updateSettings');
  const [settings, setSettings] = useState(loaded);
  const form = useRequestForm('messaging.updateSettings', toUpdate, boxesOf(loaded), offsetsBox);
  const busy = form.formState.isSubmitting;

  const save = form.handleSubmit(async (boxes) => {
    const r = await updateSettings.call(toUpdate(boxes));
    if (!r.ok) return applyRefusal(form, r.error);
    setSettings(r.value);
    form.resetField('twilioAuthToken');
    toast(r.value.enabled ? t('settings.saved') : t('settings.savedOff'));
  });

  return (
    <form className="ui-form" onSubmit={save} aria-label={t('settings.form')} noValidate>
      <FormProblem form={form} />
      <label>
        <input type="checkbox" {...form.register('enabled')} /> {t('settings.enabled')}
      </label>
      <FormField form={form} name="smsFrom" emptyIsNull label={t('settings.smsFrom')} hint={t('settings.smsFromHint')} />
      <FormField form={form} name="whatsappFrom" emptyIsNull label={t('settings.whatsappFrom')} hint={t('settings.whatsappFromHint')} />
      <FormField form={form} name="twilioAccountSid" emptyIsNull label={t('settings.accountSid')} autoComplete="off" />
      <FormField
        form={form}
        name="twilioAuthToken"
        label={t('settings.authToken')}
        type="password"
        hint={settings.twilioAuthTokenSet ? t('settings.authTokenSet') : t('settings.authTokenNotSet')}
        autoComplete="off"
      />
      <FormField form={form} name="statusCallbackUrl" emptyIsNull label={t('settings.statusCallback')} hint={t('settings.statusCallbackHint')} />
      <FormField form={form} name="inboundUrl" emptyIsNull label={t('settings.inbound')} hint={t('settings.inboundHint')} />
      <FormField form={form} name="reminderOffsetsMinutes" label={t('settings.offsetsLabel')} hint={t('settings.offsetsHint')} />
      <FormField form={form} name="quietStart" label={t('settings.quietStart')} hint={t('settings.quietHint')} />
      <FormField form={form} name="quietEnd" label={t('settings.quietEnd')} hint={t('settings.quietHint')} />
      <FormField form={form} name="sendRatePerSecond" label={t('settings.rate')} hint={t('settings.rateHint')} />
      <FormField form={form} name="dailyCapPerPatient" label={t('settings.dailyCap')} />
      <FormField form={form} name="messageRetentionDays" label={t('settings.retention')} hint={t('settings.retentionHint')} />
      <FormActions busy={busy} submit={t('settings.save')} />
    </form>
  );
}
