/**
 * A patient's name in each script the desk bundles a font for (fonts.css): the design page's
 * table shows them, and the font tests book patients with them.
 */
export const NAMES_BY_SCRIPT = {
  latin: 'Kavya Menon',
  devanagari: 'प्रिया शर्मा',
  bengali: 'অনিতা দাস',
  gujarati: 'ભાવેશ પટેલ',
  tamil: 'கார்த்திக் சுப்பிரமணியம்',
  telugu: 'శ్రీనివాస్ రెడ్డి',
  kannada: 'ಅನಿಲ್ ಕುಮಾರ್',
  malayalam: 'അനിത നായർ',
} as const;

export type Script = keyof typeof NAMES_BY_SCRIPT;

/** Doctors for the design page's select: names, the same in every language. */
export const DOCTORS = [
  { id: 'rao', name: 'Dr. Anil Rao' },
  { id: 'iyer', name: 'Dr. Meera Iyer' },
] as const;
