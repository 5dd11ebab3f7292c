import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import type { AppointmentDto, MessagingSettingsDto } from '../../preload/contract';
import { AppointmentMessages } from '../../renderer/features/messaging/AppointmentMessages';
import { MessagingSettingsPanel, parseOffsets } from '../../renderer/features/messaging/MessagingSettingsPanel';
import { TemplatesPanel } from '../../renderer/features/messaging/TemplatesPanel';
import type { FakeHandlers } from './fake-clinic';
import { renderApp } from './render-app';

// The screens are rendered by themselves, with no Loading around them to wait in while their words arrive.
beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('messaging')));

const show = (screen: React.ReactElement, handlers: FakeHandlers) => renderApp({ role: 'ADMIN', handlers, screen }).fake;

const ok = <T,>(value: T) => ({ ok: true as const, value });

const appointment: AppointmentDto = {
  id: 7,
  patientId: 3,
  patientName: 'Asha Verma',
  patientPhone: '+919812345678',
  doctorId: 2,
  doctorName: 'Dr. Meera Rao',
  date: '2026-12-05',
  startTime: '14:00:00',
  endTime: '14:15:00',
  status: 'SCHEDULED',
  reason: null,
  checkedInAt: null,
  completedAt: null,
  tokenNo: null,
  isWalkIn: false,
  cancelReason: null,
  overrideReason: null,
};

const settings: MessagingSettingsDto = {
  enabled: false,
  enabledKinds: ['CONFIRMATION', 'REMINDER'],
  reminderOffsetsMinutes: [1440, 120],
  quietStart: '21:00',
  quietEnd: '08:00',
  defaultChannel: 'SMS',
  defaultLanguage: 'en',
  smsFrom: null,
  whatsappFrom: null,
  twilioAccountSid: null,
  twilioAuthTokenSet: true,
  statusCallbackUrl: null,
  inboundUrl: null,
  smtpHost: null,
  smtpPort: null,
  smtpSecure: false,
  smtpUser: null,
  smtpPasswordSet: false,
  emailFrom: null,
  rebookLink: null,
  sendRatePerSecond: 1,
  dailyCapPerPatient: 5,
  messageRetentionDays: 365,
};

