// Structure-aware context: what a validated hit sits under. The engine asks once per hit, in stream
// order; this module looks back a bounded distance from the hit (a key on the same line, the column
// of a CSV row, an INSERT tuple or a COPY row) and keeps a little state across windows (the CSV
// header, CREATE TABLE column lists, the open COPY block). It never scans a window byte by byte: a
// window costs a few native indexOf calls, a hit costs a look back over its own line or tuple.
//
// A key or column named like the rule's context words raises confidence; one named like an id,
// version, hash or timestamp (or like another kind of PII) lowers it. Reasons name the key, never
// the value, and only when the name looks like an identifier.
import { ownedCopy } from './owned.js';
import type { CompiledRule, Confidence } from './types.js';

/** Shared by every hit in the same context: read-only. */
export interface HitContext {
  readonly confidence: Confidence;
  /** Why: `column "ssn"`, `key "order_no"`, `near "phone"`, `no context`. Never contains the value. */
  readonly reason: string;
  readonly table?: string;
  /** Column or key name. */
  readonly field?: string;
}

/** Names that say a value is an identifier of something other than a person. */
const STRONG_NEGATIVE = ['release', 'upgrade', 'upgraded', 'uuid', 'guid', 'hash', 'sha', 'sha1', 'sha256', 'md5', 'checksum', 'fingerprint', 'digest', 'version', 'ver', 'timestamp', 'isbn', 'tracking', 'sku', 'barcode', 'ean', 'upc', 'gtin', 'build', 'commit', 'token', 'nonce', 'trace', 'span', 'etag'];
const WEAK_NEGATIVE = ['order', 'orders', 'id', 'ids', 'invoice', 'ticket', 'ref', 'reference', 'txn', 'transaction', 'serial', 'created', 'updated', 'epoch', 'ms', 'ts', 'zip', 'postal', 'postcode', 'price', 'amount', 'total', 'qty', 'quantity', 'shipment', 'parcel', 'request', 'session', 'product', 'item', 'batch', 'job', 'port', 'pid', 'server', 'host', 'hostname', 'dns', 'gateway', 'proxy', 'resolver', 'nameserver', 'upstream', 'endpoint'];

/** Low-confidence findings sit under keys such as order_id or uuid: reporting them would cry wolf. */
export const DEFAULT_MIN_CONFIDENCE: Confidence = 'medium';

const RANK: Record<Confidence, number> = { low: 1, medium: 2, high: 3 };
export function confidenceRank(c: Confidence): number {
  return RANK[c];
}

const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;
function charClass(code: number): number {
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 97 && code <= 122) return LOWER;
  return code >= 48 && code <= 57 ? DIGIT : 0;
}

/**
 * `SocialSecurityNumber`, `date_of_birth`, `NHSNumber` → lowercase word tokens. A word ends before an
 * uppercase letter that follows a lowercase letter or digit, or that starts a capitalised word after
 * other capitals; anything but ASCII letters and digits separates words. One pass: near texts are
 * tokenized once per distinct text, and dumps and logs have many.
 */
function tokenize(name: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const cls = i < name.length ? charClass(name.charCodeAt(i)) : 0;
    if (cls === 0) {
      if (start >= 0) tokens.push(name.slice(start, i).toLowerCase());
      start = -1;
      continue;
    }
    if (start < 0) {
      start = i;
      continue;
    }
    if (cls !== UPPER) continue;
    const prev = charClass(name.charCodeAt(i - 1));
    if (prev !== UPPER || charClass(name.charCodeAt(i + 1)) === LOWER) {
      tokens.push(name.slice(start, i).toLowerCase());
      start = i;
    }
  }
  return tokens;
}

type Owner = string; // a rule id, or 'negative' / 'strong'
interface Term {
  tokens: string[];
  owner: Owner;
}

/** Term lookup by last token: a name's tokens are checked from their end. */
class TermIndex {
  private byLast = new Map<string, Term[]>();
  add(phrase: string, owner: Owner): void {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return;
    const last = tokens.at(-1)!;
    const list = this.byLast.get(last) ?? [];
    list.push({ tokens, owner });
    this.byLast.set(last, list);
  }
  /** Every term that ends at tokens[end]. */
  termsAt(tokens: string[], end: number): Term[] {
    return (this.byLast.get(tokens[end]!) ?? []).filter((term) => {
      const from = end - term.tokens.length + 1;
      return from >= 0 && term.tokens.every((t, i) => tokens[from + i] === t);
    });
  }
}

/** What a name or a nearby word says about a hit: it is this kind, it is an id of a thing, it is not. */
type Verdict = 'positive' | 'strong-negative' | 'weak-negative' | 'neutral';

function verdictOf(owners: Owner[], ruleId: string): Verdict {
  if (owners.includes('strong')) return 'strong-negative';
  if (owners.includes(ruleId)) return 'positive';
  return owners.length > 0 ? 'weak-negative' : 'neutral'; // a generic id word, or another kind's word
}

/** A key or column name: `ssn_hash` is a hash, `order_email` is an email, `order_no` is not an SSN. */
function judgeName(index: TermIndex, tokens: string[], ruleId: string): Verdict {
  const owners: Owner[] = [];
  for (let end = 0; end < tokens.length; end++) owners.push(...index.termsAt(tokens, end).map((t) => t.owner));
  return verdictOf(owners, ruleId);
}

/**
 * In free text the nearest telling word before a hit decides: `ssn 123…` vs `order 123…`. A generic
 * id word or another kind's word counts only right before the value (`order id 123`): further back
 * it belongs to something else said earlier (`the batch job finished. call me on …`).
 */
