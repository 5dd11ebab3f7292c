import { configure } from '@testing-library/react';
import { installClinic, servedClinic } from './fake-clinic';

// These tests render the whole app; on a busy two-core CI machine a render can take seconds,
// so waiting for what should appear is allowed longer than the library's one second.
// Failsafe for findBy*/waitFor: room for a loaded machine three times slower.
configure({ asyncUtilTimeout: 30_000 });

// Chromium (Electron's and the browser's) has idle callbacks; jsdom does not. The schedule
// fetches neighbouring days in one; here "idle" is the next turn of the event loop.
if (!('requestIdleCallback' in globalThis)) {
  Object.assign(globalThis, {
    requestIdleCallback: (run: () => void) => setTimeout(run, 0),
    cancelIdleCallback: (handle: ReturnType<typeof setTimeout>) => clearTimeout(handle),
  });
}

// cmdk (the combobox) measures its list and scrolls the chosen option into view; jsdom lays
// nothing out, so both are no-ops here.
if (!('ResizeObserver' in globalThis)) {
  Object.assign(globalThis, {
    ResizeObserver: class {
      observe() {}
      unobserve() {}
      disconnect() {}
    },
  });
}
if (typeof Element !== 'undefined' && !Element.prototype.scrollIntoView) Element.prototype.scrollIntoView = () => {};

// Before any screen module reads it: renderApp serves each test's fake clinic through this.
installClinic(servedClinic);

// As main.tsx does before the first render: i18next and the start screens' English words.
await import('../../renderer/i18n').then((m) => m.ready);
// Every English namespace too. A dialog rendered by itself has no Loading around it to wait in;
// and a screen that suspends for its words on a click (fireEvent's act is not awaited) may never
// be retried in jsdom, which failed tests on a loaded machine. The Hindi tests fetch theirs lazily.
const ENGLISH = Object.keys(import.meta.glob(['../../renderer/i18n/en/*.ts', '!../../renderer/i18n/en/start.ts'])).map((file) =>
  file.replace(/.*\/(\w+)\.ts$/, '$1'),
);
await import('../../renderer/i18n/instance').then((m) => m.words().loadNamespaces(ENGLISH));
