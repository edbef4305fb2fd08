// The engine: a stream of UTF-8 chunks × compiled rules → findings. No I/O, no printing.
//
// Chunks are joined into windows that overlap, so a match cut by a chunk border is still seen whole:
// each window is scanned only for matches *starting* in its accept region [acceptFrom, acceptTo);
// the OVERLAP bytes after acceptTo are kept for the next window, and KEEP_BEHIND bytes before
// acceptFrom give lookbehind assertions and the context rating their left context. Memory is bounded
// by the chunk size.
import { buildAutomaton, type Automaton, type Covered, type PatternSource } from './automaton.js';
import { CONTEXT_LOOKBACK, confidenceRank, contextNeedles, createContextTracker, SQL_KEYWORDS, type ContextTracker, type HitContext, type KeywordStarts } from './context.js';
import { FindingsLimit } from './findings-cap.js';
import { withFingerprint } from './redact.js';
import { ALLOW_MARKER, findAllowDirectives, type DirectiveMatch } from './inline-allow.js';
import { LineTracker, type Position } from './location.js';
import type { AllowDirective, CompiledRule, EngineFinding, Finding } from './types.js';

/** Per rule id: normalised allowlisted value → indexes of the config allowlist entries naming it. */
export type AllowedValues = ReadonlyMap<string, ReadonlyMap<string, number[]>>;

/** Longest value the engine guarantees to see in one piece (PII values are far shorter). */
export const OVERLAP = 256;
const LOOKBEHIND = 64;
/** Text kept before a window's accept region: for lookbehinds, and for the key or words before a hit. */
const KEEP_BEHIND = Math.max(LOOKBEHIND, CONTEXT_LOOKBACK);
/**
 * Chunks are scanned in pieces of at most this many bytes, so that a window's latin1 text stays below
 * the size (~1,007 KiB) from which Node makes it an external string: those are not counted in V8's
 * heap, are collected late, and a fast scan of a big file then held 150 MB of old windows.
 */
const PIECE_BYTES = 120 << 10;

/** A match, in absolute byte offsets of the stream. Raw text stays inside this module. */
interface Hit {
  rule: CompiledRule;
  start: number;
  end: number;
  /** The raw value: masked only once the hit is kept. */
  value: string;
  listed: number[] | undefined;
  /**
   * Reported only with telling context (`requireContext`). Such a hit is validated after its context
   * is known: most fail that cheaper test, and some validators (phone numbers) are costly.
   */
  needsContext: boolean;
  /** Set once the hit is rated, in stream order. */
  context: HitContext | undefined;
}

function groupSpan(m: RegExpExecArray, group: number | string): [number, number] | undefined {
  if (group === 0) return [m.index, m.index + m[0].length];
  const indices = m.indices;
  const span = typeof group === 'number' ? indices?.[group] : indices?.groups?.[group];
  return span ?? undefined;
}

/** Whether `s` is ASCII (`withoutLf`: and holds no line feed). A loop: values are short, and a regex call per match cost more. */
function ascii(s: string, withoutLf: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code > 0x7f || (withoutLf && code === 10)) return false;
  }
  return true;
}
const BARE = /^[A-Za-z0-9]+$/;

/**
 * Matches of one rule (validated, unless they need context first) that start in [from, to) of the
 * latin1 string `text` (at absolute offset `base`). Returns where the scan stopped: the end of the
 * last match starting before `to`, or `from`.
 */
function collect(rule: CompiledRule, text: string, from: number, to: number, base: number, allowed: AllowedValues | undefined, out: Hit[]): number {
  const re = rule.regex;
  const listedValues = allowed?.get(rule.id);
  let scanned = from;
  re.lastIndex = from;
  for (;;) {
    // The next match starts where the last one ended or later: once that is `to`, none is taken.
    // (Around the automaton's possible ends, most slices hold one match: this saves a regex call each.)
    if (scanned >= to) return scanned;
    const m = re.exec(text);
    if (m === null || m.index >= to) return scanned;
    scanned = m.index + m[0].length;
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const span = groupSpan(m, rule.group);
    if (span === undefined || span[1] === span[0]) continue;
    const latin1 = rule.group === 0 ? m[0] : text.slice(span[0], span[1]);
    const value = ascii(latin1, false) ? latin1 : Buffer.from(latin1, 'latin1').toString('utf8');
    // Most rules list no known values and most configs allowlist none: skip normalising for them.
    const normalized = rule.allow.size > 0 || listedValues !== undefined ? rule.normalize(value) : undefined;
    if (normalized !== undefined && rule.allow.has(normalized)) continue;
    const needsContext = rule.requireContext === 'always' || (rule.requireContext === 'bare' && BARE.test(value));
    if (!needsContext && !rule.validate(value)) continue;
    out.push({ rule, start: base + span[0], end: base + span[1], value, listed: normalized === undefined ? undefined : listedValues?.get(normalized), needsContext, context: undefined });
  }
}

