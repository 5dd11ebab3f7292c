import { getTimezone } from 'countries-and-timezones';
import { isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';

/**
 * Used when the clinic's zone belongs to no country (UTC, Etc/GMT-5): Clinic Desk is made for
 * Indian clinics first, as its default currency (INR) says too.
 */
const FALLBACK: CountryCode = 'IN';

/** The country whose national phone numbers the desk types: the setting, else its zone's country. */
export function phoneCountryOf(settings: { phoneCountry: string | null; timeZone: string }): CountryCode {
  if (settings.phoneCountry && isSupportedCountry(settings.phoneCountry)) return settings.phoneCountry;
  const zoneCountry = getTimezone(settings.timeZone)?.countries[0];
  return zoneCountry && isSupportedCountry(zoneCountry) ? zoneCountry : FALLBACK;
}

export { isSupportedCountry };