describe('messaging screens', () => {
  afterEach(cleanup);

  it('lists what was sent with what became of it, the replies, and sends a reminder now', async () => {
    const fake = show(<AppointmentMessages appointment={appointment} />, {
      'messaging.forAppointment': () =>
        ok({
          messages: [
            {
              id: 1,
              appointmentId: 7,
              patientId: 3,
              patientName: 'Asha Verma',
              kind: 'CONFIRMATION',
              channel: 'SMS',
              status: 'DELIVERED',
              body: 'Hello',
              dueAt: '2026-12-02T04:00:00.000Z',
              sentAt: '2026-12-02T04:00:01.000Z',
              deliveredAt: '2026-12-02T04:00:05.000Z',
              attempts: 1,
              error: null,
            },
            {
              id: 2,
              appointmentId: 7,
              patientId: 3,
              patientName: 'Asha Verma',
              kind: 'REMINDER',
              channel: 'SMS',
              status: 'UNDELIVERED',
              body: 'Reminder',
              dueAt: '2026-12-04T08:30:00.000Z',
              sentAt: '2026-12-04T08:30:01.000Z',
              deliveredAt: null,
              attempts: 1,
              error: 'Twilio error 30003',
            },
          ],
          replies: [
            {
              id: 9,
              channel: 'SMS',
              fromAddress: '+919812345678',
              body: 'YES',
              patientId: 3,
              patientName: 'Asha Verma',
              appointmentId: 7,
              action: 'CONFIRMED',
              receivedAt: '2026-12-02T05:00:00.000Z',
              handledAt: null,
            },
            // A reply past the clinic's message retention: its text and number cleared, what it did kept.
            {
              id: 10,
              channel: 'SMS',
              fromAddress: null,
              body: null,
              patientId: 3,
              patientName: 'Asha Verma',
              appointmentId: 7,
              action: 'OPTED_OUT',
              receivedAt: '2026-12-02T06:00:00.000Z',
              handledAt: null,
            },
          ],
        }),
      'messaging.sendNow': () =>
        ok({
          id: 3,
          appointmentId: 7,
          patientId: 3,
          patientName: 'Asha Verma',
          kind: 'REMINDER',
          channel: 'SMS',
          status: 'QUEUED',
          body: null,
          dueAt: '2026-12-02T06:00:00.000Z',
          sentAt: null,
          deliveredAt: null,
          attempts: 0,
          error: null,
        }),
    });
    const list = await screen.findByRole('list', { name: 'Messages to the patient' });
    expect(list.textContent).toContain('Confirmation by SMS · delivered');
    expect(list.textContent).toContain('Reminder by SMS · not delivered — Twilio error 30003');
    expect(list.textContent).toContain('the patient confirmed: “YES”');
    expect(list.textContent).toContain('the patient asked for no more messages: (text cleared after the retention period)');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send reminder now' })));
    expect(fake.calls.filter((c) => c.channel === 'messaging.sendNow').map((c) => c.payload)).toEqual([{ appointmentId: 7, kind: 'REMINDER' }]);
  });

  it('never shows the stored Auth Token and keeps it unless a new one is typed; failed messages say their kind and channel in words', async () => {
    const fake = show(<MessagingSettingsPanel />, {
      'messaging.getSettings': () => ok(settings),
      'messaging.failures': () =>
        ok([
          {
            id: 4,
            appointmentId: 7,
            patientId: 3,
            patientName: 'Asha Verma',
            kind: 'REMINDER',
            channel: 'WHATSAPP',
            status: 'FAILED',
            body: null,
            dueAt: '2026-12-02T06:00:00.000Z',
            sentAt: null,
            deliveredAt: null,
            attempts: 8,
            error: 'Twilio error 63016',
          },
        ]),
      'messaging.templates': () => ok([]),
      'messaging.updateSettings': () => ok({ ...settings, enabled: true }),
    });
    // The form shows before the settings arrive: wait for what only the stored settings show.
    expect(await screen.findByText('Stored. Leave empty to keep it; type a new one to replace it.')).toBeTruthy();
    expect((screen.getByLabelText('Auth Token') as HTMLInputElement).value).toBe('');
    fireEvent.click(screen.getByRole('checkbox'));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Save messaging settings' })));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'messaging.updateSettings')).toBe(true));
    const sent = fake.calls.find((c) => c.channel === 'messaging.updateSettings')!.payload as Record<string, unknown>;
    expect(sent).toMatchObject({ enabled: true, reminderOffsetsMinutes: [1440, 120], quietStart: '21:00', messageRetentionDays: 365 });
    expect(sent).not.toHaveProperty('twilioAuthToken');
    const failed = screen.getByRole('table', { name: 'Messages that failed' });
    expect(within(failed).getByText('Reminder by WhatsApp')).toBeTruthy();
  });

  it('settings: text that is no list of minutes, and a reminder too close, are refused at their box before sending; main’s refusal lands on its field', async () => {
    const fake = show(<MessagingSettingsPanel />, {
      'messaging.getSettings': () => ok(settings),
      'messaging.failures': () => ok([]),
      'messaging.templates': () => ok([]),
      'messaging.updateSettings': () => ({ ok: false, error: { code: 'INVALID', field: 'smsFrom', message: 'Twilio does not know this sender' } }),
    });
    const offsets = await screen.findByLabelText('Reminders, minutes before');
    fireEvent.change(offsets, { target: { value: 'an hour' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save messaging settings' }));
    expect(await screen.findByText('Whole minutes separated by commas, e.g. 1440, 120')).toBeTruthy();
    expect(offsets.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(offsets));
    // The contract words a bad entry of the list as "reminderOffsetsMinutes.1": it is this box's.
    fireEvent.change(offsets, { target: { value: '1440, 2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save messaging settings' }));
    expect(await screen.findByText('A reminder comes at least 5 minutes before')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'messaging.updateSettings')).toBe(false);

    fireEvent.change(offsets, { target: { value: '1440, 120' } });
    const sender = screen.getByLabelText('SMS sender number');
    fireEvent.change(sender, { target: { value: '+14155550100' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save messaging settings' }));
    const refusal = await screen.findByText('Twilio does not know this sender');
    expect(sender.getAttribute('aria-describedby')).toContain(refusal.id);
    expect(offsets.getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(sender));
  });

  it('edits a template: main’s refusal lands on the text, the preview fills it with a real appointment', async () => {
    const reminder = {
      id: 4,
      kind: 'REMINDER' as const,
      language: 'hi',
      channel: 'SMS' as const,
      subject: null,
      body: 'याद: {patient}',
      dltEntityId: null,
      dltTemplateId: null,
      whatsappContentSid: null,
      segments: { encoding: 'UCS-2' as const, units: 14, segments: 1 },
    };
    const fake = show(<TemplatesPanel />, {
      'messaging.templates': () => ok([reminder]),
      'messaging.saveTemplate': (req) =>
        req.body.includes('{when}')
          ? { ok: false, error: { code: 'INVALID', message: '{when} is not a template variable', field: 'body' } }
          : ok({ ...reminder, body: req.body }),
      'messaging.preview': (req) =>
        ok({ subject: null, body: `Preview of ${req.body} for ${req.appointmentId}`, segments: { encoding: 'GSM-7', units: 20, segments: 1 } }),
    });
    const select = await screen.findByLabelText('Template');
    await waitFor(() => expect(select.querySelectorAll('option')).toHaveLength(2));
    expect(select.textContent).toContain('Reminder · Hindi (हिन्दी) · SMS · 1 SMS part (UCS-2)');
    fireEvent.change(select, { target: { value: 'REMINDER|hi|SMS' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'See you {when}' } });
    fireEvent.change(screen.getByLabelText('DLT entity id'), { target: { value: '123' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    expect(await screen.findByText('A DLT entity id is the 19 digits the DLT portal gave, without spaces')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'messaging.saveTemplate')).toHaveLength(0);
    fireEvent.change(screen.getByLabelText('DLT entity id'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save template' }));
    const refusal = await screen.findByText('{when} is not a template variable');
    const text = screen.getByLabelText('Text');
    expect(text.getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(text));
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'See you {time}' } });
    fireEvent.change(screen.getByLabelText('Preview with appointment number'), { target: { value: '7' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Preview' })));
    expect((await screen.findByLabelText('Preview')).textContent).toBe('Preview of See you {time} for 7 — 1 SMS part(s), GSM-7');
    expect(fake.calls.filter((c) => c.channel === 'messaging.saveTemplate')).toHaveLength(1);
  });

  it('reads reminder offsets as whole minutes', () => {
    expect(parseOffsets('1440, 120')).toEqual([1440, 120]);
    expect(parseOffsets('60')).toEqual([60]);
    expect(parseOffsets('an hour')).toBeUndefined();
    expect(parseOffsets('1.5')).toBeUndefined();
  });
});

describe('messaging screens in Hindi', () => {
  afterEach(cleanup);

  it('an appointment’s messages, the settings with the failed messages, and the templates speak Hindi', async () => {
    onTestFinished(() => switchLanguage('en'));
    await act(() => switchLanguage('hi'));
    const failedReminder = {
      id: 4,
      appointmentId: 7,
      patientId: 3,
      patientName: 'Asha Verma',
      kind: 'REMINDER' as const,
      channel: 'WHATSAPP' as const,
      status: 'UNDELIVERED' as const,
      body: null,
      dueAt: '2026-12-02T06:00:00.000Z',
      sentAt: '2026-12-02T06:00:01.000Z',
      deliveredAt: null,
      attempts: 1,
      error: 'Twilio error 63016',
    };
    const reply = {
      id: 9,
      channel: 'SMS' as const,
      fromAddress: null,
      body: null,
      patientId: 3,
      patientName: 'Asha Verma',
      appointmentId: 7,
      action: 'CONFIRMED' as const,
      receivedAt: '2026-12-02T05:00:00.000Z',
      handledAt: null,
    };
    const template = {
      id: 4,
      kind: 'REMINDER' as const,
      language: 'en',
      channel: 'SMS' as const,
      subject: null,
      body: 'Reminder: {patient}',
      dltEntityId: null,
      dltTemplateId: null,
      whatsappContentSid: null,
      segments: { encoding: 'GSM-7' as const, units: 19, segments: 2 },
    };
    const fake = show(
      <>
        <AppointmentMessages appointment={appointment} />
        <MessagingSettingsPanel />
      </>,
      {
        'messaging.forAppointment': () => ok({ messages: [failedReminder], replies: [reply] }),
        'messaging.getSettings': () => ok(settings),
        'messaging.failures': () => ok([failedReminder]),
        'messaging.templates': () => ok([template]),
        'messaging.sendNow': () => ok({ ...failedReminder, id: 5, status: 'QUEUED' as const, error: null }),
      },
    );

    const list = await screen.findByRole('list', { name: 'मरीज़ को भेजे गए मैसेज' });
    expect(list.textContent).toContain('WhatsApp से रिमाइंडर · नहीं पहुँचा — Twilio error 63016');
    expect(list.textContent).toContain('मरीज़ ने पुष्टि की: (रखने की अवधि पूरी होने पर लिखा हुआ मिटा दिया गया)');
    expect(screen.getByText('मैसेज (2)')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'अभी रिमाइंडर भेजें' })));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'messaging.sendNow')).toBe(true));

    const form = await screen.findByRole('form', { name: 'मैसेज की सेटिंग' });
    expect(within(form).getByText('सेव है। रखने के लिए खाली छोड़ें; बदलने के लिए नया लिखें।')).toBeTruthy();
    const offsets = within(form).getByLabelText(/^रिमाइंडर, इतने मिनट पहले/);
    fireEvent.change(offsets, { target: { value: 'एक घंटा' } });
    fireEvent.click(within(form).getByRole('button', { name: 'मैसेज की सेटिंग सेव करें' }));
    expect(await within(form).findByText('कॉमा से अलग पूरे मिनट, जैसे 1440, 120')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'messaging.updateSettings')).toBe(false);
    const failed = screen.getByRole('table', { name: 'जो मैसेज नहीं जा पाए' });
    expect(within(failed).getByText('WhatsApp से रिमाइंडर')).toBeTruthy();

    const templates = screen.getByRole('form', { name: 'मैसेज टेम्पलेट' });
    const select = within(templates).getByLabelText('टेम्पलेट');
    await waitFor(() => expect(select.textContent).toContain('रिमाइंडर · अंग्रेज़ी (English) · SMS · SMS के 2 हिस्से (GSM-7)'));

    expect(document.body.textContent).not.toMatch(
      /Messages to the patient|Reminder by|not delivered|the patient confirmed|Messages that failed|Save messaging|Whole minutes|Choose a template/,
    );
  });
});