/**
 * Rules whose candidates are found together: one pass over the window finds the maximal runs of their
 * `chars` that hold enough of their `counts`. When `counts` is one or two characters (`@`, `.:`),
 * that pass is Buffer.indexOf on each (memchr) and a walk to the run's ends; otherwise a byte loop.
 */
interface CandidateGroup {
  rules: CompiledRule[];
  chars: Uint8Array;
  counts: Uint8Array;
  atLeast: number;
  anchors: number[] | undefined;
}

/**
 * One step of the pattern pass. Steps keep the order rules ran in before the automaton: hits with
 * equal spans keep that order, and which of them a tie in dropOverlaps() keeps depends on it.
 */
type Step =
  /** A rule whose possible match ends the automaton finds (`covered`: its index in `automaton.covered`). */
  | { covered: number; rule: CompiledRule }
  /** A rule without a candidate promise: its pattern runs over the whole window. */
  | { plain: CompiledRule }
  | { group: CandidateGroup };

/**
 * A rule that reports only what its context words rate high (contextNeedles) is skipped in a window
 * that holds none of its needles, where no column the stream declared holds one either: none of its
 * matches there could be reported. The automaton finds the needles in the same pass (`covered`: the
 * index of `needles` in `automaton.covered`) where they start in the window's region; `needles` tests
 * the text before it, up to the `longest` needle's length into it. A `spaced` needle says nothing
 * about a window that may hold a Markdown table (a `|`): its column names have no length bound.
 */
interface Gate {
  rule: CompiledRule;
  needles: PatternSource;
  longest: number;
  spaced: boolean;
  covered: number;
}

interface WithAutomaton {
  automaton: Automaton<PatternSource>;
  steps: Step[];
  gates: Gate[];
  /** Where SQL_KEYWORDS are in `automaton.covered`, for the context tracker (unless it had no room). */
  keywords: number[] | undefined;
  /** Where ALLOW_MARKER is in `automaton.covered` (unless it had no room). */
  marker: number | undefined;
}

interface Plan {
  /** Steps without the automaton, for windows too small to pay for it. */
  direct: Step[];
  /** Built on the first window of at least AUTOMATON_BYTES, then used for every window. */
  withAutomaton: WithAutomaton | undefined;
}

/**
 * Until a window of this size comes, windows run the steps without the automaton: building it (~10 ms)
 * and its first DFA states (~15 µs each, a thousand for a few small files) costs more than it saves
 * on a few small files, as in a pre-commit run.
 */
const AUTOMATON_BYTES = 16 << 10;

const MAX_ANCHORS = 2;

function anchorsOf(table: Uint8Array): number[] | undefined {
  const codes = [...table.keys()].filter((code) => table[code] === 1);
  return codes.length <= MAX_ANCHORS ? codes : undefined;
}

function makeGroup(rules: CompiledRule[]): CandidateGroup {
  const { chars, counts } = rules[0]!.candidate!;
  return { rules, chars, counts, atLeast: Math.min(...rules.map((r) => r.candidate!.atLeast)), anchors: anchorsOf(counts) };
}

const plans = new WeakMap<CompiledRule[], Plan>();

const tableKey = (t: Uint8Array): string => t.join('');

function planFor(rules: CompiledRule[]): Plan {
  let plan = plans.get(rules);
  if (plan === undefined) plans.set(rules, (plan = { direct: stepsFor(rules, new Map()), withAutomaton: undefined }));
  return plan;
}

