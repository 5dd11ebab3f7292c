import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../preload/contract';
import { switchLanguage } from '../../renderer/i18n';
import { closeGlobal } from '../../renderer/stores/global-dialogs';
import { sessionFor } from './fake-clinic';
import { appointmentType, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

const CLASH_WORDS = 'The doctor already has an appointment then';

// Issue 16 on the schedule and in the booking dialog it opens: a user whose language is Hindi
// reads every word of them in Hindi; only the clinic's data (names, specializations) stays as typed.

/** The fake desk's schedule, opened from the frame by a user of `role` whose language is Hindi. */
async function openInHindi(desk: ReturnType<typeof fakeDesk>, role: Role = 'RECEPTIONIST') {
  const session = { ...sessionFor(role), language: 'hi' as const };
  await renderDesk(desk, { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session } }) });
  fireEvent.click(within(await screen.findByRole('navigation', { name: 'सेक्शन' })).getByRole('button', { name: 'शेड्यूल' }));
}

/** As openInHindi, once its columns are drawn. */
async function hindiSchedule(desk = fakeDesk(), role: Role = 'RECEPTIONIST') {
  await openInHindi(desk, role);
  // A doctor opens on their own week, the desk on everyone's day.
  await (role === 'DOCTOR' ? screen.findAllByRole('region') : screen.findByRole('region', { name: 'Dr. Sara Khan' }));
  return desk;
}

/** Everything a user reads or hears in `el`: its text, and the names of its controls and regions. */
const wordsIn = (el: Element) => [el.textContent ?? '', ...[...el.querySelectorAll('[aria-label]')].map((x) => x.getAttribute('aria-label')!)].join('\n');

/** `words` less the clinic's data the desk shows as typed; what is left is the desk's own words. */
function ownWords(words: string, desk: ReturnType<typeof fakeDesk>) {
  const data = [
    ...desk.state.doctors.flatMap((d) => [d.name, d.specialization ?? '']),
    ...desk.state.patients.map((p) => p.name),
    ...desk.state.types.map((t) => t.name),
  ];
  return data.filter(Boolean).reduce((left, typed) => left.replaceAll(typed, ''), words);
}

