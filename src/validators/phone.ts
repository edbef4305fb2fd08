// Phone numbers: libphonenumber-js (Google's metadata, full "max" set) decides validity; the checks
// before it reject shapes that are dates, addresses or versions and keep the parser off hot paths.
import { getCountryCallingCode, Metadata, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/max';
import { digitsOf } from './checksums.js';

const NOT_PHONE_SHAPES = [
  /^\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}$/, // 2024-01-15
  /^\d{1,2}[-./ ]\d{1,2}[-./ ]\d{4}$/, // 15.01.2024
  /^\d{1,3}(\.\d{1,3}){3}$/, // IPv4 address or four-part version
  /^\d+\.\d\d$/, // 31012.34: an amount with cents
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

const NUMBER_TYPES = ['FIXED_LINE', 'MOBILE', 'PREMIUM_RATE', 'TOLL_FREE', 'SHARED_COST', 'VOIP', 'PERSONAL_NUMBER', 'PAGER', 'UAN', 'VOICEMAIL'] as const;

/** What the numbering plans behind one country calling code allow, as far as a cheap check needs. */
interface CallingCodePlan {
  /** Every national (significant) number length of every type in any country with this code. */
  lengths: Set<number>;
  /** National prefixes the parser may strip (plain digits). */
  prefixes: string[];
  /** International call prefixes of these countries: a national number starting with one is really international. */
  idd: RegExp;
  /** False when a country rewrites national numbers (transform rules, patterned prefixes): no cheap check then. */
  simple: boolean;
}

/** The parts of libphonenumber-js's Metadata class that its typings leave out. */
interface PlanMetadata {
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  selectNumberingPlan(country: string): void;
  numberingPlan: {
    possibleLengths(): number[] | undefined;
    type(type: string): { possibleLengths(): number[] | undefined } | undefined;
    nationalPrefixForParsing(): string | undefined;
    nationalPrefixTransformRule(): string | undefined;
    IDDPrefix(): string | undefined;
  };
}

const metadata = new Metadata() as unknown as PlanMetadata;

/** The plan of these countries together (the countries sharing a calling code, or one default region). */
function planOf(countries: string[]): CallingCodePlan | undefined {
  if (countries.length === 0) return undefined;
  const lengths = new Set<number>();
  const prefixes = new Set<string>();
  const idd: string[] = [];
  let simple = true;
  for (const country of countries) {
    metadata.selectNumberingPlan(country);
    const numbering = metadata.numberingPlan;
    for (const n of numbering.possibleLengths() ?? []) lengths.add(n);
    for (const type of NUMBER_TYPES) for (const n of numbering.type(type)?.possibleLengths() ?? []) lengths.add(n);
    const forParsing = numbering.nationalPrefixForParsing();
    if (numbering.nationalPrefixTransformRule() || (forParsing !== undefined && !/^\d+$/.test(forParsing))) simple = false;
    if (forParsing) prefixes.add(forParsing);
    const iddPrefix = numbering.IDDPrefix();
    if (iddPrefix) idd.push(iddPrefix);
  }
  return { lengths, prefixes: [...prefixes], idd: new RegExp(`^(?:${idd.join('|') || '(?!)'})`), simple };
}

const plans = new Map<string, CallingCodePlan | undefined>();

function planFor(callingCode: string): CallingCodePlan | undefined {
  if (!plans.has(callingCode)) plans.set(callingCode, planOf(metadata.getCountryCodesForCallingCode(callingCode) ?? []));
  return plans.get(callingCode);
}

/**
 * False when no country with this calling code could take `digits` (what follows the code, or a whole
 * national number) as a number of any type: its length fits no plan, with or without a national
 * prefix or the code itself in front. True means "ask libphonenumber", which is the slow part.
 */
function lengthFits(digits: string, callingCode: string, national: boolean, plan = planFor(callingCode)): boolean {
  if (plan === undefined || !plan.simple || (national && plan.idd.test(digits))) return true;
  // Loops, not arrays of candidate lengths: this runs for every phone-shaped value.
  if (plan.lengths.has(digits.length)) return true;
  for (const prefix of plan.prefixes) if (digits.startsWith(prefix) && plan.lengths.has(digits.length - prefix.length)) return true;
  return national && digits.startsWith(callingCode) && plan.lengths.has(digits.length - callingCode.length);
}

/** The calling code a `+` number starts with (codes are prefix-free), if any. */
function callingCodeOf(digits: string): string | undefined {
  for (let n = 1; n <= 3; n++) if (planFor(digits.slice(0, n)) !== undefined) return digits.slice(0, n);
  return undefined;
}

/** A fictional NANP number (555-01xx) is what `digits` would be as a +1 number: it cannot pass. */
function fictionalNanp(digits: string): boolean {
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  return /^\d{3}55501\d\d$/.test(national);
}

const PARSED_MEMO = 4096;

export function phoneValidator(regions: string[]): (value: string) => boolean {
  const defaults = regions as CountryCode[];
  const codes = defaults.map((r) => getCountryCallingCode(r) as string);
  // A national number is parsed with each default region's own plan, not with every plan behind its
  // calling code: some Caribbean plans of +1 rewrite 7-digit numbers, the US plan does not.
  const regionPlans = defaults.map((r) => planOf([r]));
  const nanpOnly = codes.every((code) => code === '1');
  const parsed = new Map<string, boolean>();
  return (value) => {
    const digits = digitsOf(value);
    if (digits.length < 7 || digits.length > 15) return false;
    for (const shape of NOT_PHONE_SHAPES) if (shape.test(value)) return false;
    const international = value.startsWith('+');
    // Bare digit runs are ids far more often than phones: the rule reports them only under a phone
    // key or column (requireContext: bare), and only in the NANP's shape: area and exchange 2-9.
    if (!international && digits.length === value.length && !/^1?[2-9]\d\d[2-9]\d{6}$/.test(digits)) return false;
    // Cheap, exact rejections first: libphonenumber's parse costs tens of microseconds, and dumps
    // hold millions of number-shaped values.
    if (international) {
      const code = callingCodeOf(digits);
      if (code !== undefined && !lengthFits(digits.slice(code.length), code, false)) return false;
      if (code === '1' && fictionalNanp(digits.slice(1))) return false;
    } else {
      let fits = false;
      for (let i = 0; i < codes.length && !fits; i++) fits = lengthFits(digits, codes[i]!, true, regionPlans[i]);
      if (!fits) return false;
      if (nanpOnly && fictionalNanp(digits)) return false;
    }
    // The parser reads only the digits and the `+`; dumps repeat values (test lines, fixtures).
    const key = international ? `+${digits}` : digits;
    let verdict = parsed.get(key);
    if (verdict === undefined) {
      const parses = international ? [parsePhoneNumberFromString(value)] : defaults.map((r) => parsePhoneNumberFromString(value, r));
      const valid = parses.find((p) => p !== undefined && (p.isValid() || (international && outsideNanp(p) && p.isPossible())));
      verdict = valid !== undefined && !fictional(valid);
      if (parsed.size >= PARSED_MEMO) parsed.clear();
      parsed.set(key, verdict);
    }
    return verdict;
  };
}