function withAutomaton(rules: CompiledRule[]): WithAutomaton {
  const needles = rules.flatMap((rule) => {
    const found = contextNeedles(rule);
    return found === undefined ? [] : [{ rule, needles: { regex: new RegExp(found.source, 'i') }, longest: found.longest, spaced: found.spaced }];
  });
  const keywords = SQL_KEYWORDS.map((keyword) => ({ regex: new RegExp(keyword, 'i') }));
  const marker = { regex: new RegExp(ALLOW_MARKER) };
  // Rules first: where the automaton has no room left for all, needles go without their gate, the
  // context tracker finds the keywords itself, and each window is searched for the marker.
  const automaton = buildAutomaton<PatternSource>([...rules, ...needles.map((n) => n.needles), ...keywords, marker]);
  const coveredAt = new Map(automaton.covered.map((c, k) => [c.rule, k]));
  const gates = needles.flatMap((gate) => (coveredAt.has(gate.needles) ? [{ ...gate, covered: coveredAt.get(gate.needles)! }] : []));
  return {
    automaton,
    steps: stepsFor(rules, coveredAt),
    gates,
    keywords: keywords.every((k) => coveredAt.has(k)) ? keywords.map((k) => coveredAt.get(k)!) : undefined,
    marker: coveredAt.get(marker),
  };
}

/** The steps for `rules`, of which those in `coveredAt` (by their index in the automaton) are covered by it. */
function stepsFor(rules: CompiledRule[], coveredAt: Map<PatternSource, number>): Step[] {
  const steps: Step[] = [];
  for (const rule of rules) {
    if (rule.candidate === undefined) steps.push(coveredAt.has(rule) ? { covered: coveredAt.get(rule)!, rule } : { plain: rule });
  }
  // One pass per distinct promise: rules with the same `chars` and `counts` share their runs.
  const byPromise = new Map<string, CompiledRule[]>();
  for (const rule of rules) {
    if (rule.candidate === undefined) continue;
    const key = `${tableKey(rule.candidate.chars)}/${tableKey(rule.candidate.counts)}`;
    byPromise.set(key, [...(byPromise.get(key) ?? []), rule]);
  }
  for (const members of byPromise.values()) {
    const rest = members.filter((rule) => !coveredAt.has(rule));
    for (const rule of members) {
      if (coveredAt.has(rule)) steps.push({ covered: coveredAt.get(rule)!, rule });
      else if (rule === rest[0]) steps.push({ group: makeGroup(rest) });
    }
  }
  return steps;
}

type RunVisitor = (start: number, end: number, count: number) => void;

/** Maximal runs of `group.chars` that may hold a match starting in [from, to), found by their anchor bytes. */
function anchoredRuns(buf: Buffer, from: number, to: number, group: CandidateGroup, visit: RunVisitor): void {
  const { chars, counts, anchors } = group;
  const len = buf.length;
  // The next occurrence of each anchor at or after the current position (-1: none left).
  const next = anchors!.map((anchor) => buf.indexOf(anchor, from));
  for (;;) {
    let at = -1;
    for (const n of next) if (n !== -1 && (at === -1 || n < at)) at = n;
    if (at === -1) return;
    let start = at;
    let count = 0;
    while (start > 0 && chars[buf[start - 1]!] === 1) count += counts[buf[--start]!]!;
    if (start >= to) return;
    let end = at;
    while (end < len && chars[buf[end]!] === 1) count += counts[buf[end++]!]!;
    if (count >= group.atLeast) visit(start, end, count);
    for (let k = 0; k < next.length; k++) if (next[k] !== -1 && next[k]! < end) next[k] = end < len ? buf.indexOf(anchors![k]!, end) : -1;
  }
}

/** The same runs, found by a byte loop. */
function loopedRuns(buf: Buffer, from: number, to: number, group: CandidateGroup, visit: RunVisitor): void {
  const { chars, counts, atLeast } = group;
  const len = buf.length;
  let i = from;
  while (i > 0 && chars[buf[i - 1]!] === 1) i--;
  while (i < to) {
    if (chars[buf[i]!] === 0) {
      i++;
      continue;
    }
    const start = i;
    let count = 0;
    do count += counts[buf[i++]!]!;
    while (i < len && chars[buf[i]!] === 1);
    if (count >= atLeast) visit(start, i, count);
  }
}

