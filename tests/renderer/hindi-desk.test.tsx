import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import { renderApp } from './render-app';
import { sessionFor } from './fake-clinic';

describe('a desk in Hindi', () => {
  afterEach(() => switchLanguage('en'));

  it('shows the frame and Today in the user’s language, and switches back at once without a restart', async () => {
    const hindi = { ...sessionFor('RECEPTIONIST'), language: 'hi' as const };
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
});