function judgeNear(index: TermIndex, tokens: string[], ruleId: string): { verdict: Verdict; word?: string; adjacent: boolean } {
  for (let end = tokens.length - 1; end >= 0; end--) {
    const terms = index.termsAt(tokens, end);
    if (terms.length === 0) continue;
    const verdict = verdictOf(terms.map((t) => t.owner), ruleId);
    if (verdict === 'weak-negative' && tokens.length - 1 - end > 1) continue;
    const longest = terms.reduce((a, b) => (b.tokens.length > a.tokens.length ? b : a));
    return { verdict, word: longest.tokens.join(' '), adjacent: end === tokens.length - 1 };
  }
  return { verdict: 'neutral', adjacent: false };
}

/** `[\d+(]`: the value starts like a number. */
const numericAt = (text: string, at: number) => {
  const code = text.charCodeAt(at);
  return (code >= 48 && code <= 57) || code === 43 || code === 40;
};
/** The longest key, element name or run of words before a value that a rating reads. */
const NAME_MAX = 48;

/** Tokens that column and key names of most dumps and logs hold: a needle that is one of them would be everywhere. */
const COMMON_TOKENS = new Set(['number', 'date', 'service', 'document']);
const NEEDLE_MIN = 3;

/**
 * The text a phrase's tokens can be read from, as a pattern (case aside) that every such text
 * matches: one telling token of it, or where it has none (`s.i.n`), all of them in order with
 * whatever separates tokens between them. A key, an element name and the words before a value are at
 * most NAME_MAX characters; undefined for a one-token phrase too short to tell.
 */
function needleOf(tokens: string[]): Needles | undefined {
  const telling = tokens.find((t) => t.length >= NEEDLE_MIN && !COMMON_TOKENS.has(t));
  if (telling !== undefined) return { source: telling, longest: telling.length, spaced: false };
  if (tokens.length < 2) return undefined;
  return { source: tokens.join(`[^A-Za-z0-9]{0,${NAME_MAX}}`), longest: NAME_MAX, spaced: true };
}

/**
 * A pattern of needles, read without regard to case; `longest` bounds a match. `spaced`: some needle
 * allows only NAME_MAX characters between tokens, which a column name of a Markdown table in the same
 * text may exceed (a row holds a `|`).
 */
export interface Needles {
  source: string;
  longest: number;
  spaced: boolean;
}

/**
 * What a text must hold for a key, element name or the words before a value in it to rate a hit of
 * `rule` high: a pattern, read without regard to case, of its context phrases' needles (needleOf).
 * Given only for rules that report nothing without such a rating (requireContext 'always', below
 * high confidence), so that the engine may skip them where a window holds none; `longest` bounds a
 * match. Undefined for other rules, and where a phrase gives no needle.
 */
export function contextNeedles(rule: CompiledRule): Needles | undefined {
  if (rule.requireContext !== 'always' || rule.confidence === 'high') return undefined;
  const needles: Needles[] = [];
  for (const phrase of rule.spec.context ?? []) {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) continue; // never read: nothing to look for
    const needle = needleOf(tokens);
    if (needle === undefined) return undefined;
    needles.push(needle);
  }
  if (needles.length === 0) return undefined;
  return { source: [...new Set(needles.map((n) => n.source))].join('|'), longest: Math.max(...needles.map((n) => n.longest)), spaced: needles.some((n) => n.spaced) };
}

const STEP_DOWN: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };

/**
 * Structure is reliable, so a telling name decides, and so does a word right before the value; a
 * word further back in prose only shifts by one step. Generic id words (order, id, ref) speak about
 * numbers only: `user_id: jane@…` is still an address.
 */
function confidenceOf(verdict: Verdict, base: Confidence, decisive: boolean, numeric: boolean): Confidence {
  if (verdict === 'positive') return 'high';
  if (verdict === 'strong-negative') return 'low';
  if (verdict === 'neutral' || !numeric) return base;
  return decisive ? 'low' : STEP_DOWN[base];
}

const SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_. -]{0,47}$/;
/** Names are shown in reports; anything that could itself be data (digits, `@`) is left out. */
function safeName(name: string): string | undefined {
  return SAFE_NAME.test(name) && !/\d{3}/.test(name) ? name : undefined;
}

// A key right before the value on its line: `"ssn": "`, `ssn: `, `SSN=`, `ssn => '`, `<ssn>`, `ssn="`.
// Read backwards from the value (keyEndingAt): a regex anchored at the end tries every start before it.
const XML_ELEMENT_BEFORE = /<([A-Za-z_][\w:.-]{0,47})(?:\s[^<>]{0,200})?>\s*$/;
const KEY_MAX = NAME_MAX;

/** Character classes of latin1 text, as bit flags. */
const SPACE = 1; // \s
const KEY_CHAR = 2; // [\w.-]
const KEY_FIRST = 4; // [A-Za-z_]
const QUOTE = 8; // ["'`]
const KEY_BOUNDARY = 16; // what may precede a key (or its opening quote): [\s{,;(&?"'<[]
const CLASS = new Uint8Array(256);
for (const code of [9, 10, 11, 12, 13, 32, 160]) CLASS[code]! |= SPACE | KEY_BOUNDARY;
for (let code = 0; code < 256; code++) {
  const ch = String.fromCharCode(code);
  if (/[\w.-]/.test(ch)) CLASS[code]! |= KEY_CHAR;
  if (/[A-Za-z_]/.test(ch)) CLASS[code]! |= KEY_FIRST;
}
for (const ch of '"\'`') CLASS[ch.charCodeAt(0)]! |= QUOTE;
for (const ch of '{,;(&?"\'<[') CLASS[ch.charCodeAt(0)]! |= KEY_BOUNDARY;
// Texts here are latin1 views of the bytes: every character is below 256.
const is = (text: string, at: number, flag: number) => ((CLASS[text.charCodeAt(at)] ?? 0) & flag) !== 0;

