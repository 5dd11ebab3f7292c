import { useState } from 'react';
import type { MessageDto, MessagingSettingsDto, Req, Result } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { orNull, useForm } from '../../ui/use-form';
import { MESSAGE_KIND_NAMES } from './AppointmentMessages';
import { TemplatesPanel } from './TemplatesPanel';

type Update = Req<'messaging.updateSettings'>;
const NO_FAILURES: MessageDto[] = [];

const invalid = (field: string, message: string): Result<MessagingSettingsDto> => ({ ok: false, error: { code: 'INVALID', message, field } });

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
          { header: 'Message', cell: (m) => `${MESSAGE_KIND_NAMES[m.kind]} (${m.channel})` },
          { header: 'Why', cell: (m) => m.error ?? '' },
        ]}
      />
      <TemplatesPanel />
    </>
  );
}

/** The settings as the form's boxes: numbers and lists as typed text, the write-only token empty. */
const boxesOf = (s: MessagingSettingsDto) => ({
  enabled: s.enabled,
  smsFrom: s.smsFrom ?? '',
  whatsappFrom: s.whatsappFrom ?? '',
  twilioAccountSid: s.twilioAccountSid ?? '',
  twilioAuthToken: '',
  statusCallbackUrl: s.statusCallbackUrl ?? '',
  inboundUrl: s.inboundUrl ?? '',
  reminderOffsetsMinutes: s.reminderOffsetsMinutes.join(', '),
  quietStart: s.quietStart,
  quietEnd: s.quietEnd,
  sendRatePerSecond: String(s.sendRatePerSecond),
  dailyCapPerPatient: String(s.dailyCapPerPatient),
});

function MessagingSettingsForm({ loaded }: { loaded: MessagingSettingsDto }) {
  const updateSettings = useClinicMutation('messaging.updateSettings');
  const [settings, setSettings] = useState(loaded);
  const form = useForm(boxesOf(loaded));
  const v = form.values;

  const save = form.submit(
    () => {
      const update: Update = {
        enabled: v.enabled,
        smsFrom: orNull(v.smsFrom),
        whatsappFrom: orNull(v.whatsappFrom),
        twilioAccountSid: orNull(v.twilioAccountSid),
        statusCallbackUrl: orNull(v.statusCallbackUrl),
        inboundUrl: orNull(v.inboundUrl),
        quietStart: v.quietStart,
        quietEnd: v.quietEnd,
        sendRatePerSecond: Number(v.sendRatePerSecond),
        dailyCapPerPatient: Number(v.dailyCapPerPatient),
      };
      const offsets = parseOffsets(v.reminderOffsetsMinutes);
      if (!offsets) return Promise.resolve(invalid('reminderOffsetsMinutes', 'Whole minutes separated by commas, e.g. 1440, 120'));
      update.reminderOffsetsMinutes = offsets;
      if (v.twilioAuthToken.trim()) update.twilioAuthToken = v.twilioAuthToken.trim();
      return updateSettings.call(update);
    },
    (saved) => {
      setSettings(saved);
      form.setValues((old) => ({ ...old, twilioAuthToken: '' }));
      toast(saved.enabled ? 'Messaging settings saved: patients get messages' : 'Messaging settings saved; messaging is off');
    },
  );

  return (
    <form className="ui-form" onSubmit={save} aria-label="Messaging settings" noValidate>
      {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
      <label>
        <input type="checkbox" checked={v.enabled} onChange={form.change('enabled')} /> Send patients confirmations, reminders and notices
      </label>
      <Field label="SMS sender number" value={v.smsFrom} onChange={form.change('smsFrom')} error={form.at('smsFrom')} hint="E.164, e.g. +14155550100" />
      <Field
        label="WhatsApp sender number"
        value={v.whatsappFrom}
        onChange={form.change('whatsappFrom')}
        error={form.at('whatsappFrom')}
        hint="E.164; templates need an approved content SID"
      />
      <Field
        label="Twilio Account SID"
        value={v.twilioAccountSid}
        onChange={form.change('twilioAccountSid')}
        error={form.at('twilioAccountSid')}
        autoComplete="off"
      />
      <Field
        label="Auth Token"
        type="password"
        value={v.twilioAuthToken}
        onChange={form.change('twilioAuthToken')}
        error={form.at('twilioAuthToken')}
        hint={settings.twilioAuthTokenSet ? 'Stored. Leave empty to keep it; type a new one to replace it.' : 'Not set yet.'}
        autoComplete="off"
      />
      <Field
        label="Status callback address"
        value={v.statusCallbackUrl}
        onChange={form.change('statusCallbackUrl')}
        error={form.at('statusCallbackUrl')}
        hint="https:// address of the webhook receiver for delivery reports"
      />
      <Field
        label="Replies address"
        value={v.inboundUrl}
        onChange={form.change('inboundUrl')}
        error={form.at('inboundUrl')}
        hint="https:// address the number's incoming messages go to"
      />
      <Field
        label="Reminders, minutes before"
        value={v.reminderOffsetsMinutes}
        onChange={form.change('reminderOffsetsMinutes')}
        error={form.at('reminderOffsetsMinutes')}
        hint="Comma-separated, e.g. 1440, 120"
      />
      <Field label="Quiet from" value={v.quietStart} onChange={form.change('quietStart')} error={form.at('quietStart')} hint="HH:MM, clinic time" />
      <Field label="Quiet until" value={v.quietEnd} onChange={form.change('quietEnd')} error={form.at('quietEnd')} hint="HH:MM, clinic time" />
      <Field
        label="Messages per second"
        value={v.sendRatePerSecond}
        onChange={form.change('sendRatePerSecond')}
        error={form.at('sendRatePerSecond')}
        hint="The sender number's rate (1 for a long code)"
      />
      <Field
        label="Messages per patient per day"
        value={v.dailyCapPerPatient}
        onChange={form.change('dailyCapPerPatient')}
        error={form.at('dailyCapPerPatient')}
      />
      <div className="ui-actions">
        <Button variant="primary" type="submit" disabled={form.busy}>
          {form.busy ? 'Saving…' : 'Save messaging settings'}
        </Button>
      </div>
    </form>
  );
}
