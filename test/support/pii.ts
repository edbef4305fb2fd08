// Synthetic PII-shaped values, computed at test time so the repository holds none. Every value is
// structurally valid (Luhn, SSA ranges, NANP) but drawn from a seeded generator, not from any person.

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = body.charCodeAt(i) - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Deterministic pseudo-random digits (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function digits(r: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String(Math.floor(r() * 10));
  return s;
}

/** A Luhn-valid card number with the given issuer prefix and length that is not a published test PAN. */
export function cardNumber(seed: number, prefix = '4', length = 16): string {
  const r = rng(seed);
  const body = prefix + digits(r, length - prefix.length - 1);
  return body + luhnCheckDigit(body);
}

/** A structurally valid SSN (area 001–665 / 667–899, group ≠ 00, serial ≠ 0000). */
export function ssn(seed: number, separator = '-'): string {
  const r = rng(seed);
  let area = 1 + Math.floor(r() * 898);
  if (area === 666) area = 667;
  const group = 1 + Math.floor(r() * 98);
  const serial = 1 + Math.floor(r() * 9998);
  return [String(area).padStart(3, '0'), String(group).padStart(2, '0'), String(serial).padStart(4, '0')].join(separator);
}

/** A valid US number in a real area code, outside the 555 exchange. */
export function usPhone(seed: number): string {
  const r = rng(seed);
  const areas = ['212', '312', '415', '617', '206', '303', '512', '404'];
  const area = areas[Math.floor(r() * areas.length)]!;
  const exchange = String(200 + Math.floor(r() * 700)).replace(/^555$/, '556');
  return `(${area}) ${exchange === '555' ? '556' : exchange}-${digits(r, 4)}`;
}

export function email(seed: number, domain = 'gmail.com'): string {
  const r = rng(seed);
  const names = ['avery', 'jordan', 'morgan', 'riley', 'casey', 'quinn'];
  return `${names[Math.floor(r() * names.length)]}.${digits(r, 4)}@${domain}`;
}