/** Context each side of a candidate run, for the pattern's lookarounds. */
const RUN_CONTEXT = LOOKBEHIND;

/**
 * A pattern run once over a whole window costs about as much as one run around a candidate (a slice
 * and a regex call) per 40–50 bytes: measured with the email pattern (the one rule the automaton does
 * not cover) over text with an address every N bytes. A rule with more candidate runs than one per
 * DENSE_BYTES of the window runs over the window instead. Results are the same either way: a
 * candidate promise only says where matches cannot be.
 */
const DENSE_BYTES = 48;
/** Where the first SAMPLE_BYTES of a window are dense for at least half the rules of a group, the rest is not searched for runs. */
const SAMPLE_BYTES = 16 << 10;

/** Runs as flat (start, end, count) triples. */
type Runs = number[];

function denseFor(runs: Runs, atLeast: number, bytes: number): boolean {
  let qualifying = 0;
  for (let i = 2; i < runs.length; i += 3) if (runs[i]! >= atLeast) qualifying++;
  return qualifying * DENSE_BYTES > bytes;
}

/**
 * Matches of a rule the automaton covers, as collect() over the window would find them, where `ends`
 * (ascending) are the positions where its matches may end. Reports whose possible starts overlap make
 * one interval; its regex runs over a slice around each interval, with the bytes its lookarounds read.
 */
function collectNear(rule: CompiledRule, text: string, from: number, to: number, base: number, ends: number[], { maxLength, minLength, reach }: Covered<PatternSource>, allowed: AllowedValues | undefined, out: Hit[]): void {
  // A nonempty match from `at` on is reported at `at + shortest` or later, and starts `shortest` before its report or earlier.
  const shortest = Math.max(1, minLength);
  let at = from;
  for (let next = 0; ; ) {
    while (next < ends.length && ends[next]! < at + shortest) next++;
    if (next === ends.length) return;
    const start = Math.max(at, ends[next]! - maxLength);
    if (start >= to) return;
    let last = ends[next]! - shortest; // the last position of the interval
    while (++next < ends.length && ends[next]! - maxLength <= last + 1) last = ends[next]! - shortest;
    const sliceFrom = Math.max(0, start - reach);
    const slice = text.slice(sliceFrom, last + maxLength + reach);
    // The full scan goes on from the end of its last match, which may lie beyond the interval.
    at = Math.max(last + 1, sliceFrom + collect(rule, slice, start - sliceFrom, Math.min(last + 1, to) - sliceFrom, base + sliceFrom, allowed, out));
  }
}

/** The gated rules that a window, whose needles the automaton found (`ends`) from `from` on, skips. */
function shut(gates: Gate[], ends: number[][], text: string, from: number, context: ContextTracker): Set<CompiledRule> | undefined {
  let closed: Set<CompiledRule> | undefined;
  let mayHoldTable: boolean | undefined; // searched once, for the first spaced gate that asks
  for (const { rule, needles, longest, spaced, covered } of gates) {
    if (ends[covered]!.length > 0 || context.columnsMayName(rule) || (spaced && (mayHoldTable ??= text.includes('|'))) || needles.regex.test(text.slice(0, from + longest))) continue;
    (closed ??= new Set()).add(rule);
  }
  return closed;
}

/** A window's steps and what the automaton found in it (`ends` per covered source; undefined without it). */
interface Pass {
  steps: Step[];
  automaton: WithAutomaton | undefined;
  ends: number[][] | undefined;
}

/** The automaton's walk over `window` from `from` on, once a window is large enough to pay for it. */
function patternPass(window: Buffer, from: number, to: number, rules: CompiledRule[]): Pass {
  const plan = planFor(rules);
  if (plan.withAutomaton === undefined && to - from < AUTOMATON_BYTES) return { steps: plan.direct, automaton: undefined, ends: undefined };
  const automaton = (plan.withAutomaton ??= withAutomaton(rules));
  return { steps: automaton.steps, automaton, ends: automaton.automaton.covered.length > 0 ? automaton.automaton.ends(window, from) : undefined };
}

