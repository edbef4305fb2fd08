// US Social Security numbers: structure as the SSA assigns it.
import { digitsOf } from './checksums.js';

/** Area 000, 666 and 900–999, group 00 and serial 0000 have never been issued. */
export function usSsnValid(value: string): boolean {
  const digits = digitsOf(value);
  if (digits.length !== 9) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}
