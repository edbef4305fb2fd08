// Synthetic values for the labeled evaluation: every PII kind in the formats people actually write,
// and the look-alikes that must stay silent. Computed from a seeded generator at run time; check
// digits come from the validators' own published algorithms (tried digit by digit).
import { ibanMod97Valid, luhnValid, nhsMod11Valid, verhoeffValid } from '../src/validators/checksums.js';
import { rng } from '../test/support/pii.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export class Gen {
  readonly r: () => number;
  constructor(seed: number) {
    this.r = rng(seed);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  range(a: number, b: number): number {
    return a + this.int(b - a + 1);
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(10));
    return s;
  }
  letters(n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(alphabet.length)];
    return s;
  }
  hex(n: number): string {
    return this.letters(n, '0123456789abcdef');
  }
  p2(n: number): string {
    return String(n).padStart(2, '0');
  }
}

/** Appends the digit (0–9) that makes `valid` true, or undefined when none does. */
function withCheckDigit(body: string, valid: (s: string) => boolean): string | undefined {
  for (let d = 0; d <= 9; d++) if (valid(body + d)) return body + d;
  return undefined;
}

function group(value: string, sizes: number[], sep: string): string {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) {
    out.push(value.slice(at, at + size));
    at += size;
  }
  if (at < value.length) out.push(value.slice(at));
  return out.filter((p) => p.length > 0).join(sep);
}

const FIRST = ['james', 'maria', 'wei', 'priya', 'olga', 'kwame', 'lucas', 'chloe', 'noah', 'fatima', 'diego', 'yuki', 'anna', 'omar', 'sofia', 'liam'];
const LAST = ['smith', 'garcia', 'chen', 'patel', 'ivanova', 'mensah', 'silva', 'martin', 'kowalski', 'khan', 'lopez', 'tanaka', 'novak', 'haddad', 'rossi', 'obrien'];
const MAIL_DOMAINS = ['gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.co.uk', 'gmx.de', 'orange.fr', 'icloud.com', 'proton.me', 'acme-corp.com', 'mail.globex.io', 'uni-heidelberg.de', 'comcast.net'];
const RESERVED_DOMAINS = ['example.com', 'example.org', 'example.net', 'mail.test', 'corp.invalid', 'dev.localhost', 'shop.example'];
// NANP area codes in service (a sample).
const NANP_AREAS = [201, 206, 212, 213, 305, 312, 404, 415, 503, 512, 617, 646, 702, 713, 718, 773, 808, 917, 929, 972];
const PASSPORT_STYLES = ['us', 'uk', 'de', 'fr', 'in'] as const;

export const names = {
  first: (g: Gen) => g.pick(FIRST),
  last: (g: Gen) => g.pick(LAST),
  full: (g: Gen) => `${cap(g.pick(FIRST))} ${cap(g.pick(LAST))}`,
};

export function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function phoneShaped(g: Gen): string {
  const npa = g.pick(NANP_AREAS);
  let nxx = g.range(200, 999);
  if (nxx === 555 || nxx % 100 === 11) nxx = 556;
  const line = g.digits(4);
  switch (g.int(12)) {
    case 0:
      return `(${npa}) ${nxx}-${line}`;
    case 1:
      return `${npa}-${nxx}-${line}`;
    case 2:
      return `${npa}.${nxx}.${line}`;
    case 3:
      return `+1${npa}${nxx}${line}`;
    case 4:
      return `+1 ${npa} ${nxx} ${line}`;
    case 5:
      return `+1-${npa}-${nxx}-${line}`;
    case 11:
      return `${npa}${nxx}${line}`;
    case 6:
      return `+44 7${g.range(400, 999)} ${g.digits(6)}`;
    case 7:
      return `+49 15${g.range(1, 2)}${g.int(10)} ${g.digits(7)}`;
    case 8:
      return `+33 6 ${g.digits(2)} ${g.digits(2)} ${g.digits(2)} ${g.digits(2)}`;
    default:
      return `+61 4${g.digits(2)} ${g.digits(3)} ${g.digits(3)}`;
  }
}

