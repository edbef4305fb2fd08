// Phone numbers: libphonenumber-js (Google's metadata, full "max" set) decides validity; the checks
// before it reject shapes that are dates, addresses or versions and keep the parser off hot paths.
import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { digitsOf } from './checksums.js';

const NOT_PHONE_SHAPES = [
  /^\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}$/, // 2024-01-15
  /^\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}$/, // 15.01.2024
  /^\d{1,3}(\.\d{1,3}){3}$/, // IPv4 address or four-part version
];

/** NANP numbers 555-0100 to 555-0199 are reserved for fiction (ATIS-0300115). */
function fictional(phone: PhoneNumber): boolean {
  return phone.countryCallingCode === '1' && /^\d{3}5550(1\d\d)$/.test(phone.nationalNumber);
}

/**
 * A `+` and a country code are a strong sign on their own: outside North America (whose numbering
 * plan is simple and fully known) a number of the right length counts even when libphonenumber's
 * range metadata does not list its block yet: operators open new ranges faster than it is updated.
 */
function outsideNanp(phone: PhoneNumber): boolean {
  return phone.countryCallingCode !== '1';
}

export function phoneValidator(regions: string[]): (value: string) => boolean {
  const defaults = regions as CountryCode[];
  return (value) => {
    const digits = digitsOf(value);
    if (digits.length < 7 || digits.length > 15) return false;
    if (NOT_PHONE_SHAPES.some((re) => re.test(value))) return false;
    const international = value.startsWith('+');
    // Bare digit runs are ids far more often than phones: without a `+`, require written grouping.
    if (!international && digits.length === value.length) return false;
    const parses = international ? [parsePhoneNumberFromString(value)] : defaults.map((r) => parsePhoneNumberFromString(value, r));
    const valid = parses.find((p) => p !== undefined && (p.isValid() || (international && outsideNanp(p) && p.isPossible())));
    return valid !== undefined && !fictional(valid);
  };
}
