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
import { MESSAGE_KIND_NAMES } from './AppointmentMessages';
import { CHANNEL_NAMES } from './names';
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
  const query = useClinicQuery('messaging.getSettings', {});
  const failures = useClinicQuery('messaging.failures', {}).data ?? NO_FAILURES;
  const problem = problemOf(query.error);
  return (
    <>
      {problem && <Banner tone="error">{problem}</Banner>}
      {/* Read once: afterwards the form keeps what the administrator types. */}
      {query.data ? <MessagingSettingsForm loaded={query.data} /> : !problem && <p className="ui-hint">Loading…</p>}
      <h3>Messages that failed</h3>
      <Table
        label="Messages that failed"
        rows={failures}
        empty="No failed messages."
        columns={[
          { header: 'Patient', cell: (m) => m.patientName },
          { header: 'Message', cell: (m) => `${MESSAGE_KIND_NAMES[m.kind]} by ${CHANNEL_NAMES[m.channel]}` },
          { header: 'Why', cell: (m) => m.error ?? '' },
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
  reminderOffsetsMinutes: z.string().refine((t) => parseOffsets(t) !== undefined, 'Whole minutes separated by commas, e.g. 1440, 120'),
});

function MessagingSettingsForm({ loaded }: { loaded: MessagingSettingsDto }) {
  const updateSettings = useClinicMutation('messaging.updateSettings');
  const [settings, setSettings] = useState(loaded);
  const form = useRequestForm('messaging.updateSettings', toUpdate, boxesOf(loaded), offsetsBox);
  const busy = form.formState.isSubmitting;

  const save = form.handleSubmit(async (boxes) => {
    const r = await updateSettings.call(toUpdate(boxes));
    if (!r.ok) return applyRefusal(form, r.error);
    setSettings(r.value);
    form.resetField('twilioAuthToken');
    toast(r.value.enabled ? 'Messaging settings saved: patients get messages' : 'Messaging settings saved; messaging is off');
  });

  return (
    <form className="ui-form" onSubmit={save} aria-label="Messaging settings" noValidate>
      <FormProblem form={form} />
      <label>
        <input type="checkbox" {...form.register('enabled')} /> Send patients confirmations, reminders and notices
      </label>
      <FormField form={form} name="smsFrom" emptyIsNull label="SMS sender number" hint="E.164, e.g. +14155550100" />
      <FormField form={form} name="whatsappFrom" emptyIsNull label="WhatsApp sender number" hint="E.164; templates need an approved content SID" />
      <FormField form={form} name="twilioAccountSid" emptyIsNull label="Twilio Account SID" autoComplete="off" />
      <FormField
        form={form}
        name="twilioAuthToken"
        label="Auth Token"
        type="password"
        hint={settings.twilioAuthTokenSet ? 'Stored. Leave empty to keep it; type a new one to replace it.' : 'Not set yet.'}
        autoComplete="off"
      />
      <FormField
        form={form}
        name="statusCallbackUrl"
        emptyIsNull
        label="Status callback address"
        hint="https:// address of the webhook receiver for delivery reports"
      />
      <FormField form={form} name="inboundUrl" emptyIsNull label="Replies address" hint="https:// address the number's incoming messages go to" />
      <FormField form={form} name="reminderOffsetsMinutes" label="Reminders, minutes before" hint="Comma-separated, e.g. 1440, 120" />
      <FormField form={form} name="quietStart" label="Quiet from" hint="HH:MM, clinic time" />
      <FormField form={form} name="quietEnd" label="Quiet until" hint="HH:MM, clinic time" />
      <FormField form={form} name="sendRatePerSecond" label="Messages per second" hint="The sender number's rate (1 for a long code)" />
      <FormField form={form} name="dailyCapPerPatient" label="Messages per patient per day" />
      <FormField
        form={form}
        name="messageRetentionDays"
        label="Keep message texts, days"
        hint="Then a sent or ended message keeps what became of it, not its words nor the number it went to"
      />
      <FormActions busy={busy} submit="Save messaging settings" />
    </form>
  );
}
