import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import type { ChangeEvent, InboundDto, PatientMessagingDto, Res } from '../../preload/contract';
import { clinicWrapper, fakeClinic, installClinic, type FakeHandlers } from './fake-clinic';
import { fakeDesk, TODAY } from './fake-desk';

// The screens are rendered by themselves, with no Loading around them to wait in while their words arrive.
beforeAll(() => import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces('messaging')));

/** The screens read window.clinic when their module loads: install the fake (over the fake desk's settings and doctors), then import them afresh. */
async function withClinic(handlers: FakeHandlers) {
  const fake = fakeClinic({ ...fakeDesk().handlers, ...handlers });
  installClinic(fake.api);
  vi.resetModules();
  const modules = {
    ...(await import('../../renderer/features/messaging/PatientMessaging')),
    ...(await import('../../renderer/features/messaging/InboxScreen')),
    ...(await import('../../renderer/features/messaging/InboxCount')),
    ...(await import('../../renderer/features/messaging/NoticeDialog')),
    ...(await import('../../renderer/features/messaging/SendVideoLink')),
    ...(await import('../../renderer/ui/toasts')),
  };
  return { fake, ...modules, wrapper: await clinicWrapper() };
}

const ok = <T,>(value: T) => ({ ok: true as const, value });
const change = (c: Partial<ChangeEvent>): ChangeEvent => ({
  op: 'INSERT',
  id: null,
  doctorId: null,
  patientId: null,
  appointmentId: null,
  date: null,
  oldDoctorId: null,
  oldDate: null,
  ...c,
});
const callsTo = <C extends string>(calls: { channel: string; payload: unknown }[], channel: C) =>
  calls.filter((c) => c.channel === channel).map((c) => c.payload);

const prefs: PatientMessagingDto = {
  patientId: 3,
  channel: null,
  language: null,
  kindsOff: ['THANK_YOU'],
  consents: [{ channel: 'SMS', givenAt: null, givenHow: null, withdrawnAt: '2026-12-01T09:30:00.000Z', withdrawnHow: 'Replied STOP on SMS' }],
  defaultChannel: 'SMS',
  defaultLanguage: 'en',
};

const reply = (id: number, body: string, extra: Partial<InboundDto> = {}): InboundDto => ({
  id,
  channel: 'SMS',
  fromAddress: '+919811000001',
  body,
  patientId: 1,
  patientName: 'Asha Verma',
  appointmentId: 40,
  appointmentDate: '2026-12-07',
  appointmentTime: '10:30:00',
  doctorName: 'Dr. Anil Rao',
  action: 'INBOX',
  receivedAt: '2026-12-02T08:15:00.000Z',
  handledAt: null,
  ...extra,
});

