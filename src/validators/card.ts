// Payment card numbers (PAN): issuer prefix and length, Luhn check, and a plausible grouping.
import { digitsOf, luhnValid } from './checksums.js';

interface Issuer {
  name: string;
  /** Inclusive prefix ranges of equal width, e.g. ['2221', '2720']. */
  ranges: Array<[string, string]>;
  lengths: number[];
}

// Issuer identification numbers as published by the networks (ISO/IEC 7812 registrations).
const ISSUERS: Issuer[] = [
  { name: 'Visa', ranges: [['4', '4']], lengths: [13, 16, 19] },
  { name: 'Mastercard', ranges: [['51', '55'], ['2221', '2720']], lengths: [16] },
  { name: 'American Express', ranges: [['34', '34'], ['37', '37']], lengths: [15] },
  { name: 'Discover', ranges: [['6011', '6011'], ['644', '649'], ['65', '65']], lengths: [16, 17, 18, 19] },
  { name: 'JCB', ranges: [['3528', '3589']], lengths: [16, 17, 18, 19] },
  { name: 'Diners Club', ranges: [['300', '305'], ['36', '36'], ['38', '39']], lengths: [14, 16, 17, 18, 19] },
  { name: 'UnionPay', ranges: [['62', '62']], lengths: [16, 17, 18, 19] },
  {
    name: 'Maestro',
    ranges: [['5018', '5018'], ['5020', '5020'], ['5038', '5038'], ['5893', '5893'], ['6304', '6304'], ['6759', '6759'], ['6761', '6763']],
    lengths: [12, 13, 14, 15, 16, 17, 18, 19],
  },
];

export function cardIssuer(pan: string): string | undefined {
  for (const issuer of ISSUERS) {
    if (!issuer.lengths.includes(pan.length)) continue;
    for (const [lo, hi] of issuer.ranges) {
      const prefix = pan.slice(0, lo.length);
      if (prefix >= lo && prefix <= hi) return issuer.name;
    }
  }
  return undefined;
}

/**
 * Printed PANs are either unbroken or split by one kind of separator into groups of four
 * (Amex and Diners: 4-6-5 / 4-6-4). Anything else is a run of numbers that happens to add up.
 */
function plausibleGrouping(value: string): boolean {
  const groups = value.split(/[ -]/);
  if (groups.length === 1) return true;
  const separators = new Set(value.replace(/\d/g, ''));
  if (separators.size !== 1) return false;
  const lengths = groups.map((g) => g.length).join(',');
  if (lengths === '4,6,5' || lengths === '4,6,4') return true;
  return groups.slice(0, -1).every((g) => g.length === 4) && groups.at(-1)!.length >= 1 && groups.at(-1)!.length <= 4;
}

export function paymentCardValid(value: string): boolean {
  const pan = digitsOf(value);
  return plausibleGrouping(value) && cardIssuer(pan) !== undefined && luhnValid(pan);
}
