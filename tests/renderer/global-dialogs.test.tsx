import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGlobal, openGlobal, useGlobalDialog } from '../../renderer/stores/global-dialogs';
import { fakeDesk } from './fake-desk';
import { renderDesk } from './render-app';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];

afterEach(() => {
  cleanup();
  closeGlobal();
});

describe('global dialog registry', () => {
  it('holds one open dialog by id with what it was opened with, and closes it', () => {
    openGlobal('walkin');
    expect(useGlobalDialog.getState().open).toEqual({ id: 'walkin', payload: undefined });
    openGlobal('newPatient', { initialName: 'Meera' });
    expect(useGlobalDialog.getState().open).toEqual({ id: 'newPatient', payload: { initialName: 'Meera' } });
    closeGlobal();
    expect(useGlobalDialog.getState().open).toBeNull();
  });

  it("opens the booking dialog from a patient's record with that patient filled in", async () => {
    await renderDesk(fakeDesk());
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.keyDown(window, { ctrlKey: true, key: 'k', code: 'KeyK' });
    const palette = await screen.findByRole('dialog', { name: 'Go to or do' });
    const input = within(palette).getByRole('combobox', { name: 'Command or patient' });
    fireEvent.change(input, { target: { value: 'ravi' } });
    await within(palette).findByRole('option', { name: /Open patient Ravi Kumar/ });
    fireEvent.keyDown(input, { key: 'Enter' });
    await screen.findByRole('heading', { name: 'Ravi Kumar' });
    fireEvent.click(screen.getByRole('button', { name: 'Book appointment…' }));
    const box = await screen.findByRole('dialog', { name: 'Book an appointment' });
    expect(within(within(box).getByRole('group', { name: 'Patient' })).getByText(/Ravi Kumar/)).toBeTruthy();
  });

  it('opens the new-patient dialog from its shortcut (Alt+R)', async () => {
    await renderDesk(fakeDesk());
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.keyDown(window, { altKey: true, code: 'KeyR', key: 'r' });
    expect(await screen.findByRole('dialog', { name: /new patient/i })).toBeTruthy();
  });
});
