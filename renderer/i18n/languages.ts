import type { Language } from '../../preload/contract';

/** The desk's languages (the contract's): each user picks one; the sign-in screen shows this PC's last. */
export const LANGUAGES = ['en', 'hi'] as const satisfies readonly Language[];

/** Each language named in itself, so someone who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', hi: 'हिन्दी' };

const KEY = 'clinic-desk.language';
export const isLanguage = (value: unknown): value is Language => (LANGUAGES as readonly unknown[]).includes(value);

export function storedLanguage(): Language {
  const value = localStorage.getItem(KEY);
  return isLanguage(value) ? value : 'en';
}

export const rememberLanguage = (language: Language) => localStorage.setItem(KEY, language);
