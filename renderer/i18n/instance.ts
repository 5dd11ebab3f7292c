import type { i18n } from 'i18next';

// The i18next instance, once main.tsx's i18n chunk has set it up. Screens reach it only through
// here (and use-t.ts), never by importing i18next: the library stays out of the start-up chunks.
// Held on globalThis, so modules imported afresh (tests that reset the module graph) find the
// one instance main.tsx set up instead of an empty slot of their own.
const HOLDER = globalThis as { clinicDeskWords?: i18n; clinicDeskNamespaces?: readonly string[] };

/** `namespaces`: every namespace fetched when first asked for (all but the start screens'). */
export const setInstance = (next: i18n, namespaces: readonly string[]) => {
  HOLDER.clinicDeskWords = next;
  HOLDER.clinicDeskNamespaces = namespaces;
};

export function words(): i18n {
  const instance = HOLDER.clinicDeskWords;
  if (!instance) throw new Error('The desk’s words are not loaded yet (main.tsx loads them before rendering)');
  return instance;
}

/** Every namespace's words in the desk's language: see preloadAllWords. */
export const laterNamespaces = (): readonly string[] => HOLDER.clinicDeskNamespaces ?? [];

/** The words outside a component (labels, commands, toasts), read when they are shown. */
// Typed as i18next's own t (so keys are checked); the call itself just forwards to the instance.
export const t = ((key: string, options?: object) => words().t(key as never, options as never)) as unknown as i18n['t'];
