// Validators of the kinds beyond cards, SSNs, emails and phones: published check-digit examples
// first, then values generated at test time (eval/values.ts) for everything that would look real.
import { describe, expect, it } from 'vitest';
import { Gen, decoy, pii } from '../eval/values.js';
import { ibanMod97Valid, luhnValid, nhsMod11Valid, verhoeffValid } from '../src/validators/checksums.js';
import { birthDateValid } from '../src/validators/date.js';
import { ibanValid } from '../src/validators/iban.js';
import { ipAddressValid } from '../src/validators/ip.js';
import { caSinValid, inAadhaarValid, passportValid, ukNhsValid, ukNinoValid, usItinValid } from '../src/validators/national-id.js';

const many = <T>(make: (g: Gen) => T, n = 200, seed = 7): T[] => {
  const g = new Gen(seed);
  return Array.from({ length: n }, () => make(g));
};

describe('IBAN (ISO 13616, mod 97-10)', () => {
  it('accepts the registry examples and rejects a changed digit', () => {
    // SWIFT IBAN registry / ECBS examples.
    expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(ibanValid('DE89370400440532013000')).toBe(true);
    expect(ibanValid('FR1420041010050500013M02606')).toBe(true);
    expect(ibanValid('GB82 WEST 1234 5698 7654 33')).toBe(false);
    expect(ibanMod97Valid('DE89370400440532013001')).toBe(false);
  });

  it('checks the length registered for the country and the check-digit range', () => {
    expect(ibanValid('DE8937040044053201300')).toBe(false); // DE is 22 long
    expect(ibanValid('XX89370400440532013000')).toBe(false); // no such country
    expect(ibanValid('DE00370400440532013000')).toBe(false);
  });

  it('generated IBANs pass, their broken twins do not', () => {
    expect(many((g) => pii.iban(g)).every(ibanValid)).toBe(true);
    expect(many((g) => decoy.badIban(g)).some(ibanValid)).toBe(false);
  });
});

describe('Verhoeff (Aadhaar)', () => {
  it('the textbook example: 236 has check digit 3', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
    expect(verhoeffValid('12345678901x')).toBe(false);
  });

  it('Aadhaar: 12 digits, first 2–9, Verhoeff', () => {
    const values = many((g) => pii.aadhaar(g));
    expect(values.every(inAadhaarValid)).toBe(true);
    const digits = values[0]!.replace(/\D/g, '');
    expect(inAadhaarValid(`1${digits.slice(1)}`)).toBe(false);
    expect(inAadhaarValid(digits.slice(0, 11) + String((Number(digits[11]) + 1) % 10))).toBe(false);
  });
});

describe('NHS number (mod 11)', () => {
  it('accepts the NHS Data Dictionary example and rejects its neighbours', () => {
    expect(nhsMod11Valid('9434765919')).toBe(true);
    expect(nhsMod11Valid('9434765918')).toBe(false);
  });

  it('the 999 test range and check value 10 are not issued numbers', () => {
    expect(ukNhsValid('943 476 5919')).toBe(true); // piiguard:allow phone -- the NHS Data Dictionary's example
    // 999 000 001 has check digit 8 (sum 9*10+9*9+9*8+1*2 = 245, 245 mod 11 = 3, 11 - 3 = 8).
    expect(nhsMod11Valid('9990000018')).toBe(true);
    expect(ukNhsValid('9990000018')).toBe(false);
    expect(many((g) => pii.nhs(g)).every(ukNhsValid)).toBe(true);
  });
});

describe('Canadian SIN (Luhn)', () => {
  it('the Government of Canada example passes Luhn but starts with 0, which is never assigned', () => {
    expect(luhnValid('046454286')).toBe(true);
    expect(caSinValid('046 454 286')).toBe(false);
  });

  it('generated SINs pass; a changed digit or first digit 8 does not', () => {
    const values = many((g) => pii.sin(g, ''));
    expect(values.every(caSinValid)).toBe(true);
    expect(caSinValid(values[0]!.slice(0, 8) + String((Number(values[0]![8]) + 1) % 10))).toBe(false);
    expect(caSinValid(`8${values[0]!.slice(1)}`)).toBe(false);
  });
});

describe('US ITIN', () => {
  it('9XX with an IRS group', () => {
    for (const group of ['50', '65', '70', '88', '90', '92', '94', '99']) expect(usItinValid(`912-${group}-3456`), group).toBe(true);
    for (const group of ['00', '49', '66', '69', '89', '93']) expect(usItinValid(`912-${group}-3456`), group).toBe(false);
    expect(usItinValid('812-70-3456')).toBe(false); // piiguard:allow us-ssn -- shows an SSN-shaped value is no ITIN
  });
});

describe('UK National Insurance number', () => {
  it("HMRC's example prefix QQ and never-issued prefixes are rejected", () => {
    expect(ukNinoValid('QQ123456C')).toBe(false);
    for (const prefix of ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ', 'DA', 'AO']) expect(ukNinoValid(`${prefix}123456A`), prefix).toBe(false);
    expect(ukNinoValid('AB123456E')).toBe(false); // suffix is A–D
  });

  it('generated numbers pass, compact or spaced in pairs, not spaced at random', () => {
    expect(many((g) => pii.nino(g)).every(ukNinoValid)).toBe(true);
    const compact = pii.nino(new Gen(3), false);
    expect(ukNinoValid(`${compact.slice(0, 2)} ${compact.slice(2)}`)).toBe(false);
  });
});

describe('IP addresses', () => {
  it('public IPv4 and IPv6 pass', () => {
    expect(many((g) => pii.ipv4(g)).every(ipAddressValid)).toBe(true);
    expect(many((g) => pii.ipv6(g)).every(ipAddressValid)).toBe(true);
  });

  it('private, loopback, link-local, shared, documentation, multicast and reserved ranges do not', () => {
    expect(many((g) => decoy.privateIpv4(g)).some(ipAddressValid)).toBe(false);
    expect(many((g) => decoy.privateIpv6(g)).some(ipAddressValid)).toBe(false);
    for (const ip of ['224.0.0.1', '239.1.2.3', '255.255.255.255', '240.1.2.3', '198.18.0.1', '::ffff:10.1.2.3', 'ff02::1', '2002:c000:0204::1']) {
      expect(ipAddressValid(ip), ip).toBe(false);
    }
  });

  it('octets with leading zeros and malformed addresses do not', () => {
    expect(ipAddressValid('010.001.002.003')).toBe(false);
    expect(ipAddressValid('1.2.3.256')).toBe(false);
    expect(ipAddressValid('2a00:1450::1::2')).toBe(false);
  });
});

describe('date of birth', () => {
  const today = new Date(Date.UTC(2026, 0, 15));
  it('real calendar dates in the written forms', () => {
    for (const d of ['1984-03-12', '03/12/1984', '12.03.1984', '12 Mar 1984', 'March 12, 1984', '29.02.2000']) expect(birthDateValid(d, today), d).toBe(true);
  });

  it('impossible days, future dates and dates over 120 years ago are not birth dates', () => {
    for (const d of ['1984-02-30', '31.04.1990', '29.02.1900', '2027-01-01', '1899-05-05', '13/13/1984']) expect(birthDateValid(d, today), d).toBe(false);
  });
});

describe('passport', () => {
  it('8–9 letters and digits with at least one digit; no repeated filler', () => {
    expect(many((g) => pii.passport(g)).filter(passportValid).length).toBeGreaterThan(190);
    expect(passportValid('000000000')).toBe(false);
    expect(passportValid('ABCDEFGHI')).toBe(false);
    expect(passportValid('1234567')).toBe(false);
  });
});
