import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Req } from '../../preload/contract';
import { switchLanguage } from '../../renderer/i18n';
import { closeGlobal } from '../../renderer/stores/global-dialogs';
import { fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';
import { sessionFor } from './fake-clinic';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];
afterEach(() => {
  cleanup();
  closeGlobal();
});

const preview = (req: Req<'messaging.noticePreview'>) => ({
  ok: true as const,
  value: {
    count: 2,
    sample: {
      appointmentId: 1,
      patientName: 'Asha Verma',
      body: `Asha Verma, doctor ${req.doctorId} is running late.`,
      segments: { encoding: 'GSM-7' as const, units: 40, segments: 1 },
    },
  },
});

/** The notice dialog as "Running late…" opens it: that doctor, today, the late text, and nothing sent before the preview is confirmed. */
async function expectLateNotice(fake: Awaited<ReturnType<typeof renderDesk>>, doctorId: number) {
  const dialog = await screen.findByRole('dialog', { name: 'Notice to a doctor’s patients' });
  expect((within(dialog).getByLabelText('Doctor') as HTMLSelectElement).value).toBe(String(doctorId));
  expect((within(dialog).getByLabelText('Day') as HTMLInputElement).value).toBe(TODAY);
  expect((within(dialog).getByLabelText('Notice') as HTMLTextAreaElement).value).toMatch(/^\{patient\}, \{doctor\} is running about 30 minutes late today/);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Preview…' }));
  expect(await within(dialog).findByText(`Asha Verma, doctor ${doctorId} is running late.`)).toBeTruthy();
  expect(fake.calls.filter((c) => c.channel === 'messaging.notice')).toEqual([]);
  fireEvent.click(within(dialog).getByRole('button', { name: 'Send to 2 patients' }));
  expect(await within(dialog).findByText(/Notice queued for 2 patients/)).toBeTruthy();
  expect(fake.calls.filter((c) => c.channel === 'messaging.notice').map((c) => c.payload)).toEqual([
    { doctorId, date: TODAY, text: expect.stringContaining('running about 30 minutes late') },
  ]);
}

describe('"Running late…" tells one doctor’s remaining patients of today through the notice dialog', () => {
  const handlers = {
    'messaging.noticePreview': preview,
    'messaging.notice': () => ({ ok: true as const, value: { queued: 2, alreadyTold: 0, notReached: 0 } }),
  };

  it('from the Today board’s doctor column', async () => {
    const desk = fakeDesk();
    desk.add(1, 2, '16:00');
    const fake = await renderDesk(desk, handlers);
    fireEvent.click(await screen.findByRole('button', { name: 'Dr. Sara Khan is running late…' }));
    await expectLateNotice(fake, 2);
  });

  it('from the schedule’s doctor header, on today only', async () => {
    const fake = await renderDesk(fakeDesk(), handlers);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    await screen.findByRole('region', { name: 'Dr. Sara Khan' });
    fireEvent.click(await screen.findByRole('button', { name: 'Dr. Anil Rao: running late…' }));
    await expectLateNotice(fake, 1);
  });
});

describe('"Running late…" in Hindi', () => {
  afterEach(() => switchLanguage('en'));

  it('is worded in Hindi on the doctor’s column and opens the notice in Hindi', async () => {
    const desk = fakeDesk();
    desk.add(1, 2, '16:00');
    const hindi = { ...sessionFor('RECEPTIONIST'), language: 'hi' as const };
    await renderDesk(desk, { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }) });
    const column = await screen.findByRole('region', { name: 'आज Dr. Sara Khan के साथ' });
    const late = within(column).getByRole('button', { name: 'Dr. Sara Khan देर से चल रहे हैं…' });
    expect(late.textContent).toBe('देर से चल रहे हैं…');
    fireEvent.click(late);
    const dialog = await screen.findByRole('dialog', { name: 'किसी डॉक्टर के मरीज़ों को सूचना' });
    expect((within(dialog).getByLabelText('सूचना') as HTMLTextAreaElement).value).toMatch(/आज लगभग 30 मिनट देर से चल रहे हैं/);
  });
});
