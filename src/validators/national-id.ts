// National identifiers with a published structure or check digit.
import { digitsOf, luhnValid, nhsMod11Valid, verhoeffValid } from './checksums.js';

// HMRC: first letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V; some pairs never issued.
const NINO = /^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/;
const NINO_NEVER_ISSUED = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

export function ukNinoValid(value: string): boolean {
  const compact = value.replace(/ /g, '');
  // Spaced the HMRC way (two letters, then pairs of digits, then the suffix) or not at all.
  if (compact !== value && !/^[A-Z]{2} \d{2} \d{2} \d{2} [A-D]$/.test(value)) return false;
  return NINO.test(compact) && !NINO_NEVER_ISSUED.has(compact.slice(0, 2));
}

/** Canadian SIN: Luhn; 0 is never assigned and 8 is unused as a first digit. */
export function caSinValid(value: string): boolean {
  const digits = digitsOf(value);
  return digits.length === 9 && digits[0] !== '0' && digits[0] !== '8' && luhnValid(digits);
}

/** US ITIN: 9XX, group 50–65, 70–88, 90–92 or 94–99 (IRS), any serial. */
export function usItinValid(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length !== 9 || digits[0] !== '9') return false;
  const group = Number(digits.slice(3, 5));
  return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
}

/** NHS number: mod 11. 999 numbers are the NHS's own test range. */
export function ukNhsValid(value: string): boolean {
  const digits = digitsOf(value);
  return digits.length === 10 && !digits.startsWith('999') && nhsMod11Valid(digits);
}

/** Aadhaar: 12 digits, first 2–9, Verhoeff check digit (UIDAI). */
export function inAadhaarValid(value: string): boolean {
  const digits = digitsOf(value);
  return digits.length === 12 && digits[0]! >= '2' && verhoeffValid(digits);
}

/** Passport numbers have no check digit outside the MRZ: a shape with digits, found only with context. */
export function passportValid(value: string): boolean {
  return value.length >= 8 && value.length <= 9 && /\d/.test(value) && !/^(\d)\1+$/.test(value);
}