describe('the schedule in Hindi', () => {
  afterEach(() => {
    cleanup();
    closeGlobal();
    return switchLanguage('en');
  });

  it('shows the day’s controls, blocks, legend and running-late button in Hindi, with no English word left', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { checkedInAt: new Date().toISOString(), tokenNo: 1 });
    desk.add(2, 2, '10:00');
    desk.add(2, 1, '11:00', { status: 'CANCELLED', cancelReason: 'बुखार ठीक हो गया' });
    await hindiSchedule(desk);
    const schedule = document.querySelector('.schedule-screen')!;

    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/^[\u0900-\u097F]+, \d+ [\u0900-\u097F]+ \d{4}$/);
    const view = screen.getByRole('group', { name: 'कैसे दिखाएँ' });
    expect(within(view).getByRole('button', { name: 'दिन', pressed: true })).toBeTruthy();
    expect(within(view).getByRole('button', { name: 'हफ़्ता', pressed: false })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'पिछला दिन' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'अगला दिन' })).toBeTruthy();
    expect(within(schedule as HTMLElement).getByRole('button', { name: 'आज' })).toBeTruthy();
    expect((screen.getByLabelText('तारीख') as HTMLInputElement).value).toBe(TODAY);
    expect(within(screen.getByLabelText('विशेषज्ञता')).getByRole('option', { name: 'सभी' })).toBeTruthy();
    expect(screen.getByLabelText('हर लाइन में कितने मिनट')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'बुक करें…' })).toBeTruthy();

    // The blocks name the status in Hindi (the common words), and say a patient has checked in.
    expect(await screen.findByRole('button', { name: '09:00–09:15 Asha Verma, तय, चेक-इन हो गया' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '10:00–10:15 Ravi Kumar, तय' })).toBeTruthy();
    const late = screen.getByRole('button', { name: 'Dr. Anil Rao: देर से चल रहे हैं…' });
    expect(late.textContent).toBe('देरी…');

    const legend = screen.getByLabelText('रंगों का मतलब');
    for (const word of ['काम के घंटे', 'बुक', 'चेक-इन हो गया', 'पूरा हुआ', 'नहीं आए']) expect(legend.textContent).toContain(word);
    fireEvent.click(within(legend).getByRole('checkbox', { name: 'रद्द हुए भी दिखाएँ (1)' }));
    expect(await screen.findByRole('button', { name: '11:00–11:15 Ravi Kumar, रद्द' })).toBeTruthy();

    // Nothing of the desk's own is left in English: without the names, no Latin letter remains.
    expect(ownWords(wordsIn(schedule), desk)).not.toMatch(/[A-Za-z]/);
  });

  it('shows a doctor’s week in Hindi, and names its days afresh when the language changes back to English', async () => {
    await hindiSchedule(fakeDesk(), 'DOCTOR');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toMatch(/ से शुरू हफ़्ता$/);
    expect(screen.getByRole('button', { name: 'हफ़्ता', pressed: true })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'पिछला हफ़्ता' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'अगला हफ़्ता' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'डॉक्टर' })).toBeTruthy();
    const days = () => screen.getAllByRole('region').map((r) => r.getAttribute('aria-label')!);
    await waitFor(() => expect(days()).toHaveLength(7));
    for (const day of days()) expect(day).toMatch(/^[\u0900-\u097F]+ \d+ [\u0900-\u097F]+/);

    await act(() => switchLanguage('en'));
    expect(await screen.findByRole('heading', { name: /^Week of / })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Previous week' })).toBeTruthy();
    await waitFor(() => expect(days()[0]).toMatch(/^Mon \d+ [A-Z][a-z]+$/));
    for (const day of days()) expect(day).not.toMatch(/[\u0900-\u097F]/);
  });

  it('says in Hindi that there are no doctors to show, and where an administrator adds them', async () => {
    const desk = fakeDesk();
    desk.state.doctors.length = 0;
    await openInHindi(desk);
    expect(await screen.findByText('दिखाने के लिए कोई डॉक्टर नहीं है। एडमिन “डॉक्टर” सेक्शन में डॉक्टर और उनके समय जोड़ते हैं।')).toBeTruthy();
    expect(screen.queryByText(/No doctors to show/)).toBeNull();
  });

  it('books from the schedule in Hindi: free time picked on the grid, the type, the series preview and the toast', async () => {
    const desk = fakeDesk();
    desk.state.types.push(
      appointmentType({
        id: 8,
        name: 'Consultation',
        durationMinutes: 30,
        fee: '600.00',
        bufferAfterMinutes: 5,
        doctors: [{ doctorId: 1, fee: null, durationMinutes: null, isDefault: true }],
      }),
    );
    desk.handlers['appointments.previewSeries'] = (req) => ({
      ok: true,
      value: {
        occurrences: [
          { date: req.startDate, startTime: '09:00:00', endTime: '09:30:00', problem: null, suggestion: null },
          {
            date: '2099-03-09',
            startTime: '09:00:00',
            endTime: '09:30:00',
            problem: { kind: 'CLASH', message: CLASH_WORDS, phrase: { text: CLASH_WORDS } },
            suggestion: { date: '2099-03-09', startTime: '09:45:00', endTime: '10:15:00' },
          },
        ],
      },
    });
    await hindiSchedule(desk, 'ADMIN');

    // 08:00 is the top of the grid; 96 px at 1.6 px a minute is 09:00.
    const column = screen.getByRole('region', { name: 'Dr. Anil Rao' });
    fireEvent.pointerDown(column, { button: 0, clientY: 96 });
    fireEvent.pointerUp(column);
    const box = await screen.findByRole('dialog', { name: 'अपॉइंटमेंट बुक करें' });
    const form = within(box).getByRole('form', { name: 'अपॉइंटमेंट' });
    expect((within(form).getByLabelText(/^शुरू होने का समय/) as HTMLInputElement).value).toBe('09:00');
    const type = (await within(form).findByRole('combobox', { name: 'अपॉइंटमेंट का प्रकार' })) as HTMLSelectElement;
    await waitFor(() => expect(type.value).toBe('8'));
    expect(within(type).getByRole('option', { name: 'कोई प्रकार नहीं (समय खुद तय करें)' })).toBeTruthy();
    expect(within(form).getByLabelText('प्रकार की जानकारी').textContent).toBe(' 30 मिनट · ₹600.00 · पहले 0 मिनट और बाद में 5 मिनट खाली रखता है');
    expect(within(form).getByText('09:30 पर खत्म')).toBeTruthy();
    expect(await within(form).findByRole('group', { name: 'अगले खाली समय' })).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: 'डॉक्टर के समय के बाहर' })).toBeTruthy();
    const patient = within(box).getByRole('combobox', { name: 'मरीज़' });
    fireEvent.change(patient, { target: { value: 'asha' } });
    await within(box).findByRole('option', { name: /Asha Verma/ });
    fireEvent.keyDown(patient, { key: 'Enter' });
    await within(box).findByRole('group', { name: 'मरीज़' });

    // "Repeat": the preview names the occurrence in the way, offering its next free time or a skip in Hindi.
    fireEvent.click(within(form).getByRole('checkbox', { name: 'दोहराएँ' }));
    expect(within(form).getByRole('option', { name: 'हफ़्ते' })).toBeTruthy();
    expect(within(form).getByRole('radio', { name: 'तय संख्या में अपॉइंटमेंट' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: 'किसी तारीख तक' }));
    expect(within(form).getByLabelText('आखिरी दिन')).toBeTruthy();
    fireEvent.click(within(form).getByRole('radio', { name: 'तय संख्या में अपॉइंटमेंट' }));
    fireEvent.click(within(form).getByRole('button', { name: 'सीरीज़ देखें' }));
    const series = await within(form).findByRole('list', { name: 'सीरीज़ के अपॉइंटमेंट' });
    expect(within(series).getByRole('radio', { name: /^इसकी जगह [\u0900-\u097F]+ 9 [\u0900-\u097F]+ 09:45–10:15 बुक करें$/ })).toBeTruthy();
    expect(within(series).getByRole('radio', { name: 'इसे छोड़ दें' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: '2 अपॉइंटमेंट बुक करें' })).toBeTruthy();

    // Main's refusals stay in main's words; every other word of the dialog is Hindi.
    // Main's own sentence too: the occurrence's problem is said from the refusals catalogue.
    expect(within(box).getByText('उस समय डॉक्टर का पहले से अपॉइंटमेंट है')).toBeTruthy();
    expect(ownWords(wordsIn(box), desk)).not.toMatch(/[A-Za-z]/);

    // One booking, as the grid offered it: the toast says so in Hindi.
    fireEvent.click(within(form).getByRole('checkbox', { name: 'दोहराएँ' }));
    fireEvent.click(within(form).getByRole('button', { name: 'बुक करें' }));
    expect(await screen.findByText(/^Asha Verma का Dr\. Anil Rao के साथ अपॉइंटमेंट बुक हुआ, [\u0900-\u097F]+ \d+ [\u0900-\u097F]+ 09:00$/)).toBeTruthy();
    expect(desk.state.appointments).toMatchObject([{ patientName: 'Asha Verma', doctorId: 1, startTime: '09:00:00' }]);
    expect(await screen.findByRole('button', { name: /^09:00–\d\d:\d\d Asha Verma, तय$/ })).toBeTruthy();
  });
});