describe('messaging at the desk', () => {
  afterEach(cleanup);

  it('a patient’s messaging preferences: shows the defaults and the STOP, saves channel, language and kinds, and a refusal lands on its field', async () => {
    let saved = prefs;
    const { fake, PatientMessaging, wrapper } = await withClinic({
      'messaging.patientPrefs': () => ok(saved),
      'messaging.savePatientPrefs': (req) => {
        if (req.channel === 'EMAIL') return { ok: false, error: { code: 'INVALID', message: 'This patient has no e-mail address', field: 'channel' } };
        saved = { ...saved, channel: req.channel, language: req.language, kindsOff: req.kindsOff };
        return ok(saved);
      },
    });
    render(<PatientMessaging patientId={3} />, { wrapper });
    const form = await screen.findByRole('form', { name: 'Messaging preferences' });
    expect(within(form).getByRole('option', { name: 'Clinic default (SMS)' })).toBeTruthy();
    expect(within(form).getByText(/opted out of SMS \(Replied STOP on SMS\)/)).toBeTruthy();
    expect((within(form).getByRole('checkbox', { name: 'Thank-you' }) as HTMLInputElement).checked).toBe(false);
    expect((within(form).getByRole('checkbox', { name: 'Reminder' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('list', { name: 'Consent per channel' }).textContent).toContain('SMS: opted out');

    fireEvent.change(within(form).getByLabelText('Send messages by'), { target: { value: 'EMAIL' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save messaging preferences' })));
    expect(await within(form).findByText('This patient has no e-mail address')).toBeTruthy();

    fireEvent.change(within(form).getByLabelText('Send messages by'), { target: { value: 'WHATSAPP' } });
    expect(within(form).getByText(/WhatsApp messages go only to patients who opted in/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Language'), { target: { value: 'hi' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'Reminder' }));
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Save messaging preferences' })));
    await waitFor(() => expect(callsTo(fake.calls, 'messaging.savePatientPrefs')).toHaveLength(2));
    expect(callsTo(fake.calls, 'messaging.savePatientPrefs')[1]).toEqual({
      patientId: 3,
      channel: 'WHATSAPP',
      language: 'hi',
      kindsOff: ['REMINDER', 'THANK_YOU'],
    });
  });

  it('records consent with how it was given; an empty "how" is refused on its field and nothing is sent; a START heard live shows', async () => {
    let current = prefs;
    const { fake, PatientMessaging, wrapper } = await withClinic({
      'messaging.patientPrefs': () => ok(current),
      'messaging.recordConsent': (req) => {
        current = {
          ...current,
          consents: [
            ...current.consents,
            { channel: req.channel, givenAt: '2026-12-02T10:00:00.000Z', givenHow: req.how, withdrawnAt: null, withdrawnHow: null },
          ],
        };
        return ok(current);
      },
    });
    render(<PatientMessaging patientId={3} />, { wrapper });
    const form = await screen.findByRole('form', { name: 'Record consent' });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Record consent' })));
    expect(await within(form).findByText('Say how the patient said so')).toBeTruthy();
    expect(callsTo(fake.calls, 'messaging.recordConsent')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Channel'), { target: { value: 'WHATSAPP' } });
    fireEvent.change(within(form).getByLabelText('How they said so'), { target: { value: 'Signed the registration form' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Record consent' })));
    const list = screen.getByRole('list', { name: 'Consent per channel' });
    await waitFor(() => expect(list.textContent).toMatch(/WhatsApp: consent given .* — Signed the registration form/));
    expect(callsTo(fake.calls, 'messaging.recordConsent')).toEqual([{ patientId: 3, channel: 'WHATSAPP', given: true, how: 'Signed the registration form' }]);

    // The patient texts START on another PC's watch: main's event makes this record read again.
    current = {
      ...current,
      consents: current.consents.map((c) =>
        c.channel === 'SMS' ? { ...c, givenAt: '2026-12-02T11:00:00.000Z', givenHow: 'Replied START on SMS', withdrawnAt: null, withdrawnHow: null } : c,
      ),
    };
    act(() => fake.emit('messaging.prefsChanged', change({ op: 'UPDATE', patientId: 3 })));
    await waitFor(() => expect(list.textContent).toMatch(/SMS: consent given .* — Replied START on SMS/));
  });

  it('the inbox lists who wrote what, when and about which appointment; marking handled and a reply arriving elsewhere update it and the count', async () => {
    let open = [
      reply(1, 'Can I come at 6 instead?'),
      reply(2, 'Wrong number', { patientId: null, patientName: null, appointmentId: null, fromAddress: '+919800000000' }),
    ];
    const { fake, InboxScreen, InboxCount, wrapper } = await withClinic({
      'messaging.inbox': () => ok(open),
      'messaging.inboxCount': () => ok({ open: open.length }),
      'messaging.markHandled': ({ id }) => {
        open = open.filter((m) => m.id !== id);
        return ok(null);
      },
    });
    render(
      <>
        <InboxCount />
        <InboxScreen />
      </>,
      { wrapper },
    );
    const table = await screen.findByRole('table', { name: 'Replies to deal with' });
    const rows = () => within(table).getAllByRole('row').slice(1);
    expect(rows().map((r) => r.textContent)).toEqual([
      expect.stringMatching(/^Asha Verma“Can I come at 6 instead\?” by SMS2026-12-02 08:15Mon 2026-12-07 10:30 with Dr\. Anil RaoMark handled$/),
      expect.stringMatching(/^\+919800000000 \(not a known patient\)“Wrong number” by SMS.*—Mark handled$/),
    ]);
    expect((await screen.findByLabelText('2 waiting')).textContent).toBe('2');

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Mark the reply from Asha Verma handled' })));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(callsTo(fake.calls, 'messaging.markHandled')).toEqual([{ id: 1 }]);
    expect((await screen.findByLabelText('1 waiting')).textContent).toBe('1');

    open = [...open, reply(3, 'Is parking free?', { patientId: 2, patientName: 'Ravi Kumar', appointmentId: null })];
    act(() => fake.emit('messaging.inboxChanged', change({ id: 3, patientId: 2 })));
    await waitFor(() => expect(rows().map((r) => r.textContent)).toContainEqual(expect.stringContaining('“Is parking free?”')));
    expect((await screen.findByLabelText('2 waiting')).textContent).toBe('2');
  });

  it('a notice: preview with the count and one patient’s message, then confirm, then the result; a refusal lands on the day', async () => {
    const { fake, NoticeDialog, wrapper } = await withClinic({
      'messaging.noticePreview': (req) =>
        req.date === '2020-01-01'
          ? { ok: false, error: { code: 'INVALID', message: 'That day has passed', field: 'date' } }
          : ok({
              count: 3,
              sample: {
                appointmentId: 40,
                patientName: 'Asha Verma',
                body: 'Asha Verma, Dr. Anil Rao is running about 30 minutes late today.',
                segments: { encoding: 'GSM-7', units: 64, segments: 1 },
              },
            }),
      'messaging.notice': () => ok({ queued: 2, alreadyTold: 0, notReached: 1 }),
    });
    const onClose = vi.fn();
    render(<NoticeDialog onClose={onClose} />, { wrapper });
    const form = await screen.findByRole('form', { name: 'Write the notice' });
    expect((within(form).getByLabelText('Day') as HTMLInputElement).value).toBe(TODAY);
    fireEvent.click(within(form).getByRole('button', { name: 'Doctor is late' }));
    fireEvent.change(within(form).getByLabelText('Doctor'), { target: { value: '2' } });
    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2020-01-01' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Preview…' })));
    expect(await within(form).findByText('That day has passed')).toBeTruthy();
    expect(callsTo(fake.calls, 'messaging.notice')).toEqual([]);

    fireEvent.change(within(form).getByLabelText('Day'), { target: { value: '2099-01-05' } });
    await act(async () => fireEvent.click(within(form).getByRole('button', { name: 'Preview…' })));
    expect(await screen.findByText('3 patients')).toBeTruthy();
    expect(screen.getByLabelText('The first patient’s message').textContent).toBe('Asha Verma, Dr. Anil Rao is running about 30 minutes late today.');
    expect(callsTo(fake.calls, 'messaging.notice')).toEqual([]);

    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send to 3 patients' })));
    expect(await screen.findByText(/Notice queued for 2 patients; 1 patient cannot be reached/)).toBeTruthy();
    const sent = callsTo(fake.calls, 'messaging.notice') as { doctorId: number; date: string; text: string }[];
    expect(sent).toEqual([{ doctorId: 2, date: '2099-01-05', text: expect.stringContaining('{doctor} is running about 30 minutes late') }]);
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalled();
  });

  it('"send video link" queues the join link through the outbox and says so; a refusal is said as main says it', async () => {
    const queued: Res<'messaging.sendNow'> = {
      id: 9,
      appointmentId: 40,
      patientId: 1,
      patientName: 'Asha Verma',
      kind: 'VIDEO_LINK',
      channel: 'SMS',
      status: 'QUEUED',
      body: null,
      dueAt: '2026-12-02T08:00:00.000Z',
      sentAt: null,
      deliveredAt: null,
      attempts: 0,
      error: null,
    };
    let refuse = false;
    const { fake, SendVideoLink, useToasts, wrapper } = await withClinic({
      'messaging.sendNow': () =>
        refuse ? { ok: false, error: { code: 'CONFLICT', message: 'Patient messaging is switched off in the messaging settings' } } : ok(queued),
    });
    const desk = fakeDesk();
    const a = desk.add(1, 1, '10:00:00');
    render(<SendVideoLink appointment={a} />, { wrapper });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the video link to Asha Verma' })));
    expect(callsTo(fake.calls, 'messaging.sendNow')).toEqual([{ appointmentId: a.id, kind: 'VIDEO_LINK' }]);
    await waitFor(() => expect(useToasts.getState().toasts.map((t) => t.text)).toContain('Video link for Asha Verma queued: it goes out within moments'));
    refuse = true;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Send the video link to Asha Verma' })));
    await waitFor(() =>
      expect(useToasts.getState().toasts).toContainEqual(
        expect.objectContaining({ tone: 'error', text: 'Patient messaging is switched off in the messaging settings' }),
      ),
    );
  });
});

describe('messaging at the desk in Hindi', () => {
  afterEach(cleanup);

  it('a patient’s choices and consent, the inbox and its count, a notice and the video link speak Hindi', async () => {
    onTestFinished(() => switchLanguage('en'));
    await act(() => switchLanguage('hi'));
    const { fake, PatientMessaging, InboxScreen, InboxCount, NoticeDialog, SendVideoLink, useToasts, wrapper } = await withClinic({
      'messaging.patientPrefs': () => ok(prefs),
      'messaging.inbox': () => ok([reply(1, 'क्या मैं 6 बजे आ सकता हूँ?')]),
      'messaging.inboxCount': () => ok({ open: 1 }),
      'messaging.noticePreview': () =>
        ok({
          count: 3,
          sample: { appointmentId: 40, patientName: 'Asha Verma', body: 'Asha Verma, डॉक्टर देर से हैं।', segments: { encoding: 'UCS-2', units: 30, segments: 1 } },
        }),
      'messaging.notice': () => ok({ queued: 2, alreadyTold: 0, notReached: 1 }),
      'messaging.sendNow': () => ({ ok: false, error: { code: 'CONFLICT', message: 'Patient messaging is switched off in the messaging settings' } }),
    });
    const a = fakeDesk().add(1, 1, '10:00:00');
    render(
      <>
        <PatientMessaging patientId={3} />
        <InboxCount />
        <InboxScreen />
        <SendVideoLink appointment={a} />
      </>,
      { wrapper },
    );

    // The patient's choices: the clinic's default, the STOP they sent, the kinds, the consent.
    const form = await screen.findByRole('form', { name: 'मैसेज की पसंद' });
    expect(within(form).getByRole('option', { name: 'क्लिनिक का डिफ़ॉल्ट (SMS)' })).toBeTruthy();
    expect(within(form).getByRole('option', { name: 'क्लिनिक का डिफ़ॉल्ट (अंग्रेज़ी (English))' })).toBeTruthy();
    expect(within(form).getByText(/^मरीज़ ने SMS पर मैसेज बंद करवाए हैं \(Replied STOP on SMS\)/)).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: 'धन्यवाद' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'हर चैनल पर सहमति' }).textContent).toMatch(/^SMS: .* को मैसेज बंद करवाए — Replied STOP on SMS/);
    expect(screen.getByRole('form', { name: 'सहमति दर्ज करें' })).toBeTruthy();

    // The inbox, and the navigation's count of what waits.
    const table = await screen.findByRole('table', { name: 'जिन जवाबों पर ध्यान देना है' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toMatch(/SMS से: “क्या मैं 6 बजे आ सकता हूँ\?”.*10:30, Dr\. Anil Rao के साथनिपट गया$/);
    expect((await screen.findByLabelText('1 इंतज़ार में')).textContent).toBe('1');
    expect(screen.getByRole('button', { name: 'Asha Verma का जवाब निपटा हुआ दर्ज करें' })).toBeTruthy();

    // The video link: its button in Hindi; main's refusal is said as main says it.
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Asha Verma को वीडियो लिंक भेजें' })));
    await waitFor(() => expect(useToasts.getState().toasts.map((t) => t.text)).toContain('Patient messaging is switched off in the messaging settings'));
    expect(document.body.textContent).not.toMatch(/Messaging preferences|Clinic default|opted out|Consent|Replies to deal|Mark handled|Send video link/);
    cleanup();

    // A notice: the ready-made text, the count set off in a Hindi sentence, the result.
    render(<NoticeDialog onClose={() => {}} />, { wrapper });
    const notice = await screen.findByRole('form', { name: 'सूचना लिखें' });
    fireEvent.click(within(notice).getByRole('button', { name: 'डॉक्टर देर से हैं' }));
    expect((within(notice).getByLabelText(/^सूचना/) as HTMLTextAreaElement).value).toMatch(/^\{patient\}, \{doctor\} आज लगभग 30 मिनट देर से चल रहे हैं।/);
    await act(async () => fireEvent.click(within(notice).getByRole('button', { name: 'पहले देखें…' })));
    expect((await screen.findByText('3 मरीज़ों')).tagName).toBe('STRONG');
    expect(screen.getByText(/^यह सूचना .* को बुक/)).toBeTruthy();
    expect(screen.getByText('SMS के रूप में: 1 हिस्सा (UCS-2)।')).toBeTruthy();
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '3 मरीज़ों को भेजें' })));
    expect(await screen.findByText('2 मरीज़ों के लिए सूचना कतार में है; 1 मरीज़ तक मैसेज नहीं पहुँच सकता (उन्होंने मैसेज बंद करवाए हैं)।')).toBeTruthy();
    expect(callsTo(fake.calls, 'messaging.notice')).toHaveLength(1);
    expect(document.body.textContent).not.toMatch(/Notice queued|patients|Preview|Doctor is late|will read/);
  });
});
