/**
 * The locale every date and amount is written in: the user's language with the clinic's
 * country ("hi" + "IN" → "hi-IN"), so an Indian clinic groups ₹1,25,000.00 in either language.
 * format.ts and dates.ts read it; the i18n layer and the clinic's settings set it.
 */
let language = 'en';
let country = 'IN';

export const setFormatLanguage = (next: string) => {
  language = next;
};
export const setFormatCountry = (next: string) => {
  country = next;
};

export const currentLocale = () => `${language}-${country}`;
export const currentLanguage = () => language;
