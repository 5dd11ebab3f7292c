import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import { closeGlobal } from '../../renderer/stores/global-dialogs';
import { fakeDesk } from './fake-desk';
import { renderApp, renderDesk } from './render-app';
import { sessionFor } from './fake-clinic';

const hindi = { ...sessionFor('RECEPTIONIST'), language: 'hi' as const };

/** The fake desk (doctors, patients) as a receptionist whose language is Hindi sees it. */
async function hindiDesk(desk = fakeDesk()) {
  await renderDesk(desk, { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }) });
  await screen.findByRole('heading', { name: /^आज · / });
  return desk;
}

/** Asha Verma's appointment at 09:00 today with Dr. Anil Rao, opened from Today in Hindi. */
async function ashaOpened() {
  const desk = fakeDesk();
  const asha = desk.add(1, 1, '09:00');
  await hindiDesk(desk);
  fireEvent.click(await screen.findByRole('button', { name: 'Asha Verma के लिए और' }));
  return { desk, asha, details: await screen.findByRole('dialog', { name: /^Asha Verma — / }) };
}

describe('a desk in Hindi', () => {
  afterEach(() => {
    cleanup();
    closeGlobal();
    return switchLanguage('en');
  });

  it('shows the frame and Today in the user’s language, and switches back at once without a restart', async () => {
    renderApp({
      handlers: {
        'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }),
        'auth.setLanguage': ({ language }) => ({ ok: true, value: { ...hindi, language } }),
      },
    });
    expect(await screen.findByRole('heading', { name: /^आज · / })).toBeTruthy();
    const bar = screen.getByRole('navigation', { name: 'सेक्शन' });
    expect(within(bar).getByRole('button', { name: 'शेड्यूल' })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'आज की गिनती: किसी एक को दबाकर सिर्फ़ वही देखें' })).toBeTruthy();

    const picker = screen.getByRole('combobox', { name: 'भाषा' });
    fireEvent.change(picker, { target: { value: 'en' } });
    expect(await screen.findByRole('heading', { name: /^Today · / })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Sections' })).toBeTruthy();
  });

  it('says in Hindi that the clinic database cannot be reached, and takes it back when it can', async () => {
    const fake = await renderDesk(fakeDesk(), { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }) });
    await screen.findByRole('heading', { name: /^आज · / });
    act(() => fake.emit('connection.changed', { online: false, message: 'The clinic database cannot be reached.' }));
    expect(await screen.findByText(/^क्लिनिक का डेटाबेस नहीं मिल रहा है।/)).toBeTruthy();
    act(() => fake.emit('connection.changed', { online: true, message: 'Connected to the clinic database again.' }));
    await waitFor(() => expect(screen.queryByText(/^क्लिनिक का डेटाबेस नहीं मिल रहा है।/)).toBeNull());
  });

  it('books in Hindi: the booking dialog (Alt+N) asks for the patient, doctor, day and time in Hindi', async () => {
    await hindiDesk();
    fireEvent.keyDown(window, { altKey: true, code: 'KeyN', key: 'n' });
    const box = await screen.findByRole('dialog', { name: 'अपॉइंटमेंट बुक करें' });
    expect(within(box).getByRole('combobox', { name: 'मरीज़' })).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'नया मरीज़…' })).toBeTruthy();
    const form = within(box).getByRole('form', { name: 'अपॉइंटमेंट' });
    const doctor = within(form).getByRole('combobox', { name: /^डॉक्टर/ });
    expect(within(doctor).getByRole('option', { name: 'डॉक्टर चुनें' })).toBeTruthy();
    expect(within(form).getByLabelText(/^तारीख/)).toBeTruthy();
    expect(within(form).getByText('इस दिन से खाली समय दिखाए जाते हैं')).toBeTruthy();
    expect(within(form).getByLabelText(/^शुरू होने का समय/)).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'आने का कारण' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'रद्द करें' })).toBeTruthy();

    // Booking with nobody chosen is refused in Hindi, before anything is sent.
    fireEvent.click(within(form).getByRole('button', { name: 'बुक करें' }));
    expect(await within(form).findByText('पहले मरीज़ चुनें')).toBeTruthy();

    // With a doctor: their next free times; with "Repeat", the series is previewed first.
    fireEvent.change(doctor, { target: { value: '1' } });
    expect(await within(form).findByRole('group', { name: 'अगले खाली समय' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('checkbox', { name: 'दोहराएँ' }));
    expect(await within(form).findByRole('button', { name: 'सीरीज़ देखें' })).toBeTruthy();
    expect(within(form).getByRole('spinbutton', { name: 'कितने अपॉइंटमेंट' })).toBeTruthy();
    expect(within(form).getByRole('checkbox', { name: 'सोम' })).toBeTruthy();
  });

  it('adds a walk-in in Hindi (Alt+W)', async () => {
    await hindiDesk();
    fireEvent.keyDown(window, { altKey: true, code: 'KeyW', key: 'w' });
    const box = await screen.findByRole('dialog', { name: 'वॉक-इन मरीज़' });
    const form = within(box).getByRole('form', { name: 'वॉक-इन' });
    expect(within(box).getByRole('combobox', { name: 'मरीज़' })).toBeTruthy();
    expect(within(form).getByRole('combobox', { name: /^डॉक्टर/ })).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'आने का कारण' })).toBeTruthy();
    fireEvent.click(within(form).getByRole('button', { name: 'आज की कतार में जोड़ें' }));
    expect(await within(form).findByText('पहले मरीज़ चुनें')).toBeTruthy();

    // A priority without its reason is refused in Hindi too, at the reason box.
    const patient = within(box).getByRole('combobox', { name: 'मरीज़' });
    fireEvent.change(patient, { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(patient, { key: 'Enter' });
    await within(box).findByRole('group', { name: 'मरीज़' });
    fireEvent.change(within(form).getByRole('combobox', { name: /^डॉक्टर/ }), { target: { value: '2' } });
    const priority = within(within(form).getByRole('group', { name: 'प्राथमिकता' })).getByRole('combobox', { name: 'पहले बुलाएँ' });
    expect(within(priority).getByRole('option', { name: 'बुज़ुर्ग' })).toBeTruthy();
    fireEvent.change(priority, { target: { value: 'ELDERLY' } });
    fireEvent.click(within(form).getByRole('button', { name: 'आज की कतार में जोड़ें' }));
    const why = within(form).getByRole('textbox', { name: 'इस मरीज़ को पहले क्यों बुलाना है' });
    await waitFor(() => expect(why.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toBe('बताएँ कि इस मरीज़ को पहले क्यों बुलाना है');
  });

  it('cancels in Hindi: asks why in Hindi, refuses without a reason in Hindi, and says so when done', async () => {
    const { desk, asha, details } = await ashaOpened();
    fireEvent.click(within(details).getByRole('button', { name: 'रद्द करें…' }));
    const box = await screen.findByRole('dialog', { name: 'Asha Verma का अपॉइंटमेंट रद्द करें' });
    const form = within(box).getByRole('form', { name: 'अपॉइंटमेंट रद्द करें' });
    expect(within(form).getByRole('button', { name: 'अपॉइंटमेंट रहने दें' })).toBeTruthy();

    fireEvent.click(within(form).getByRole('button', { name: 'अपॉइंटमेंट रद्द करें' }));
    expect(await within(form).findByText('रद्द करने का कारण लिखें')).toBeTruthy();
    const reason = within(form).getByRole('textbox', { name: 'रद्द करने का कारण' });
    fireEvent.change(reason, { target: { value: 'क'.repeat(501) } });
    fireEvent.click(within(form).getByRole('button', { name: 'अपॉइंटमेंट रद्द करें' }));
    expect(await within(form).findByText('ज़्यादा से ज़्यादा 500 अक्षर')).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)!.status).toBe('SCHEDULED');

    fireEvent.change(reason, { target: { value: 'बुखार ठीक हो गया' } });
    fireEvent.click(within(form).getByRole('button', { name: 'अपॉइंटमेंट रद्द करें' }));
    expect(await screen.findByText(/^Asha Verma का अपॉइंटमेंट रद्द हुआ, /)).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)).toMatchObject({ status: 'CANCELLED', cancelReason: 'बुखार ठीक हो गया' });
  });

  it('moves in Hindi: the end before the start and a missing date are refused in Hindi, and nothing moves until it is right', async () => {
    const { desk, asha, details } = await ashaOpened();
    fireEvent.click(within(details).getByRole('button', { name: 'समय बदलें…' }));
    const box = await screen.findByRole('dialog', { name: 'Asha Verma के अपॉइंटमेंट का समय बदलें' });
    expect(within(box).getByText(/^अभी: Dr\. Anil Rao · /)).toBeTruthy();
    const form = within(box).getByRole('form', { name: 'अपॉइंटमेंट का समय बदलें' });
    expect(within(form).getByRole('combobox', { name: 'डॉक्टर' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'जहाँ है वहीं रहने दें' })).toBeTruthy();
    const move = within(form).getByRole('button', { name: 'समय बदलें' });

    fireEvent.change(within(form).getByLabelText('खत्म होने का समय'), { target: { value: '08:30' } });
    fireEvent.click(move);
    expect(await within(form).findByText('खत्म होने का समय शुरू होने के समय के बाद का होना चाहिए')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('तारीख'), { target: { value: '' } });
    fireEvent.click(move);
    expect(await within(form).findByText('तारीख ऐसे लिखें: 2024-01-20')).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)).toMatchObject({ startTime: '09:00:00', endTime: '09:15:00' });

    fireEvent.change(within(form).getByLabelText('तारीख'), { target: { value: asha.date } });
    fireEvent.change(within(form).getByLabelText('शुरू होने का समय'), { target: { value: '10:00' } });
    fireEvent.change(within(form).getByLabelText('खत्म होने का समय'), { target: { value: '10:15' } });
    fireEvent.click(move);
    expect(await screen.findByText(/^Asha Verma का अपॉइंटमेंट अब .* 10:00–10:15, Dr\. Anil Rao के साथ$/)).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)).toMatchObject({ startTime: '10:00:00', endTime: '10:15:00' });
  });

  it('completes with a follow-up in Hindi: a recall of no days, too many days or no number is refused in Hindi', async () => {
    window.print = () => undefined;
    const desk = fakeDesk();
    const asha = desk.add(1, 1, '09:00');
    await hindiDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Asha Verma का चेक-इन करें' }));
    fireEvent.click(await screen.findByRole('button', { name: 'पूरा हुआ, फिर से देखें: Asha Verma' }));
    const box = await screen.findByRole('dialog', { name: 'Asha Verma की विज़िट पूरी करें' });
    const form = within(box).getByRole('form', { name: 'विज़िट पूरी करें' });
    const after = within(form).getByRole('spinbutton', { name: /^फिर कब दिखाना है/ });
    const unit = within(form).getByRole('combobox', { name: 'दिन या हफ़्ते' });
    expect(within(unit).getByRole('option', { name: 'हफ़्ते बाद' })).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'अभी नहीं' })).toBeTruthy();
    const submit = within(form).getByRole('button', { name: 'पूरा करें और फ़ॉलो-अप रखें' });

    fireEvent.change(after, { target: { value: '0' } });
    fireEvent.click(submit);
    expect(await within(form).findByText('कम से कम 1 दिन')).toBeTruthy();
    fireEvent.change(after, { target: { value: '200' } });
    fireEvent.click(submit);
    expect(await within(form).findByText('ज़्यादा से ज़्यादा 730 दिन')).toBeTruthy();
    fireEvent.change(after, { target: { value: '' } });
    fireEvent.click(submit);
    expect(await within(form).findByText('पूरी संख्या लिखें, जैसे 2')).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)!.status).toBe('SCHEDULED');

    fireEvent.change(after, { target: { value: '3' } });
    expect(within(form).getByText(/^फ़ॉलो-अप .* को$/)).toBeTruthy();
    fireEvent.change(within(form).getByRole('textbox', { name: 'फ़ॉलो-अप का कारण' }), { target: { value: 'घाव देखना है' } });
    fireEvent.click(submit);
    expect(await screen.findByText(/^Asha Verma: परामर्श पूरा हुआ — .* से फिर दिखाना है$/)).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)!.status).toBe('COMPLETED');
  });

  it('says a one-click step’s outcome in Hindi: checked in with the token, then completed', async () => {
    const desk = fakeDesk();
    const asha = desk.add(1, 1, '09:00');
    await hindiDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Asha Verma का चेक-इन करें' }));
    expect(await screen.findByText('Asha Verma का चेक-इन हुआ — टोकन 1')).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === asha.id)!.tokenNo).toBe(1);
    fireEvent.click(await screen.findByRole('button', { name: 'पूरा हुआ: Asha Verma' }));
    expect(await screen.findByText('Asha Verma: परामर्श पूरा हुआ')).toBeTruthy();
  });

  it('takes a payment in Hindi: more than is due and a UPI payment without its UTR are refused in Hindi, and nothing is recorded', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await hindiDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Asha Verma से भुगतान लें' }));
    const box = await screen.findByRole('dialog', { name: 'भुगतान — Asha Verma' });
    const form = await within(box).findByRole('form', { name: 'भुगतान लें' });
    const amount = within(form).getByLabelText(/^रकम/) as HTMLInputElement;
    await waitFor(() => expect(amount.value).toBe('500.00'));
    expect(within(box).getByText('देना बाकी').nextElementSibling?.textContent).toBe('₹500.00');
    expect(within(form).getByRole('checkbox', { name: 'बकाया से ज़्यादा लें, एडवांस के तौर पर' })).toBeTruthy();
    const method = within(form).getByRole('combobox', { name: 'भुगतान का तरीका' });
    expect([...(method as HTMLSelectElement).options].map((o) => o.textContent)).toEqual(['नकद', 'कार्ड', 'UPI']);
    expect(within(form).getByRole('button', { name: 'रद्द करें' })).toBeTruthy();
    const take = within(form).getByRole('button', { name: 'भुगतान लें' });

    fireEvent.change(amount, { target: { value: '600' } });
    fireEvent.click(take);
    expect(await within(form).findByText('इस विज़िट के सिर्फ़ ₹500.00 बाकी हैं। ज़्यादा लेने के लिए इसे एडवांस चुनें और कारण बताएँ।')).toBeTruthy();
    expect(amount.getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(amount, { target: { value: '500' } });
    fireEvent.change(method, { target: { value: 'UPI' } });
    expect(within(form).getByRole('checkbox', { name: 'अभी नहीं मिला (पैसे आने पर पक्का करें)' })).toBeTruthy();
    fireEvent.click(take);
    const utr = within(form).getByLabelText('UPI ट्रांज़ैक्शन आईडी (UTR)');
    expect(await within(form).findByText('कार्ड अप्रूवल कोड या UPI ट्रांज़ैक्शन आईडी लिखें')).toBeTruthy();
    expect(utr.getAttribute('aria-invalid')).toBe('true');
    expect(desk.state.payments).toHaveLength(0);

    fireEvent.change(utr, { target: { value: '412345678901' } });
    fireEvent.click(take);
    expect(await within(box).findByText(/^₹500\.00 मिले — रसीद CD-\d{4}-000001।$/)).toBeTruthy();
    expect(within(box).getByRole('button', { name: 'रसीद प्रिंट करें' })).toBeTruthy();
    expect(desk.state.payments).toHaveLength(1);
  });

  it('shows the day end in Hindi: the sums and each entry with its method in words', async () => {
    const desk = fakeDesk();
    const asha = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await desk.handlers['payments.record']!({ appointmentId: asha.id, method: 'CASH', pending: false });
    await hindiDesk(desk);
    fireEvent.click(within(screen.getByRole('navigation', { name: 'सेक्शन' })).getByRole('button', { name: 'भुगतान' }));
    expect(await screen.findByRole('heading', { name: 'भुगतान · दिन का हिसाब' })).toBeTruthy();
    const entries = await screen.findByRole('table', { name: 'सारी एंट्री' });
    const row = within(entries).getByText('Asha Verma').closest('tr')!;
    expect(row.textContent).toContain('₹500.00');
    expect(row.textContent).toContain('नकद');
    expect(within(row).getByRole('button', { name: /^CD-\d{4}-000001 फिर से प्रिंट करें$/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'दिन का हिसाब प्रिंट करें' })).toBeTruthy();
  });

  it('shows money in rupees with Indian grouping, on Today and in the payment dialog', async () => {
    const desk = fakeDesk();
    const ravi = desk.add(2, 1, '11:30', { status: 'COMPLETED', checkedInAt: new Date().toISOString(), completedAt: new Date().toISOString(), tokenNo: 1 });
    await desk.handlers['payments.record']!({ appointmentId: ravi.id, method: 'UPI', amount: '123456', advanceReason: 'सर्जरी का एडवांस', pending: true });
    await hindiDesk(desk);
    const pending = await screen.findByRole('region', { name: 'बाकी भुगतान' });
    expect(within(pending).getByRole('listitem').textContent).toContain('Ravi Kumar · Dr. Anil Rao · ₹1,23,456.00 · UPI');
    fireEvent.click(within(pending).getByRole('button', { name: 'Ravi Kumar का भुगतान पक्का करें' }));
    const box = await screen.findByRole('dialog', { name: /Ravi Kumar/ });
    await waitFor(() => expect(within(box).getAllByText(/₹1,23,456\.00/).length).toBeGreaterThan(0));
    expect(box.textContent).not.toContain('INR');
  });
});