/**
 * The key of `key: "`, `"key" => `, `key=` … ending [from, to): a name of up to 48 word characters
 * (`.` and `-` too, not starting with a digit), optionally quoted, after the start or a delimiter,
 * then a separator (`:`, `=`, `:=`, `=>`) and optionally an opening quote or paren.
 */
function keyEndingAt(text: string, from: number, to: number): string | undefined {
  let i = to - 1;
  while (i >= from && is(text, i, SPACE)) i--;
  if (i >= from && (is(text, i, QUOTE) || text.charCodeAt(i) === 40)) i--;
  while (i >= from && is(text, i, SPACE)) i--;
  const last = text.charCodeAt(i);
  if (i < from || (last !== 58 && last !== 61 && last !== 62)) return undefined; // : = >
  const before = i > from ? text.charCodeAt(i - 1) : -1;
  if (last === 62) {
    if (before !== 61) return undefined;
    i -= 2; // =>
  } else i -= last === 61 && before === 58 ? 2 : 1; // := or a lone : or =
  while (i >= from && is(text, i, SPACE)) i--;
  if (i >= from && is(text, i, QUOTE)) i--;
  const end = i + 1;
  while (i >= from && is(text, i, KEY_CHAR)) i--;
  const start = i + 1;
  if (start === end || end - start > KEY_MAX || !is(text, start, KEY_FIRST)) return undefined;
  const delimited = i < from || is(text, i, KEY_BOUNDARY) || (is(text, i, QUOTE) && (i === from || is(text, i - 1, KEY_BOUNDARY)));
  return delimited ? text.slice(start, end) : undefined;
}

/** The key a value at `to` sits under, when the text right before it is a key and a separator. */
function keyBefore(text: string, from: number, to: number): string | undefined {
  let last = to - 1;
  while (last >= from && (text.charCodeAt(last) === 32 || text.charCodeAt(last) === 9)) last--;
  const ch = text[last];
  // Most hits follow a delimiter or a word: skip the regexes unless a key could end here.
  if (ch === '>') return XML_ELEMENT_BEFORE.exec(text.slice(from, to))?.[1];
  if (ch === '"' || ch === "'" || ch === '`' || ch === '(') {
    // An opening quote or paren counts only right after a separator: `ssn: '`, not `, '` in an INSERT tuple.
    let sep = last - 1;
    while (sep >= from && is(text, sep, SPACE)) sep--;
    if (text[sep] !== ':' && text[sep] !== '=' && text[sep] !== '>') return undefined;
  } else if (ch !== ':' && ch !== '=') return undefined;
  return keyEndingAt(text, from, to);
}
const KEY_LOOKBACK = 96;
// Words before a value count only up to the start of its own field or string.
const FIELD_START = new Uint8Array(256);
for (const ch of '"\'{}<>|;\t') FIELD_START[ch.charCodeAt(0)] = 1;

function nearText(text: string, from: number, to: number): string {
  let cut = to;
  while (cut > from && FIELD_START[text.charCodeAt(cut - 1)] !== 1) cut--;
  return text.slice(cut, to);
}
const NEAR_LOOKBACK = NAME_MAX;
/** How far before a hit its key or words can start: the engine keeps that much text before each window. */
export const CONTEXT_LOOKBACK = Math.max(KEY_LOOKBACK, NEAR_LOOKBACK);
const HEADER_MAX = 8192;

interface SqlHeader {
  table: string;
  /** Undefined: the statement names none, the table's CREATE TABLE does. */
  columns: string[] | undefined;
}