/** True PII: one generator per kind (the kind is the rule id that must find it). */
export const pii = {
  email(g: Gen): string {
    const f = g.pick(FIRST);
    const l = g.pick(LAST);
    const local = g.pick([`${f}.${l}`, `${f[0]}${l}${g.int(100)}`, `${f}_${l}`, `${f}${g.int(10000)}`, `${f}.${l}+${g.pick(['news', 'shop', 'work'])}`, `${cap(f)}.${cap(l)}`]);
    return `${local}@${g.pick(MAIL_DOMAINS)}`;
  },
  /** A number in an allocated range: people's numbers are, random digits often are not. */
  phone(g: Gen): string {
    for (;;) {
      const phone = phoneShaped(g);
      if (parsePhoneNumberFromString(phone, 'US')?.isValid()) return phone;
    }
  },
  /** `bare` values (no separators) are only PII where the structure says so. */
  ssn(g: Gen, style: 'dash' | 'space' | 'bare' = 'dash'): string {
    let area = g.range(1, 899);
    if (area === 666) area = 667;
    const parts = [String(area).padStart(3, '0'), g.p2(g.range(1, 99)), String(g.range(1, 9999)).padStart(4, '0')];
    return parts.join(style === 'dash' ? '-' : style === 'space' ? ' ' : '');
  },
  card(g: Gen, style: 'plain' | 'space' | 'dash' = 'plain'): string {
    const [prefix, length] = g.pick<[string, number]>([
      ['4', 16], ['4', 16], ['51', 16], ['53', 16], [String(g.range(2221, 2720)), 16], ['34', 15], ['37', 15],
      ['6011', 16], ['65', 16], [String(g.range(3528, 3589)), 16], ['36', 14], ['62', 16], ['4', 13],
    ]);
    let pan: string | undefined;
    do pan = withCheckDigit(prefix + g.digits(length - prefix.length - 1), luhnValid);
    while (pan === undefined || TEST_PANS.includes(pan));
    if (style === 'plain' || length < 15) return pan;
    const sep = style === 'space' ? ' ' : '-';
    return length === 15 ? group(pan, [4, 6, 5], sep) : group(pan, [4, 4, 4, 4], sep);
  },
  iban(g: Gen, spaced = g.chance(0.5)): string {
    const [country, bban] = g.pick<[string, () => string]>([
      ['DE', () => g.digits(18)],
      ['GB', () => g.letters(4) + g.digits(14)],
      ['FR', () => g.digits(10) + g.letters(1) + g.digits(10) + g.digits(2)],
      ['ES', () => g.digits(20)],
      ['NL', () => g.letters(4) + g.digits(10)],
      ['IT', () => g.letters(1) + g.digits(10) + g.digits(12)],
      ['BE', () => g.digits(12)],
      ['CH', () => g.digits(5) + g.digits(12)],
      ['AT', () => g.digits(16)],
      ['PL', () => g.digits(24)],
      ['IE', () => g.letters(4) + g.digits(14)],
      ['SE', () => g.digits(20)],
    ]);
    const body = bban();
    let iban = '';
    for (let check = 2; check <= 98; check++) {
      const candidate = `${country}${String(check).padStart(2, '0')}${body}`;
      if (ibanMod97Valid(candidate)) iban = candidate;
    }
    return spaced ? group(iban, Array(8).fill(4), ' ') : iban;
  },
  ipv4(g: Gen): string {
    for (;;) {
      const a = g.range(1, 223);
      if ([10, 100, 127, 169, 172, 192, 198, 203].includes(a)) continue;
      return `${a}.${g.int(256)}.${g.int(256)}.${g.range(1, 254)}`;
    }
  },
  ipv6(g: Gen): string {
    const head = g.pick(['2a00', '2a02', '2600', '2607', '2804', '2c0f', '2400', '2405']);
    const groups = [head, g.hex(4).replace(/^0+(?=.)/, ''), g.hex(3), g.hex(4)];
    return g.chance(0.5) ? `${groups.join(':')}::${g.hex(4).replace(/^0+(?=.)/, '')}` : [...groups, g.hex(4), g.hex(4), g.hex(4), g.hex(4)].join(':');
  },
  /** A birth date in one of the ways forms write it. */
  dob(g: Gen): string {
    const y = g.range(1935, 2006);
    const m = g.range(1, 12);
    const d = g.range(1, 28);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    switch (g.int(5)) {
      case 0:
      case 1:
        return `${y}-${g.p2(m)}-${g.p2(d)}`;
      case 2:
        return `${g.p2(m)}/${g.p2(d)}/${y}`;
      case 3:
        return `${g.p2(d)}.${g.p2(m)}.${y}`;
      default:
        return `${d} ${months[m - 1]} ${y}`;
    }
  },
  nino(g: Gen, spaced = g.chance(0.4)): string {
    let prefix: string;
    do prefix = g.letters(1, 'ABCEGHJKLMNOPRSTWXYZ') + g.letters(1, 'ABCEGHJKLMNPRSTWXYZ');
    while (['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(prefix));
    const d = g.digits(6);
    const suffix = g.letters(1, 'ABCD');
    return spaced ? `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}` : `${prefix}${d}${suffix}`;
  },
  sin(g: Gen, sep = g.pick(['-', ' ', ''])): string {
    let sin: string | undefined;
    do sin = withCheckDigit(String(g.pick([1, 2, 3, 4, 5, 6, 7, 9])) + g.digits(7), luhnValid);
    while (sin === undefined);
    return group(sin, [3, 3, 3], sep);
  },
  itin(g: Gen, sep = g.pick(['-', '-', ''])): string {
    const group2 = g.pick([g.range(70, 88), g.range(90, 92), g.range(94, 99)]);
    return [`9${g.digits(2)}`, String(group2), g.digits(4)].join(sep);
  },
  nhs(g: Gen, sep = g.pick([' ', '', '-'])): string {
    let nhs: string | undefined;
    do nhs = withCheckDigit(String(g.range(400, 708)) + g.digits(6), nhsMod11Valid);
    while (nhs === undefined);
    return group(nhs, [3, 3, 4], sep);
  },
  aadhaar(g: Gen, sep = g.pick([' ', '', '-'])): string {
    let a: string | undefined;
    do a = withCheckDigit(String(g.range(2, 9)) + g.digits(10), verhoeffValid);
    while (a === undefined);
    return group(a, [4, 4, 4], sep);
  },
  passport(g: Gen): string {
    switch (g.pick(PASSPORT_STYLES)) {
      case 'us':
        return g.chance(0.5) ? g.digits(9) : g.letters(1) + g.digits(8);
      case 'uk':
        return g.digits(9);
      case 'de':
        return g.letters(1, 'CFGHJK') + g.letters(8, 'CFGHJKLMNPRTVWXYZ0123456789');
      case 'fr':
        return g.digits(2) + g.letters(2) + g.digits(5);
      default:
        return g.letters(1) + g.digits(7);
    }
  },
};

// Issuer test numbers (published by Stripe, Adyen, Braintree and the networks): never PII.
export const TEST_PANS = ['4242424242424242', '4111111111111111', '5555555555554444', '5105105105105100', '378282246310005', '6011111111111117', '3566002020360505', '4000056655665556', '2223003122003222'];

/** Look-alikes that are not personal data; each must stay silent. */
export const decoy = {
  testCard: (g: Gen) => {
    const pan = g.pick(TEST_PANS);
    return g.chance(0.5) ? pan : pan.length === 15 ? group(pan, [4, 6, 5], ' ') : group(pan, [4, 4, 4, 4], g.pick([' ', '-']));
  },
  luhnInvalid16: (g: Gen) => {
    const body = g.pick(['4', '5']) + g.digits(14);
    const good = withCheckDigit(body, luhnValid)!;
    return body + String((Number(good.slice(-1)) + 1 + g.int(9)) % 10);
  },
  /** Random 16-digit order ids: some pass Luhn by chance, the column says what they are. */
  orderId16: (g: Gen) => String(g.range(1, 9)) + g.digits(15),
  reservedSsn: (g: Gen) =>
    g.pick([`000-${g.p2(g.range(1, 99))}-${g.digits(4)}`, `666-${g.p2(g.range(1, 99))}-${g.digits(4)}`, `${g.range(900, 999)}-${g.p2(g.range(1, 69))}-${g.digits(4)}`, `${g.range(100, 665)}-00-${g.digits(4)}`, `${g.range(100, 665)}-${g.p2(g.range(10, 99))}-0000`, ['078', '05', '1120'].join('-'), ['219', '09', '9999'].join('-'), ['123', '45', '6789'].join('-')]),
  maskedSsn: (g: Gen) => `***-**-${g.digits(4)}`,
  fictionalPhone: (g: Gen) => g.pick([`(${g.pick(NANP_AREAS)}) 555-01${g.digits(2)}`, `${g.pick(NANP_AREAS)}-555-01${g.digits(2)}`, `+1${g.pick(NANP_AREAS)}55501${g.digits(2)}`, `555-01${g.digits(2)}`]),
  reservedEmail: (g: Gen) => `${g.pick(FIRST)}${g.pick(['', '.', '_'])}${g.pick(LAST)}${g.int(1000)}@${g.pick(RESERVED_DOMAINS)}`,
  uuid: (g: Gen) => {
    const h = g.hex(32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20)}`;
  },
  hash: (g: Gen) => g.hex(g.pick([32, 40, 64])),
  isoTimestamp: (g: Gen) => `${g.range(2018, 2026)}-${g.p2(g.range(1, 12))}-${g.p2(g.range(1, 28))}T${g.p2(g.int(24))}:${g.p2(g.int(60))}:${g.p2(g.int(60))}${g.pick(['Z', '.123Z', '+02:00'])}`,
  date: (g: Gen) => `${g.range(2015, 2026)}-${g.p2(g.range(1, 12))}-${g.p2(g.range(1, 28))}`,
  version: (g: Gen) => g.pick([`${g.range(1, 12)}.${g.int(30)}.${g.int(200)}`, `${g.range(1, 12)}.${g.int(30)}.${g.int(200)}.${g.int(9999)}`, `v${g.range(1, 4)}.${g.int(20)}.${g.int(20)}`]),
  isbn: (g: Gen) => {
    const body = `978${g.digits(9)}`;
    let sum = 0;
    for (let i = 0; i < 12; i++) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
    const isbn = body + String((10 - (sum % 10)) % 10);
    return g.chance(0.5) ? isbn : `${isbn.slice(0, 3)}-${isbn[3]}-${isbn.slice(4, 6)}-${isbn.slice(6, 12)}-${isbn[12]}`;
  },
  price: (g: Gen) => g.pick([`$${g.range(1, 9)},${g.digits(3)}.${g.digits(2)}`, `${g.range(1, 99999)}.${g.digits(2)}`, `EUR ${g.range(1, 999)},${g.digits(2)}`]),
  tracking: (g: Gen) => g.pick([`1Z${g.letters(6, 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789')}${g.digits(10)}`, `9400${g.digits(18)}`, g.digits(12), `${g.digits(4)} ${g.digits(4)} ${g.digits(4)}`]),
  orderNo9: (g: Gen) => String(g.range(100000000, 999999999)),
  epochMs: (g: Gen) => String(1514764800000 + g.int(252460800000)),
  privateIpv4: (g: Gen) => g.pick([`10.${g.int(256)}.${g.int(256)}.${g.range(1, 254)}`, `192.168.${g.int(256)}.${g.range(1, 254)}`, `172.${g.range(16, 31)}.${g.int(256)}.${g.range(1, 254)}`, '127.0.0.1', `169.254.${g.int(256)}.${g.range(1, 254)}`, `192.0.2.${g.range(1, 254)}`, `198.51.100.${g.range(1, 254)}`, `203.0.113.${g.range(1, 254)}`, '0.0.0.0', `100.${g.range(64, 127)}.${g.int(256)}.${g.range(1, 254)}`]),
  privateIpv6: (g: Gen) => g.pick(['::1', `fe80::${g.hex(4)}:${g.hex(4)}`, `fd${g.hex(2)}:${g.hex(4)}::${g.hex(3)}`, `2001:db8::${g.hex(3)}`, `2001:db8:${g.hex(4)}::1`, '::']),
  testNino: (g: Gen) => `QQ${g.digits(6)}${g.letters(1, 'ABCD')}`,
  /** An IBAN with a broken check: a typo, or an account number that only looks like one. */
  badIban: (g: Gen) => {
    const iban = pii.iban(g, false);
    return `${iban.slice(0, 2)}${String((Number(iban.slice(2, 4)) + 1 + g.int(90)) % 97).padStart(2, '0')}${iban.slice(4)}`;
  },
  sku: (g: Gen) => `SKU-${g.digits(8)}`,
  orderRef: (g: Gen) => `ORD-${g.range(2018, 2026)}-${g.digits(8)}`,
};
