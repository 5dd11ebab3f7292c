import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, storedTheme } from '../../renderer/lib/theme';
import { fakeDesk } from './fake-desk';
import { renderDesk } from './render-app';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];

/** The OS's settings as matchMedia reports them, switchable while the page runs. */
function fakeSystem() {
  const prefs = { dark: false, contrast: false };
  const listeners = new Set<() => void>();
  window.matchMedia = ((query: string) => ({
    get matches() {
      return query.includes('contrast') ? prefs.contrast : prefs.dark;
    },
    addEventListener: (_: string, fn: () => void) => listeners.add(fn),
    removeEventListener: (_: string, fn: () => void) => listeners.delete(fn),
  })) as unknown as typeof window.matchMedia;
  return {
    listeners,
    set(next: Partial<typeof prefs>) {
      Object.assign(prefs, next);
      for (const fn of [...listeners]) fn();
    },
  };
}

const shown = () => document.documentElement.dataset.theme;

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

describe('the theme', () => {
  it('is kept per PC and applied at once; an unknown stored value falls back to the system', () => {
    chooseTheme('dark');
    expect(shown()).toBe('dark');
    expect(storedTheme()).toBe('dark');
    localStorage.setItem('clinic-desk.theme', 'neon');
    expect(storedTheme()).toBe('system');
  });

  it('follows the system’s dark and more-contrast settings as they change, until another is chosen', () => {
    const system = fakeSystem();
    applyTheme('system');
    expect(shown()).toBe('light');
    system.set({ dark: true });
    expect(shown()).toBe('dark');
    system.set({ contrast: true });
    expect(shown()).toBe('contrast');
    chooseTheme('light');
    expect(system.listeners.size).toBe(0);
    system.set({ contrast: false });
    expect(shown()).toBe('light');
  });

  it('is chosen in the bar, and the next start on this PC opens with it', async () => {
    fakeSystem();
    applyTheme(storedTheme());
    await renderDesk(fakeDesk());
    const picker = (await screen.findByLabelText('Theme')) as HTMLSelectElement;
    expect(picker.value).toBe('system');
    fireEvent.change(picker, { target: { value: 'contrast' } });
    expect(shown()).toBe('contrast');
    cleanup();
    await renderDesk(fakeDesk());
    expect(((await screen.findByLabelText('Theme')) as HTMLSelectElement).value).toBe('contrast');
  });
});
