import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import { closeGlobal } from '../../renderer/stores/global-dialogs';
import { fakeDesk } from './fake-desk';
import { renderApp, renderDesk } from './render-app';
import { sessionFor } from './fake-clinic';

const hindi = { ...sessionFor('RECEPTIONIST'), language: 'hi' as const };

/** The fake desk (doctors, patients) as a receptionist whose language is Hindi sees it. */
async function hindiDesk() {
  await renderDesk(fakeDesk(), { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }) });
  await screen.findByRole('heading', { name: /^आज · / });
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

    // An emergency without its reason is refused in Hindi too, at the reason box.
    const patient = within(box).getByRole('combobox', { name: 'मरीज़' });
    fireEvent.change(patient, { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(patient, { key: 'Enter' });
    await within(box).findByRole('group', { name: 'मरीज़' });
    fireEvent.change(within(form).getByRole('combobox', { name: /^डॉक्टर/ }), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('checkbox', { name: 'इमरजेंसी' }));
    fireEvent.click(within(form).getByRole('button', { name: 'आज की कतार में जोड़ें' }));
    const why = within(form).getByRole('textbox', { name: 'इमरजेंसी क्यों है' });
    await waitFor(() => expect(why.getAttribute('aria-invalid')).toBe('true'));
    expect(within(form).getByRole('alert').textContent).toBe('बताएँ कि यह इमरजेंसी क्यों है');
  });
});