function unquote(name: string): string {
  return name.trim().replace(/^[`"'[]|[`"'\]]$/g, '');
}

function tableName(raw: string): string {
  const parts = raw.split('.').map(unquote);
  return parts.at(-1)!;
}

function splitColumns(list: string): string[] {
  return list.split(',').map(unquote);
}

const CREATE_TABLE = /CREATE\s+(?:TEMP(?:ORARY)?\s+)?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?([`"[\]\w.]+)\s*\(/iy;
const CREATE_BEFORE = /CREATE\s+(?:TEMP(?:ORARY)?\s+)?$/i;
const NOT_A_COLUMN = /^(?:PRIMARY|KEY|UNIQUE|CONSTRAINT|INDEX|FOREIGN|CHECK|FULLTEXT|SPATIAL|EXCLUDE)\b/i;
const COPY_HEADER = /COPY\s+([`"[\]\w.]+)\s*\(([^)]{1,8000})\)\s+FROM\s+stdin/iy;
const INSERT_HEADER = /\s*INSERT\s+(?:IGNORE\s+)?INTO\s+([`"[\]\w.]+)\s*(?:\(([^)]{1,8000})\))?\s*VALUES\s*/iy;
/** A line that starts an INSERT statement. */
const INSERT_START = /^\s*INSERT\s/i;
/** A line that continues an INSERT with more tuples. */
const TUPLE_LINE = /^\s*\(/;
/** What comes right before a `(` that opens an INSERT tuple. */
const TUPLE_OPENS = /(?:\)\s*,\s*|VALUES\s*|^\s*)$/i;
/**
 * `text.lastIndexOf('\n', at)` where `text` is the latin1 view of `bytes`: a Buffer is searched back
 * with memrchr, a string byte by byte (2 vs 70 µs over a 120 KiB window of one long line).
 */
function lastLineFeed(bytes: Buffer, at: number): number {
  // A string searches a negative position as 0; a Buffer would count it from the end.
  return at < 0 ? (bytes[0] === 10 ? 0 : -1) : bytes.lastIndexOf(10, at);
}
const parenIn = (text: string, from: number, to: number) => {
  const at = text.indexOf('(', from);
  return at !== -1 && at <= to;
};

const STATEMENT_MAX = 65536;
/**
 * Where statements may start: SQL keywords in any case, as the statement patterns read them. Found in
 * one pass: the engine's automaton (positions given to window()), else this regex.
 */
export const SQL_KEYWORDS = ['insert', 'table', 'copy '] as const;
const SQL_KEYWORD = new RegExp(SQL_KEYWORDS.join('|'), 'gi');

/** Where each of SQL_KEYWORDS starts in a window's region, in that order; ascending. */
export type KeywordStarts = readonly [inserts: readonly number[], tables: readonly number[], copies: readonly number[]];

/** Calls `handle` at each match of `marker` (global) that starts in [from, to). */
function observe(text: string, from: number, to: number, marker: RegExp, handle: (at: number) => void): void {
  marker.lastIndex = from;
  for (let m = marker.exec(text); m !== null && m.index < to; m = marker.exec(text)) handle(m.index);
}

function keywordsIn(text: string, from: number, to: number): KeywordStarts {
  const starts: [number[], number[], number[]] = [[], [], []];
  // Which keyword by its first letter (they differ), lowercased.
  observe(text, from, to, SQL_KEYWORD, (at) => starts[SQL_KEYWORDS.findIndex((k) => k.charCodeAt(0) === (text.charCodeAt(at) | 0x20))]!.push(at));
  return starts;
}
const COPY_END = /\n\\\./g;

/**
 * Column names of a CREATE TABLE body starting after its `(`: top-level items, first word each;
 * 'incomplete' when the text ends inside the body.
 */
function createTableColumns(text: string, from: number): string[] | 'incomplete' | undefined {
  let depth = 0;
  let item = from;
  const columns: string[] = [];
  const limit = Math.min(text.length, from + STATEMENT_MAX);
  for (let i = from; i < limit; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40) depth++;
    else if (ch === 41 || (ch === 44 && depth === 0)) {
      if (depth === 0) {
        const decl = text.slice(item, i).trim();
        if (decl && !NOT_A_COLUMN.test(decl)) columns.push(unquote(decl.split(/\s+/)[0]!));
        item = i + 1;
        if (ch === 41) return columns;
      } else depth--;
    }
  }
  return limit === text.length ? 'incomplete' : undefined;
}

const withName = (column: string | undefined) => (column === undefined ? undefined : { column });

const TABLE_ROW = /^[ \t]*\|/;
const TABLE_RULE = /^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$/;
/** What markdownHeader found for a row of the same text (`at`: its line's start). */
interface KnownRow {
  at: number;
  header: string[] | 'above' | undefined;
}

const isTableRow = (text: string, start: number) => TABLE_ROW.test(text.slice(start, start + 16));

/**
 * Column names of the Markdown pipe table a row (its line starting at `start`) belongs to: the line
 * above its `|---|` rule; 'above' when the rows or the header run back past the start of `text` (where
 * a line starts only at the start of the stream: `streamStart`). The search back ends at the row
 * `known` (every line between being a row): rows come in order, so each line of a text is read once
 * however long its tables are.
 */
function markdownHeader(text: string, start: number, streamStart: boolean, known?: KnownRow): string[] | 'above' | undefined {
  if (known?.at === start) return known.header;
  let end = start - 1;
  for (;;) {
    if (end <= 0) return 'above';
    const from = text.lastIndexOf('\n', end - 1) + 1;
    if (from === known?.at) return known.header;
    const line = text.slice(from, end);
    if (TABLE_RULE.test(line)) {
      const headerStart = text.lastIndexOf('\n', from - 2) + 1;
      if (from === 0 || (headerStart === 0 && !streamStart)) return 'above';
      return cellsOf(text.slice(headerStart, from - 1));
    }
    // The window's first line may be the tail of a row: what lies before it is unknown here.
    if (from === 0) return 'above';
    if (!TABLE_ROW.test(line)) return undefined;
    end = from - 1;
  }
}

function cellsOf(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((n) => n.trim());
}

/**
 * The header of the Markdown table that the line starting at `start` (its header line, its rule or
 * a row) belongs to: what the rows after it take. A window ending inside a table passes it on.
 */
function tableHeaderAt(text: string, start: number, streamStart: boolean): string[] | 'above' | undefined {
  const eol = text.indexOf('\n', start);
  if (eol === -1) return isTableRow(text, start) ? markdownHeader(text, start, streamStart) : undefined;
  const line = text.slice(start, eol);
  const lineStartKnown = start > 0 || streamStart;
  if (TABLE_RULE.test(line)) {
    const headerStart = text.lastIndexOf('\n', start - 2) + 1;
    return start === 0 || (headerStart === 0 && !streamStart) ? 'above' : cellsOf(text.slice(headerStart, start - 1));
  }
  const nextEnd = text.indexOf('\n', eol + 1);
  if (lineStartKnown && TABLE_ROW.test(line) && TABLE_RULE.test(text.slice(eol + 1, nextEnd === -1 ? text.length : nextEnd))) return cellsOf(line);
  return isTableRow(text, start) ? markdownHeader(text, start, streamStart) : undefined;
}

interface CsvHeader {
  delimiter: string;
  names: string[];
}

const DELIMITERS = [',', ';', '\t', '|'];
const HEADER_FIELD = /^[A-Za-z_][\w .()#/-]{0,63}$/;

const headerName = (field: string) => field.trim().replace(/^"(.*)"$/, '$1');

/** A first line of identifier-like names split by one delimiter is a header. */
function csvHeader(line: string): CsvHeader | undefined {
  let best: CsvHeader | undefined;
  for (const delimiter of DELIMITERS) {
    // Most first lines (JSON, SQL, logs) fail at their first field: split them no further.
    const first = line.indexOf(delimiter);
    if (first === -1 || !HEADER_FIELD.test(headerName(line.slice(0, first)))) continue;
    const names = line.split(delimiter).map(headerName);
    if (!names.every((n) => HEADER_FIELD.test(n))) continue;
    if (best === undefined || names.length > best.names.length) best = { delimiter, names };
  }
  return best;
}

/** How far a count of delimited fields has got: `index` of the field at `at`, and inside quotes or not. */
interface FieldCount {
  at: number;
  index: number;
  quoted: boolean;
}

/** Goes on counting fields from `count` up to `to` (honouring quotes) and returns the index of the field holding `to`. */
function countFields(text: string, count: FieldCount, to: number, delimiter: number, quote: number): number {
  let { at: i, index, quoted } = count;
  for (; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === quote) quoted = !quoted;
    else if (ch === 92 && quote === 39) i++; // mysqldump escapes: \'
    else if (ch === delimiter && !quoted) index++;
  }
  count.at = i;
  count.index = index;
  count.quoted = quoted;
  return index;
}

/** Index of the field holding `to` in a delimited line starting at `from`, honouring quotes. */
function fieldIndex(text: string, from: number, to: number, delimiter: number, quote: number): number {
  return countFields(text, { at: from, index: 0, quoted: false }, to, delimiter, quote);
}

export interface ContextTracker {
  /**
   * Called for every window before its hits: `text` is the latin1 view of the stream from absolute
   * offset `base`, [from, to) the region whose hits follow; `bytes` are the window's bytes;
   * `keywords`, where the SQL keywords that start in it are known already (the automaton found them),
   * as the regex finds them.
   */
  window(text: string, from: number, to: number, base: number, bytes: Buffer, keywords?: KeywordStarts): void;
  /** Context of a hit at `start` of the current window's text; hits come in increasing start order. */
  classify(rule: CompiledRule, text: string, start: number): HitContext;
  /**
   * Whether a column name this stream declared up to the current window (CSV header, CREATE TABLE,
   * COPY or INSERT column list, Markdown table header) rates hits of the rule high: a window that
   * holds none of its contextNeedles may still rate them high by such a column.
   */
  columnsMayName(rule: CompiledRule): boolean;
}

const MEMO_SIZE = 10_000;

/** What a rating is remembered by, besides the rule and whether the value is numeric. */
type Basis = 'key' | 'column' | 'table column' | 'near';
const BASES: Basis[] = ['key', 'column', 'table column', 'near'];

interface Memo<T> {
  get(rule: CompiledRule, numeric: boolean, basis: Basis, text: string): T | undefined;
  /** Remembers `value` and returns it. */
  set(rule: CompiledRule, numeric: boolean, basis: Basis, text: string, value: T): T;
}

/**
 * Results remembered per rule, kind of value and basis, by the text they were worked out from, up to
 * MEMO_SIZE at a time. One map per combination: a key joined from all of them would be a new string
 * to build and hash for every hit. (Get, then set on a miss: a compute callback would be a closure
 * allocated per hit.)
 */
function createMemo<T>(): Memo<T> {
  let maps = new Map<CompiledRule, Record<Basis, [Map<string, T>, Map<string, T>]>>();
  let size = 0;
  const mapOf = (rule: CompiledRule, numeric: boolean, basis: Basis): Map<string, T> => {
    let forRule = maps.get(rule);
    if (forRule === undefined) maps.set(rule, (forRule = Object.fromEntries(BASES.map((b) => [b, [new Map(), new Map()]])) as Record<Basis, [Map<string, T>, Map<string, T>]>));
    return forRule[basis][numeric ? 1 : 0];
  };
  return {
    get: (rule, numeric, basis, text) => mapOf(rule, numeric, basis).get(text),
    set(rule, numeric, basis, text, value) {
      if (size >= MEMO_SIZE) {
        maps = new Map();
        size = 0;
      }
      mapOf(rule, numeric, basis).set(ownedCopy(text), value); // `text` may be a slice of a window: the memo keeps a copy
      size++;
      return value;
    },
  };
}

interface Judge {
  remembered: Memo<HitContext | null>;
  /** The context a key or column name gives, or null when the name says nothing about the rule. */
  named(rule: CompiledRule, what: 'key' | 'column', name: string, table: string | undefined, numeric: boolean): HitContext | null;
  /** The context the words before a hit give, or none. */
  nearby(rule: CompiledRule, near: string, numeric: boolean): HitContext;
  /** The rules with contextNeedles (gated by them in the engine). */
  gated: readonly CompiledRule[];
  /** Those of them whose hits a key or column `name` rates high. */
  confirmedBy(name: string): readonly CompiledRule[];
}

/** One judge per rule list, shared by its streams: a folder of small files would otherwise index the words and warm the memo once per file. */
const judges = new WeakMap<CompiledRule[], Judge>();

function judgeFor(rules: CompiledRule[]): Judge {
  let judge = judges.get(rules);
  if (judge !== undefined) return judge;
  const index = new TermIndex();
  for (const rule of rules) for (const word of rule.spec.context ?? []) index.add(word, rule.id);
  for (const word of STRONG_NEGATIVE) index.add(word, 'strong');
  for (const word of WEAK_NEGATIVE) index.add(word, 'negative');
  const gated = rules.filter((rule) => contextNeedles(rule) !== undefined);
  // Files of a folder declare the same columns over and over.
  let confirmations = new Map<string, readonly CompiledRule[]>();
  judge = {
    // Dumps repeat a few column names millions of times, and the words before values too
    // (`client_ip":"`, `amount=`): each context is worked out once per rule, kind of value and text,
    // and hits share the result (its strings own their characters: findings keep them).
    remembered: createMemo<HitContext | null>(),
    named(rule, what, name, table, numeric) {
      const verdict = judgeName(index, tokenize(name), rule.id);
      if (verdict === 'neutral') return null;
      const field = safeName(name);
      const shownTable = table === undefined ? undefined : safeName(table);
      return {
        confidence: confidenceOf(verdict, rule.confidence, true, numeric),
        reason: field ? ownedCopy(`${what} "${field}"`) : what,
        ...(shownTable ? { table: ownedCopy(shownTable) } : {}),
        ...(field ? { field: ownedCopy(field) } : {}),
      };
    },
    gated,
    confirmedBy(name) {
      let rated = confirmations.get(name);
      if (rated === undefined) {
        const tokens = tokenize(name);
        rated = gated.filter((rule) => judgeName(index, tokens, rule.id) === 'positive');
        if (confirmations.size >= MEMO_SIZE) confirmations = new Map();
        confirmations.set(ownedCopy(name), rated);
      }
      return rated;
    },
    nearby(rule, near, numeric) {
      const { verdict, word, adjacent } = judgeNear(index, tokenize(near), rule.id);
      if (verdict === 'neutral') return { confidence: rule.confidence, reason: 'no context' };
      return { confidence: confidenceOf(verdict, rule.confidence, adjacent, numeric), reason: `near "${word}"` };
    },
  };
  judges.set(rules, judge);
  return judge;
}

/** The `(` opening the INSERT tuple that holds `hit` (the last one after a `VALUES` or a `),`), or -1. */
function tupleOpen(text: string, start: number, hit: number): number {
  let open = text.lastIndexOf('(', hit);
  while (open > start && !TUPLE_OPENS.test(text.slice(Math.max(start, open - 12), open))) open = text.lastIndexOf('(', open - 1);
  return open >= start ? open : -1;
}

export function createContextTracker(rules: CompiledRule[]): ContextTracker {
  return new StreamContext(judgeFor(rules));
}

/**
 * One stream's context. A class, not closures over the stream's state: closures made per stream are
 * new functions to V8 for each file, and its optimised code for them was dropped and compiled again
 * many times over a folder of files.
 */
class StreamContext implements ContextTracker {
  private readonly namedRules = new Set<CompiledRule>();
  private firstWindow = true;
  private csv: CsvHeader | undefined;
  private readonly tables = new Map<string, string[]>();
  // Structure events of the current window, in order, applied as hits pass them.
  private events: Array<{ at: number; apply: () => void }> = [];
  private nextEvent = 0;
  private copy: SqlHeader | undefined;
  // The line of the previous hit, in window coordinates (lineEnd -1: it runs past the window), and
  // the INSERT statement it belongs to. A line that began in an earlier window continues that
  // window's last INSERT. `lastInsert`: the last INSERT header before the current hit, at `lastInsertAt`
  // of this window (-1: in an earlier one).
  private lineStart = -1;
  private lineEnd = -1;
  private insert: SqlHeader | undefined;
  private lastInsert: SqlHeader | undefined;
  private lastInsertAt = -1;
  private insertAtWindowStart: SqlHeader | undefined;
  private atStreamStart = true;
  // The start of the line that runs into the next window (absolute `end`), for CSV and COPY fields;
  // undefined when that line is longer than STATEMENT_MAX.
  private headForNext: { text: string; end: number } | undefined = { text: '', end: 0 };
  private head: { text: string; end: number } | undefined;
  // The same for the INSERT tuple that runs into the next window (from its `(`).
  private tupleForNext: { text: string; end: number } | undefined;
  private tuple: { text: string; end: number } | undefined;
  private windowBase = 0;
  private windowBytes: Buffer = Buffer.alloc(0);
  // The header of the Markdown table running into this window (and into the next), for rows whose
  // header lies before the window.
  private markdown: string[] | undefined;
  private markdownForNext: string[] | undefined;
  // The last row of this window a hit sat in, and its table's header as markdownHeader found it.
  private knownRow: KnownRow | undefined;
  // The current line began before this window's text.
  private continued = false;
  private insertAtWindowEnd: SqlHeader | undefined;
  // A CREATE TABLE or COPY header that the window cut short; `end` is where its text stops (absolute).
  private pending: { text: string; end: number } | undefined;
  // The last hit's INSERT tuple: with no `(` after that hit up to the next one, the search back from
  // the next one ends where that one's did.
  private tupleText: string | undefined;
  private tupleLine = -1;
  private tupleHit = -1;
  private tupleAt = -1;
  // The fields counted up to the last hit of a line or tuple: the hits of a dump row come one after
  // another, and the next one counts on from there.
  private countText: string | undefined;
  private countFrom = -1;
  private countHit = -1;
  private countDelimiter = -1;
  private countQuote = -1;
  private readonly count: FieldCount = { at: 0, index: 0, quoted: false };

  constructor(private readonly judge: Judge) {}

  /** Notes the column names a statement or header declares, for columnsMayName(). */
  private declare(names: readonly string[] | undefined): void {
    if (names === undefined) return;
    const { gated, confirmedBy } = this.judge;
    for (let i = 0; i < names.length && this.namedRules.size < gated.length; i++) for (const rule of confirmedBy(names[i]!)) this.namedRules.add(rule);
  }

  /** The state change a CREATE TABLE or COPY header at `at` makes, or 'incomplete' when `text` ends first. */
  private parseStatement(text: string, at: number): (() => void) | 'incomplete' | undefined {
    CREATE_TABLE.lastIndex = at;
    const create = CREATE_TABLE.exec(text);
    if (create) {
      const columns = createTableColumns(text, CREATE_TABLE.lastIndex);
      if (columns === 'incomplete') return columns;
      if (columns === undefined || this.tables.size >= 1000) return undefined;
      this.declare(columns);
      return () => this.tables.set(tableName(create[1]!), columns);
    }
    COPY_HEADER.lastIndex = at;
    const header = COPY_HEADER.exec(text);
    if (header) {
      const columns = splitColumns(header[2]!);
      this.declare(columns);
      return () => (this.copy = { table: tableName(header[1]!), columns });
    }
    // Too little text to tell: the header's line (or the CREATE TABLE's opening paren) is not there yet.
    return text.indexOf('\n', at) === -1 && text.length - at < STATEMENT_MAX ? 'incomplete' : undefined;
  }

  private applyEventsUpTo(position: number): void {
    while (this.nextEvent < this.events.length && this.events[this.nextEvent]!.at < position) this.events[this.nextEvent++]!.apply();
  }

  /** The INSERT header of the line starting at `start`, or of the statement a tuple line continues (`before`). */
  private insertOf(text: string, start: number, before: SqlHeader | undefined): SqlHeader | undefined {
    INSERT_HEADER.lastIndex = start;
    const m = INSERT_HEADER.exec(text);
    if (m) return { table: tableName(m[1]!), columns: m[2] !== undefined ? splitColumns(m[2]) : undefined };
    return TUPLE_LINE.test(text.slice(start, start + 8)) ? before : undefined;
  }

  private tupleOpenOf(text: string, start: number, hit: number): number {
    if (text !== this.tupleText || start !== this.tupleLine || hit < this.tupleHit || parenIn(text, this.tupleHit + 1, hit)) {
      this.tupleText = text;
      this.tupleLine = start;
      this.tupleAt = tupleOpen(text, start, hit);
    }
    this.tupleHit = hit;
    return this.tupleAt;
  }

  /** fieldIndex, counting on from the last hit when it was in the same line or tuple. */
  private fieldOf(text: string, from: number, hit: number, delimiter: number, quote: number): number {
    if (text !== this.countText || from !== this.countFrom || hit < this.countHit || delimiter !== this.countDelimiter || quote !== this.countQuote) {
      this.countText = text;
      this.countFrom = from;
      this.countDelimiter = delimiter;
      this.countQuote = quote;
      this.count.at = from;
      this.count.index = 0;
      this.count.quoted = false;
    }
    this.countHit = hit;
    return countFields(text, this.count, hit, delimiter, quote);
  }

  /** The column of a hit at `hit` in a line starting at `start`; `inWindow`: `text` is the window's text. */
  private columnOf(text: string, start: number, hit: number, inWindow: boolean): { table?: string; column: string } | undefined {
    if (this.copy !== undefined) {
      const column = this.copy.columns?.[this.fieldOf(text, start, hit, 9, -1)];
      return column === undefined ? undefined : { table: this.copy.table, column };
    }
    const insert = this.insert;
    if (insert !== undefined) {
      const open = this.tupleOpenOf(text, start, hit);
      let index: number;
      if (open >= start) index = this.fieldOf(text, open + 1, hit, 44, 39);
      else if (this.continued && this.tuple !== undefined) {
        // The tuple began in an earlier window: count its fields from its real start.
        const since = this.tuple.text + text.slice(this.tuple.end - this.windowBase, hit);
        index = fieldIndex(since, 1, since.length, 44, 39);
      } else return undefined;
      const column = (insert.columns ?? this.tables.get(insert.table))?.[index];
      return column === undefined ? undefined : { table: insert.table, column };
    }
    if (isTableRow(text, start)) {
      const found = markdownHeader(text, start, this.atStreamStart, inWindow ? this.knownRow : undefined);
      if (inWindow) this.knownRow = { at: start, header: found };
      const table = found === 'above' ? this.markdown : found;
      if (table !== undefined) return withName(table[this.fieldOf(text, start, hit, 124, -1) - 1]);
    }
    if (this.csv !== undefined) return withName(this.csv.names[this.fieldOf(text, start, hit, this.csv.delimiter.charCodeAt(0), 34)]);
    return undefined;
  }

  window(text: string, from: number, to: number, base: number, bytes: Buffer, keywords: KeywordStarts = keywordsIn(text, from, to)): void {
    this.atStreamStart = base === 0;
    this.windowBase = base;
    this.windowBytes = bytes;
    for (; this.nextEvent < this.events.length; this.nextEvent++) this.events[this.nextEvent]!.apply();
    const events: Array<{ at: number; apply: () => void }> = [];
    this.events = events;
    this.nextEvent = 0;
    this.lineStart = -1;
    // Counts and searches are in the last window's text: let it go.
    this.tupleText = this.countText = undefined;
    this.insertAtWindowStart = this.insertAtWindowEnd;
    const head = (this.head = this.headForNext);
    this.markdown = this.markdownForNext;
    this.knownRow = undefined;
    if (this.insertAtWindowStart === undefined && head !== undefined && INSERT_START.test(head.text)) {
      // The line running into this window starts with an INSERT header that the last window cut
      // short: read it again on from this window, or its tuples here and after would have no columns.
      this.insertAtWindowStart = this.insertAtWindowEnd = this.insertOf(head.text + text.slice(head.end - base), 0, undefined);
      this.declare(this.insertAtWindowStart?.columns);
    }
    const [insertsAt, tablesAt, copiesAt] = keywords;
    // INSERT headers, in order: a tuple on a line of its own belongs to the last one before it.
    const inserts: Array<{ at: number; header: SqlHeader }> = [];
    for (const at of insertsAt) {
      const header = this.insertOf(text, at, undefined);
      if (header !== undefined) inserts.push({ at, header });
      this.declare(header?.columns);
    }
    this.lastInsertAt = -1;
    for (const { at, header } of inserts) events.push({ at, apply: () => ((this.lastInsert = header), (this.lastInsertAt = at)) });
    const lastLf = lastLineFeed(bytes, to - 1);
    if (lastLf >= from) this.insertAtWindowEnd = this.insertOf(text, lastLf + 1, inserts.filter((i) => i.at <= lastLf).at(-1)?.header ?? this.lastInsert);
    // The statement the window's last line runs on in: the last INSERT on that line, if any.
    const lastOfLine = inserts.at(-1);
    if (lastOfLine !== undefined && lastOfLine.at > lastLf) this.insertAtWindowEnd = lastOfLine.header;
    const lastRow = tableHeaderAt(text, lastLf + 1, this.atStreamStart);
    this.markdownForNext = lastRow === 'above' ? this.markdown : lastRow;
    this.declare(this.markdownForNext);
    const tail = lastLf >= from ? text.slice(lastLf + 1, to) : head && head.text + text.slice(head.end - base, to);
    this.headForNext = tail !== undefined && tail.length < STATEMENT_MAX ? { text: tail, end: base + to } : undefined;
    const tuple = (this.tuple = this.tupleForNext);
    // An extended INSERT line runs on for megabytes: the next window needs the start of its last tuple.
    const open = this.insertAtWindowEnd === undefined ? -1 : tupleOpen(text, lastLf + 1, to);
    const tupleTail = open >= 0 ? text.slice(open, to) : this.insertAtWindowEnd && lastLf < from && tuple ? tuple.text + text.slice(tuple.end - base, to) : undefined;
    this.tupleForNext = tupleTail !== undefined && tupleTail.length < STATEMENT_MAX ? { text: tupleTail, end: base + to } : undefined;
    if (this.firstWindow) {
      this.firstWindow = false;
      const eol = text.indexOf('\n', from);
      const first = text.slice(from, eol === -1 ? Math.min(text.length, HEADER_MAX) : Math.min(eol, from + HEADER_MAX)).replace(/\r$/, '');
      this.csv = csvHeader(first);
      this.declare(this.csv?.names);
    }
    if (this.pending !== undefined) {
      // A statement cut by the previous window's end: its start, then the rest from this window.
      const stitched = this.pending.text + text.slice(this.pending.end - base);
      const parsed = this.parseStatement(stitched, 0);
      this.pending = parsed === 'incomplete' && stitched.length < STATEMENT_MAX ? { text: stitched, end: base + text.length } : undefined;
      if (parsed !== 'incomplete') parsed?.();
    }
    const statement = (at: number) => {
      const parsed = this.parseStatement(text, at);
      if (parsed === 'incomplete') this.pending = { text: text.slice(at), end: base + text.length };
      else if (parsed !== undefined) events.push({ at, apply: parsed });
    };
    // V8 finds `table` several times faster than `create ` (a pattern ending in a space skips badly).
    for (const at of tablesAt) {
      const start = CREATE_BEFORE.exec(text.slice(Math.max(0, at - 24), at));
      if (start) statement(at - start[0].length);
    }
    copiesAt.forEach(statement);
    observe(text, from, to, COPY_END, (at) => events.push({ at, apply: () => (this.copy = undefined) }));
    events.sort((a, b) => a.at - b.at);
  }

  columnsMayName(rule: CompiledRule): boolean {
    return this.namedRules.has(rule);
  }

  classify(rule: CompiledRule, text: string, start: number): HitContext {
    const { remembered, named, nearby } = this.judge;
    const numeric = numericAt(text, start);
    // The line holding the hit; hits arrive in order, so each line is searched once.
    if (this.lineStart < 0 || (this.lineEnd !== -1 && start > this.lineEnd)) {
      const lf = lastLineFeed(this.windowBytes, start - 1);
      this.lineStart = lf + 1;
      this.lineEnd = text.indexOf('\n', start);
      this.continued = lf === -1 && !this.atStreamStart;
      // A tuple line continues the last INSERT before the line, not one further on it: which of the
      // line's hits is rated first (the engine skips some rules' hits) must not change that.
      this.applyEventsUpTo(this.lineStart);
      this.insert = this.continued ? this.insertAtWindowStart : this.insertOf(text, this.lineStart, this.lastInsert);
    }
    this.applyEventsUpTo(start);
    const lineStart = this.lineStart;
    // Several statements on one line: a hit after a later INSERT on it belongs to that one.
    if (this.lastInsertAt > lineStart) this.insert = this.lastInsert;

    const key = keyBefore(text, Math.max(lineStart, start - KEY_LOOKBACK), start);
    if (key !== undefined) {
      let found = remembered.get(rule, numeric, 'key', key);
      if (found === undefined) found = remembered.set(rule, numeric, 'key', key, named(rule, 'key', key, undefined, numeric));
      if (found !== null) return found;
    }
    let cell: { table?: string; column: string } | undefined;
    // An INSERT tuple is found by looking back from the hit; CSV and COPY fields count from the line start.
    if (!this.continued || this.insert !== undefined) cell = this.columnOf(text, lineStart, start, true);
    else if (this.head !== undefined) {
      // The line began in an earlier window: count its fields from its real start.
      const line = this.head.text + text.slice(this.head.end - this.windowBase, start);
      cell = this.columnOf(line, 0, line.length, false);
    }
    if (cell !== undefined) {
      const { table, column } = cell;
      const basis = table === undefined ? 'column' : 'table column';
      const name = table === undefined ? column : `${table}\0${column}`;
      let found = remembered.get(rule, numeric, basis, name);
      if (found === undefined) found = remembered.set(rule, numeric, basis, name, named(rule, 'column', column, table, numeric));
      if (found !== null) return found;
    }
    const near = nearText(text, Math.max(lineStart, start - NEAR_LOOKBACK), start);
    // Never null: the words before a value always give a rating, if only "no context".
    return remembered.get(rule, numeric, 'near', near) ?? remembered.set(rule, numeric, 'near', near, nearby(rule, near, numeric))!;
  }
}