/**
 * Where SQL_KEYWORDS start in [from, to), when the automaton found them. Unlike the context tracker's
 * regex it also finds a `table` that shares the `t` of an `insert` (`insertable`): no CREATE can
 * stand right before that one, so it starts no statement.
 */
function keywordStarts({ automaton, ends }: Pass, from: number, to: number): KeywordStarts | undefined {
  const at = automaton?.keywords;
  if (ends === undefined || at === undefined) return undefined;
  const starts = (k: number) => startsIn(ends[at[k]!]!, SQL_KEYWORDS[k]!.length, from, to);
  return [starts(0), starts(1), starts(2)];
}

/** Where ALLOW_MARKER starts in [from, to), when the automaton found it: a window without one is not searched again. */
function markerStarts({ automaton, ends }: Pass, from: number, to: number): number[] | undefined {
  const at = automaton?.marker;
  return ends === undefined || at === undefined ? undefined : startsIn(ends[at]!, ALLOW_MARKER.length, from, to);
}

/** The starts in [from, to) of a literal of `length` bytes that ends at `ends`. */
const startsIn = (ends: number[], length: number, from: number, to: number) => ends.map((end) => end - length).filter((start) => start >= from && start < to);

/**
 * Matches of every rule (as collect() keeps them) that start in [from, to) of `window` (at absolute
 * offset `base`; `text` is its latin1 view), but those of rules the window's context cannot confirm.
 */
function scanWindow({ steps, automaton, ends }: Pass, window: Buffer, text: string, from: number, to: number, base: number, context: ContextTracker, allowed: AllowedValues | undefined, out: Hit[]): void {
  const covered = automaton?.automaton.covered ?? [];
  const closed = automaton !== undefined && ends !== undefined ? shut(automaton.gates, ends, text, from, context) : undefined;
  for (const step of steps) {
    if ('covered' in step) {
      if (closed?.has(step.rule)) continue;
      const mayEnd = ends?.[step.covered];
      if (mayEnd === undefined) collect(step.rule, text, from, to, base, allowed, out);
      else collectNear(step.rule, text, from, to, base, mayEnd, covered[step.covered]!, allowed, out);
    } else if ('plain' in step) {
      const rule = step.plain;
      if (closed?.has(rule) || (rule.prefilter && !rule.prefilter.some((p) => text.includes(p)))) continue;
      collect(rule, text, from, to, base, allowed, out);
    } else scanGroup(window, text, from, to, base, step.group, closed, allowed, out);
  }
}

/** Matches of a candidate group's rules: around its candidate runs, or over the whole window where they are dense. */
function scanGroup(window: Buffer, text: string, from: number, to: number, base: number, group: CandidateGroup, closed: Set<CompiledRule> | undefined, allowed: AllowedValues | undefined, out: Hit[]): void {
  const members = closed === undefined ? group.rules : group.rules.filter((rule) => !closed.has(rule));
  if (members.length === 0) return;
  const runs: Runs = [];
  const record = (start: number, end: number, count: number) => runs.push(start, end, count);
  const find = group.anchors === undefined ? loopedRuns : anchoredRuns;
  const sampleTo = Math.min(to, from + SAMPLE_BYTES);
  if (sampleTo < to) {
    find(window, from, sampleTo, group, record);
    const dense = members.filter((rule) => denseFor(runs, rule.candidate!.atLeast, sampleTo - from)).length * 2 >= members.length;
    runs.length = 0;
    if (dense) {
      for (const rule of members) collect(rule, text, from, to, base, allowed, out);
      return;
    }
  }
  find(window, from, to, group, record);
  for (const rule of members) {
    const atLeast = rule.candidate!.atLeast;
    if (denseFor(runs, atLeast, to - from)) {
      collect(rule, text, from, to, base, allowed, out);
      continue;
    }
    for (let i = 0; i < runs.length; i += 3) {
      if (runs[i + 2]! < atLeast) continue;
      const start = runs[i]!;
      const end = runs[i + 1]!;
      const sliceFrom = Math.max(0, start - RUN_CONTEXT);
      const slice = text.slice(sliceFrom, Math.min(text.length, end + RUN_CONTEXT));
      collect(rule, slice, Math.max(start, from) - sliceFrom, Math.min(end, to) - sliceFrom, base + sliceFrom, allowed, out);
    }
  }
}

