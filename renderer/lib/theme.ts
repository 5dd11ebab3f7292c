/**
 * The desk's theme, chosen per PC (a desk by the window wants dark, the doctor's room high
 * contrast) and kept in this PC's localStorage; "system" follows the OS's dark and
 * more-contrast settings as they change. theme.css keys every colour on `data-theme`.
 */
export const THEMES = ['system', 'light', 'dark', 'contrast'] as const;
export type ThemeChoice = (typeof THEMES)[number];

const KEY = 'clinic-desk.theme';
const isTheme = (value: string | null): value is ThemeChoice => (THEMES as readonly (string | null)[]).includes(value);

export function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return isTheme(value) ? value : 'system';
}

let stopFollowing = () => {};

/** Puts the theme on the page now; for "system", keeps following the OS until another is chosen. */
export function applyTheme(choice: ThemeChoice): void {
  stopFollowing();
  stopFollowing = () => {};
  const root = document.documentElement;
  if (choice !== 'system') {
    root.dataset.theme = choice;
    return;
  }
  // eslint-disable-next-line i18next/no-literal-string -- media queries, not words
  const queries = ['(prefers-contrast: more)', '(prefers-color-scheme: dark)'].map((q) => window.matchMedia?.(q));
  const [contrast, dark] = queries;
  const follow = () => {
    root.dataset.theme = contrast?.matches ? 'contrast' : dark?.matches ? 'dark' : 'light';
  };
  follow();
  for (const q of queries) q?.addEventListener('change', follow);
  stopFollowing = () => {
    for (const q of queries) q?.removeEventListener('change', follow);
  };
}

export function chooseTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice);
  applyTheme(choice);
}
