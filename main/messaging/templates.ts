import { AppError } from '../shared/app-error';
import { say } from '../shared/say';

export const TEMPLATE_VARIABLES = ['patient', 'doctor', 'date', 'time', 'clinic', 'link', 'token'] as const;
type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Record<TemplateVariable, string>;

const KNOWN = new Set<string>(TEMPLATE_VARIABLES);
const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Refuses a template the sender could not fill: an unknown variable ({name}), or a brace that
 * opens or closes nothing ({patient, patient}). Checked when a template is saved, so a send
 * never meets one.
 */
export function checkTemplate(body: string, field = 'body'): void {
  if (body.trim().length === 0) throw new AppError('INVALID', 'The template is empty', field);
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    if (!KNOWN.has(name!)) {
      throw new AppError('INVALID', say`{${name!}} is not a template variable; use ${TEMPLATE_VARIABLES.map((v) => `{${v}}`).join(' ')}`, field);
    }
  }
  const stray = body.replace(PLACEHOLDER, '').search(/[{}]/);
  if (stray >= 0) throw new AppError('INVALID', say`A "${body.replace(PLACEHOLDER, '')[stray]!}" in the template opens or closes no variable`, field);
}

/** Fills a checked template; every placeholder in it is known, so nothing is left unfilled. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (_, name: string) => values[name as TemplateVariable]);
}

/** The wall-clock date and time as a patient reading `language` writes them. */
export function formatWhen(date: string, time: string, language: string): { date: string; time: string } {
  const locale = `${language.split('-')[0]}-IN`;
  // A wall-clock value: formatted in UTC so no zone shifts it.
  const at = new Date(`${date}T${time.slice(0, 5)}:00Z`);
  return {
    date: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(at),
    time: new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: 'numeric', minute: '2-digit', hour12: true }).format(at),
  };
}