type RatedHit = Hit & { context: HitContext };

/**
 * Where rules overlap on one span (a phone inside a card number, an NHS number that parses as a
 * phone), the more confident match wins, then the longer one. `hits` are sorted by start.
 */
function dropOverlaps(hits: RatedHit[]): RatedHit[] {
  const kept: RatedHit[] = [];
  for (const hit of hits) {
    const last = kept.at(-1);
    if (last === undefined || hit.start >= last.end) {
      kept.push(hit);
      continue;
    }
    const rank = confidenceRank(hit.context.confidence) - confidenceRank(last.context.confidence);
    if (rank > 0 || (rank === 0 && hit.end - hit.start > last.end - last.start)) kept[kept.length - 1] = hit;
  }
  return kept;
}

export interface DetectOutput<T = EngineFinding> {
  findings: T[];
  /** `piiguard:allow` comments, in stream order; suppress.ts applies them. */
  allows: AllowDirective[];
  bytes: number;
}

/** Runs every rule over one text stream and returns its findings, in stream order, with their fingerprints. */
export async function detectStream(chunks: AsyncIterable<Buffer>, rules: CompiledRule[], path: string, allowed?: AllowedValues, keepPerRule = 0): Promise<DetectOutput<Finding>> {
  const out = await detect(chunks, rules, path, allowed, keepPerRule);
  return { ...out, findings: out.findings.map(withFingerprint) };
}

/** detectStream's findings without their fingerprints: the pipeline works them out for the few it lists (EngineFinding). */
export async function detect(chunks: AsyncIterable<Buffer>, rules: CompiledRule[], path: string, allowed?: AllowedValues, keepPerRule = 0): Promise<DetectOutput> {
  const stream = new StreamDetector(rules, path, allowed, keepPerRule);
  let carry = Buffer.alloc(0);
  let carryBase = 0; // absolute offset of carry[0]
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    for (let at = 0; at < chunk.length; at += PIECE_BYTES) {
      const piece = chunk.length <= PIECE_BYTES ? chunk : chunk.subarray(at, at + PIECE_BYTES);
      const window = carry.length === 0 ? piece : Buffer.concat([carry, piece]);
      const end = carryBase + window.length;
      stream.scan(window, carryBase, end - OVERLAP);
      const keepFrom = Math.max(carryBase, Math.min(stream.acceptFrom - KEEP_BEHIND, end - OVERLAP - KEEP_BEHIND));
      // Copy: the tail must not pin (or alias) the reader's chunk buffer.
      carry = Buffer.from(window.subarray(keepFrom - carryBase));
      carryBase = keepFrom;
    }
  }
  stream.scan(carry, carryBase, carryBase + carry.length);
  return { findings: stream.findings.findings(), allows: stream.allows, bytes: total };
}

/**
 * One stream's windows → its findings and `piiguard:allow` directives. A class, not closures over the
 * stream's state: V8 compiled closures made per stream again for file after file of a folder.
 */
class StreamDetector {
  readonly findings: FindingsLimit;
  readonly allows: AllowDirective[] = [];
  /** Where the next window's accept region starts (absolute). */
  acceptFrom = 0;
  // Per rule, how often each masked value has been seen: its fingerprint's occurrence number.
  private readonly occurrences = new Map<CompiledRule, Map<string, number>>();
  private readonly tracker = new LineTracker();
  private readonly context: ContextTracker;
  // The last kept match of a window when it runs past the window's region: a match of another rule
  // that starts in the next window may overlap it and win (dropOverlaps), as in one window over both,
  // so its finding waits until no later match can reach it. Its start position is known before the
  // line tracker moves on.
  private held: { hit: RatedHit; start: Position } | undefined;

  constructor(
    private readonly rules: CompiledRule[],
    private readonly path: string,
    private readonly allowed: AllowedValues | undefined,
    keepPerRule: number,
  ) {
    this.findings = new FindingsLimit(keepPerRule);
    this.context = createContextTracker(rules);
  }

  /** Scans `window` (the stream from absolute offset `base`) for matches starting in [acceptFrom, acceptTo). */
  scan(window: Buffer, base: number, acceptTo: number): void {
    const { acceptFrom, context, tracker } = this;
    if (acceptTo <= acceptFrom) return;
    const hits: Hit[] = [];
    const text = window.toString('latin1');
    const pass = patternPass(window, acceptFrom - base, acceptTo - base, this.rules);
    // The window's structure before its matches: the columns it declares may confirm rules the pattern pass would skip.
    context.window(text, acceptFrom - base, acceptTo - base, base, window, keywordStarts(pass, acceptFrom - base, acceptTo - base));
    scanWindow(pass, window, text, acceptFrom - base, acceptTo - base, base, context, this.allowed, hits);
    // Directives and findings share the forward-only line tracker, so they are visited in offset order.
    const directives = findAllowDirectives(text, acceptFrom - base, acceptTo - base, base === 0, markerStarts(pass, acceptFrom - base, acceptTo - base));
    let next = 0;
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const rated: RatedHit[] = [];
    for (const hit of hits) {
      const rating = context.classify(hit.rule, text, hit.start - base);
      if (hit.needsContext && (rating.confidence !== 'high' || !hit.rule.validate(hit.value))) continue;
      hit.context = rating;
      rated.push(hit as RatedHit);
    }
    const previous = this.held;
    this.held = undefined;
    // A match of the held one's rule that overlaps it (found from the other side of the border) is
    // part of it, as one pass of that rule's regex over both windows would have it.
    const contenders = previous === undefined ? rated : [previous.hit, ...rated.filter((h) => h.rule !== previous.hit.rule || h.start >= previous.hit.end)];
    const kept = dropOverlaps(contenders);
    for (let i = 0; i < kept.length; i++) {
      const hit = kept[i]!;
      let start: Position | undefined;
      if (hit === previous?.hit) start = previous.start;
      else next = this.directivesUpTo(directives, next, hit.start, window, base);
      // The last window of a stream accepts matches to its end: nothing is held after it.
      if (i === kept.length - 1 && hit.end > acceptTo) this.held = { hit, start: start ?? tracker.at(window, base, hit.start) };
      else if (this.findings.admit(hit.rule.id)) this.findings.keep(this.findingOf(hit, start ?? tracker.at(window, base, hit.start), window, base));
    }
    this.directivesUpTo(directives, next, acceptTo, window, base);
    tracker.at(window, base, acceptTo);
    this.acceptFrom = acceptTo;
  }

  /** Records the directives from `next` on up to absolute `offset`; returns the index of the first one after it. */
  private directivesUpTo(directives: DirectiveMatch[], next: number, offset: number, window: Buffer, base: number): number {
    for (; next < directives.length && base + directives[next]!.offset <= offset; next++) {
      const { offset: at, rules: ids, coversNextLine } = directives[next]!;
      this.allows.push({ line: this.tracker.at(window, base, base + at).line, rules: ids, coversNextLine });
    }
    return next;
  }

  /** The finding a hit makes, when it is kept (FindingsLimit); `window` holds its end, from absolute offset `base`. */
  private findingOf(hit: RatedHit, start: Position, window: Buffer, base: number): EngineFinding {
    // An ASCII value without a line break ends as many columns to the right as it has bytes.
    const end = ascii(hit.value, true) ? { line: start.line, column: start.column + hit.value.length } : this.tracker.at(window, base, hit.end);
    const masked = hit.rule.mask(hit.value);
    let seen = this.occurrences.get(hit.rule);
    if (seen === undefined) this.occurrences.set(hit.rule, (seen = new Map()));
    const occurrence = (seen.get(masked) ?? 0) + 1;
    seen.set(masked, occurrence);
    const { confidence, reason, table, field } = hit.context;
    const finding: EngineFinding = {
      ruleId: hit.rule.id,
      severity: hit.rule.severity,
      path: this.path,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      masked,
      occurrence,
      offset: hit.start,
      length: hit.end - hit.start,
      confidence,
      reason,
    };
    // Assigned rather than spread in: this runs once per finding.
    if (hit.listed !== undefined) finding.listedValue = hit.listed;
    if (table !== undefined) finding.table = table;
    if (field !== undefined) finding.field = field;
    return finding;
  }
}
