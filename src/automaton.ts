// One pass over a window's bytes for many rules: a lazily built DFA of all their patterns that says,
// per rule, where a match may END. Each rule's own regex then only runs where a match may start.
//
// The DFA recognises a superset of each pattern: lookarounds that test one character (`\b`,
// `(?<!-)`, `(?![\w-])`) are kept as tests of the neighbouring byte, a short negative lookahead is
// decided by reading on (one that ends a pattern delays the end it reports; one followed by more
// pattern travels with each thread of it, see compileGuarded), other lookarounds are taken as true,
// and a backreference stands for any value of its group. So where the DFA sees no end, the regex cannot match; it never
// decides a match. A pattern it cannot read (unknown syntax or flags, unbounded matches or lookarounds,
// `^`/`$`, too large) is left out and runs as before.

/** A set of latin1 codes: 1 where the set holds the byte. */
type ByteSet = Uint8Array;

type Node =
  | { kind: 'set'; set: ByteSet }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; alts: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'group'; index: number; node: Node }
  | { kind: 'backref'; index: number }
  /** A test of the byte before or after; `loose` when it only approximates a longer lookaround. */
  | { kind: 'prev' | 'next'; set: ByteSet; loose?: true }
  | { kind: 'boundary' }
  /** An assertion taken as true. */
  | { kind: 'true' }
  /**
   * `(?!body)` with a decidable body. At the end of a pattern, where nothing follows, the DFA reads
   * ahead to decide it (and reports the end a few bytes late); elsewhere the threads that follow carry
   * the body's state. `approximation`: what it stands for where that grows too large.
   */
  | { kind: 'notAhead'; body: Node; approximation: Node };

class Unsupported extends Error {}

const EMPTY: Node = { kind: 'seq', items: [] };
const TRUE: Node = { kind: 'true' };

/** Sets by flags and source: patterns repeat `\d` and the like many times. */
const byteSets = new Map<string, ByteSet>();

function byteSet(source: string, flags: string): ByteSet {
  const key = `${flags}/${source}`;
  let set = byteSets.get(key);
  if (set === undefined) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${source})$`, flags);
    } catch {
      // A piece the parser cut wrong: leave the rule to its own regex rather than fail the scan.
      throw new Unsupported('class');
    }
    set = Uint8Array.from({ length: 256 }, (_, code) => (re.test(String.fromCharCode(code)) ? 1 : 0));
    byteSets.set(key, set);
  }
  return set;
}

const complement = (set: ByteSet): ByteSet => set.map((b) => 1 - b);

/**
 * Reads the JavaScript regex syntax rules use (no `u`/`v` flag). `reach`: how far beyond its match (each
 * side) a match's assertions may read; Infinity with `^` or `$`, which see where a text is cut.
 */
function parse(source: string, flags: string): { root: Node; reach: number } {
  let reach = 1; // \b reads a byte each side
  let at = 0;
  let groups = 0;
  const groupNames = new Map<string, number>();
  const namedRefs: Array<{ node: { kind: 'backref'; index: number }; name: string }> = [];

  const classEnd = (from: number): number => {
    let i = from + 1;
    if (source[i] === '^') i++;
    if (source[i] === ']') return i; // `[]` or `[^]`
    for (; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
    if (i >= source.length) throw new Unsupported('unclosed class');
    return i;
  };

  /** Length of a character escape; legacy forms (`\u{41}` is 41 × `u` without the `u` flag, `\01` octal) are not read. */
  const escapeLength = (from: number): number => {
    const rest = source.slice(from, from + 6);
    if (/^\\x[0-9A-Fa-f]{2}/.test(rest)) return 4;
    if (/^\\u[0-9A-Fa-f]{4}/.test(rest)) return 6;
    if (/^\\c[A-Za-z]/.test(rest)) return 3;
    if (/^\\([xucpPk]|0\d)/.test(rest) || rest.length < 2) throw new Unsupported('escape');
    return 2;
  };

  const alternation = (): Node => {
    const alts = [sequence()];
    while (source[at] === '|') {
      at++;
      alts.push(sequence());
    }
    return alts.length === 1 ? alts[0]! : { kind: 'alt', alts };
  };

  const sequence = (): Node => {
    const items: Node[] = [];
    while (at < source.length && source[at] !== '|' && source[at] !== ')') items.push(quantified(atom()));
    return { kind: 'seq', items };
  };

  const quantified = (node: Node): Node => {
    for (;;) {
      const c = source[at];
      let min: number;
      let max: number;
      if (c === '*' || c === '+' || c === '?') {
        at++;
        [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
      } else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(at));
        if (m === null) return node;
        at += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      } else return node;
      if (source[at] === '?') at++; // laziness changes which match, not where one can be
      node = { kind: 'repeat', node, min, max };
    }
  };

  const lookaround = (behind: boolean, negative: boolean): Node => {
    const body = alternation();
    if (source[at++] !== ')') throw new Unsupported('unclosed group');
    reach += extent(body);
    const alts = body.kind === 'alt' ? body.alts : [body];
    const single = (n: Node): ByteSet | undefined => (n.kind === 'seq' && n.items.length === 1 && n.items[0]!.kind === 'set' ? n.items[0]!.set : undefined);
    const sets = alts.map(single);
    const kind = behind ? 'prev' : 'next';
    if (negative) {
      // Not any of the alternatives: at least not any of the one-character ones.
      const known = sets.filter((s): s is ByteSet => s !== undefined);
      const set = known.length === 0 ? undefined : complement(known.reduce((a, s) => a.map((b, i) => b | s[i]!)));
      const approximation: Node = set === undefined ? TRUE : known.length === sets.length ? { kind, set } : { kind, set, loose: true };
      const readable = !behind && known.length < sets.length && decidable(body) && extent(body) <= MAX_AHEAD;
      return readable ? { kind: 'notAhead', body, approximation } : approximation;
    }
    if (sets.some((s) => s === undefined)) return TRUE;
    return { kind, set: (sets as ByteSet[]).reduce((a, s) => a.map((b, i) => b | s[i]!)) };
  };

  const atom = (): Node => {
    const c = source[at]!;
    if (c === '(') {
      const rest = source.slice(at, at + 4);
      for (const [prefix, behind, negative] of [['(?<=', true, false], ['(?<!', true, true], ['(?=', false, false], ['(?!', false, true]] as const) {
        if (rest.startsWith(prefix)) {
          at += prefix.length;
          return lookaround(behind, negative);
        }
      }
      let index = 0;
      if (rest.startsWith('(?:')) at += 3;
      else if (rest.startsWith('(?<')) {
        const m = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(source.slice(at));
        if (m === null) throw new Unsupported('group syntax');
        at += m[0].length;
        index = ++groups;
        groupNames.set(m[1]!, index);
      } else if (rest.startsWith('(?')) throw new Unsupported('group syntax');
      else {
        at++;
        index = ++groups;
      }
      const node = alternation();
      if (source[at++] !== ')') throw new Unsupported('unclosed group');
      return index === 0 ? node : { kind: 'group', index, node };
    }
    if (c === '[') {
      const end = classEnd(at);
      const node: Node = { kind: 'set', set: byteSet(source.slice(at, end + 1), flags) };
      at = end + 1;
      return node;
    }
    if (c === '\\') {
      const e = source[at + 1];
      if (e === 'b') {
        at += 2;
        return { kind: 'boundary' };
      }
      if (e === 'B') {
        at += 2;
        return TRUE;
      }
      if (e !== undefined && e >= '1' && e <= '9') {
        const m = /^\\(\d+)/.exec(source.slice(at))!;
        at += m[0].length;
        return { kind: 'backref', index: Number(m[1]) };
      }
      if (e === 'k') {
        const m = /^\\k<([A-Za-z_$][\w$]*)>/.exec(source.slice(at));
        if (m === null) throw new Unsupported('escape');
        at += m[0].length;
        const node = { kind: 'backref' as const, index: 0 };
        namedRefs.push({ node, name: m[1]! });
        return node;
      }
      const length = escapeLength(at);
      const node: Node = { kind: 'set', set: byteSet(source.slice(at, at + length), flags) };
      at += length;
      return node;
    }
    if (c === '^' || c === '$') {
      at++;
      reach = Infinity;
      return TRUE;
    }
    if (c === '*' || c === '+' || c === '?' || c === ')' || c === ']' || c === '{' || c === '}') throw new Unsupported('syntax');
    at++;
    return { kind: 'set', set: byteSet(c === '.' ? '.' : `[${c}]`, flags) };
  };

  const root = alternation();
  if (at !== source.length) throw new Unsupported('unbalanced');
  for (const { node, name } of namedRefs) {
    const index = groupNames.get(name);
    if (index === undefined) throw new Unsupported('unknown group name');
    node.index = index;
  }
  return { root: resolveBackrefs(root, groups), reach };
}

/** Replaces each backreference by its group's pattern, or nothing (an unset group matches empty). */
function resolveBackrefs(root: Node, groups: number): Node {
  const bodies = new Map<number, Node>();
  const collect = (n: Node): void => {
    if (n.kind === 'group') bodies.set(n.index, n.node);
    if (n.kind === 'group' || n.kind === 'repeat') collect(n.node);
    if (n.kind === 'seq') n.items.forEach(collect);
    if (n.kind === 'alt') n.alts.forEach(collect);
  };
  collect(root);
  const resolve = (n: Node, open: Set<number>): Node => {
    switch (n.kind) {
      case 'backref': {
        if (n.index > groups) throw new Unsupported('backreference to a missing group');
        const body = bodies.get(n.index);
        if (body === undefined) throw new Unsupported('backreference into a lookaround');
        if (open.has(n.index)) throw new Unsupported('backreference inside its group');
        return { kind: 'alt', alts: [EMPTY, resolve(body, open)] };
      }
      case 'group':
        return { kind: 'group', index: n.index, node: resolve(n.node, new Set([...open, n.index])) };
      case 'repeat':
        return { ...n, node: resolve(n.node, open) };
      case 'seq':
        return { kind: 'seq', items: n.items.map((i) => resolve(i, open)) };
      case 'alt':
        return { kind: 'alt', alts: n.alts.map((a) => resolve(a, open)) };
      case 'notAhead':
        return { ...n, body: resolve(n.body, open) };
      default:
        return n;
    }
  };
  return resolve(root, new Set());
}

/** Longest match of a node, in bytes (Infinity when unbounded). */
function maxLength(n: Node): number {
  switch (n.kind) {
    case 'set':
      return 1;
    case 'seq':
      return n.items.reduce((sum, i) => sum + maxLength(i), 0);
    case 'alt':
      return Math.max(...n.alts.map(maxLength));
    case 'repeat': {
      const one = maxLength(n.node);
      return one === 0 ? 0 : one * n.max;
    }
    case 'group':
      return maxLength(n.node);
    default:
      return 0;
  }
}

/**
 * How far past where it starts a node may read: its match and the lookaheads the DFA reads on to
 * decide. So also the latest a match's end is reported, after its start.
 */
function extent(n: Node): number {
  switch (n.kind) {
    case 'seq': {
      let consumed = 0;
      let farthest = 0;
      for (const item of n.items) {
        farthest = Math.max(farthest, consumed + extent(item));
        consumed += maxLength(item);
      }
      return farthest;
    }
    case 'alt':
      return Math.max(...n.alts.map(extent));
    case 'repeat': {
      const one = maxLength(n.node);
      return n.max === 0 ? 0 : one * (n.max - 1) + extent(n.node);
    }
    case 'group':
      return extent(n.node);
    case 'notAhead':
      return extent(n.body);
    default:
      return maxLength(n);
  }
}

/** Shortest match of a node, in bytes. */
function minLength(n: Node): number {
  switch (n.kind) {
    case 'set':
      return 1;
    case 'seq':
      return n.items.reduce((sum, i) => sum + minLength(i), 0);
    case 'alt':
      return Math.min(...n.alts.map(minLength));
    case 'repeat':
      return n.min * minLength(n.node);
    case 'group':
      return minLength(n.node);
    default:
      return 0;
  }
}

/** Longest lookahead the DFA reads ahead to decide. */
const MAX_AHEAD = 24;

/** A pattern the DFA can follow exactly: no assertion, no backreference. */
function exact(n: Node): boolean {
  switch (n.kind) {
    case 'set':
      return true;
    case 'seq':
      return n.items.every(exact);
    case 'alt':
      return n.alts.every(exact);
    case 'repeat':
    case 'group':
      return exact(n.node);
    default:
      return false;
  }
}

/**
 * A negative lookahead's body the DFA decides exactly by reading on: exact, or exact then a lookahead
 * it decides (as in `(?!\d{4}-\d\d(?![\w-]|-\d))`). Nothing in it may be taken as true: a body
 * read as matching more than it does would make the lookahead reject matches.
 */
function decidable(n: Node): boolean {
  switch (n.kind) {
    case 'notAhead':
      return true;
    case 'next':
      return n.loose === undefined;
    case 'alt':
      return n.alts.every(decidable);
    case 'group':
      return decidable(n.node);
    case 'seq':
      return n.items.every((item, i) => (i === n.items.length - 1 ? decidable(item) : exact(item)));
    default:
      return exact(n);
  }
}

// NFA (Thompson): parallel arrays. A PREV or NEXT node passes when the byte before or after is in its set.
const SET = 0;
const SPLIT = 1;
const PREV = 2;
const NEXT = 3;
const MATCH = 4;

/** Most NFA nodes one rule may bring: expanded counted repetitions can grow large. */
const MAX_NODES_PER_RULE = 4000;

class Nfa {
  kind: number[] = [];
  a: number[] = []; // SET/PREV/NEXT: set id; SPLIT: first branch; MATCH: rule number
  next: number[] = []; // SET/PREV/NEXT: successor; SPLIT: second branch
  sets: ByteSet[] = [];
  private setIds = new Map<string, number>();

  add(kind: number, a: number, next: number): number {
    this.kind.push(kind);
    this.a.push(a);
    this.next.push(next);
    return this.kind.length - 1;
  }

  setId(set: ByteSet): number {
    const key = set.join('');
    let id = this.setIds.get(key);
    if (id === undefined) this.setIds.set(key, (id = this.sets.push(set) - 1));
    return id;
  }
}

/** What compiling one pattern needs: `\w` under its flags, the node count not to pass, and its MATCH node. */
interface Target {
  word: ByteSet;
  limit: number;
  match: number;
}

/** Adds nodes matching `n` then continuing at `next`; returns the entry node. */
function compile(nfa: Nfa, n: Node, next: number, target: Target): number {
  if (nfa.kind.length > target.limit) throw new Unsupported('too large');
  switch (n.kind) {
    case 'set':
      return nfa.add(SET, nfa.setId(n.set), next);
    case 'seq':
      return n.items.reduceRight((after, item) => compile(nfa, item, after, target), next);
    case 'alt':
      return n.alts.map((alt) => compile(nfa, alt, next, target)).reduce((a, b) => nfa.add(SPLIT, a, b));
    case 'group':
      return compile(nfa, n.node, next, target);
    case 'prev':
      return nfa.add(PREV, nfa.setId(n.set), next);
    case 'next':
      return nfa.add(NEXT, nfa.setId(n.set), next);
    case 'true':
      return next;
    case 'notAhead': {
      if (next === target.match) return readAhead(nfa, new Ahead(n.body), next);
      const mark = nfa.kind.length;
      try {
        return compileGuarded(nfa, new Ahead(n.body), next, target.limit);
      } catch (err) {
        if (!(err instanceof Unsupported)) throw err;
        // Nothing refers to the product's nodes yet: drop them and take the cheaper superset.
        for (const list of [nfa.kind, nfa.a, nfa.next]) list.length = mark;
        return compile(nfa, n.approximation, next, target);
      }
    }
    case 'boundary': {
      const word = target.word;
      const nonWord = complement(word);
      const wordThenNot = nfa.add(PREV, nfa.setId(word), nfa.add(NEXT, nfa.setId(nonWord), next));
      const notThenWord = nfa.add(PREV, nfa.setId(nonWord), nfa.add(NEXT, nfa.setId(word), next));
      return nfa.add(SPLIT, wordThenNot, notThenWord);
    }
    case 'repeat': {
      let entry = next;
      if (n.max === Infinity) {
        const loop = nfa.add(SPLIT, -1, next);
        nfa.a[loop] = compile(nfa, n.node, loop, target);
        entry = loop;
      } else {
        for (let k = n.min; k < n.max; k++) entry = nfa.add(SPLIT, compile(nfa, n.node, entry, target), next);
      }
      for (let k = 0; k < n.min; k++) entry = compile(nfa, n.node, entry, target);
      return entry;
    }
    case 'backref':
      throw new Unsupported('unresolved backreference');
  }
}

/** What reading a lookahead's body on says, besides a state id (>= 0) to go on from. */
const MATCHED = -1;
const DEAD = -2;

/**
 * The body of a decidable negative lookahead as a small DFA, built on demand, read from where the
 * lookahead stands. A state is the body's NFA nodes that wait for a byte: SET nodes, and the NEXT
 * nodes of a lookahead that ends the body, which that same byte decides.
 */
class Ahead {
  readonly start: number;
  private readonly x = new Nfa();
  private readonly end: number;
  private readonly states: number[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly rows: Int32Array[] = [];

  constructor(body: Node) {
    this.end = this.x.add(MATCH, 0, -1);
    const entry = compile(this.x, body, this.end, { word: new Uint8Array(256), limit: MAX_NODES_PER_RULE, match: this.end });
    this.start = this.stateOf(this.close([entry], -1));
  }

  /** Per byte, what reading it in state `s` gives: MATCHED, DEAD or the next state. */
  row(s: number): Int32Array {
    let row = this.rows[s];
    if (row === undefined) {
      row = new Int32Array(256);
      const { x } = this;
      for (let b = 0; b < 256; b++) {
        const waiting = this.close(this.states[s]!, b);
        row[b] = waiting === undefined ? MATCHED : this.stateOf(this.close(waiting.filter((n) => x.kind[n] === SET && x.sets[x.a[n]!]![b] === 1).map((n) => x.next[n]!), -1));
      }
      this.rows[s] = row;
    }
    return row;
  }

  /** The nodes waiting for a byte after empty moves from `nodes`, NEXT nodes decided by `peek` (-1: not yet known); undefined once the body has matched. */
  private close(nodes: number[], peek: number): number[] | undefined {
    const { x } = this;
    const seen = new Set<number>();
    const waiting: number[] = [];
    for (const stack = [...nodes]; stack.length > 0; ) {
      const n = stack.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      if (n === this.end) return undefined;
      if (x.kind[n] === SPLIT) stack.push(x.a[n]!, x.next[n]!);
      else if (x.kind[n] === NEXT && peek >= 0) {
        if (x.sets[x.a[n]!]![peek] === 1) stack.push(x.next[n]!);
      } else waiting.push(n);
    }
    return waiting;
  }

  private stateOf(waiting: number[] | undefined): number {
    if (waiting === undefined) return MATCHED;
    if (waiting.length === 0) return DEAD;
    const key = waiting.sort((a, b) => a - b).join(',');
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.states.push(waiting) - 1));
    return id;
  }
}

/**
 * `(?!body)` at the end of a pattern: nodes that read on from state `s` of `ahead` until the body can
 * no longer match (then continue at `next`, the MATCH node, that many bytes late) or has matched (then
 * stop). The body is at most MAX_AHEAD bytes long, so these nodes are few.
 */
function readAhead(nfa: Nfa, ahead: Ahead, next: number, s = ahead.start, built = new Map<number, number>()): number {
  // A body that matches the empty string makes the lookahead fail everywhere but at the window end.
  if (s === MATCHED) return nfa.add(NEXT, nfa.setId(new Uint8Array(256)), next);
  if (s === DEAD) return next;
  const known = built.get(s);
  if (known !== undefined) return known;
  const row = ahead.row(s);
  const passes = Uint8Array.from(row, (t) => (t === DEAD ? 1 : 0));
  const branches = [nfa.add(NEXT, nfa.setId(passes), next)];
  for (const [t, bytes] of bytesByTarget(row, undefined)) if (t >= 0) branches.push(nfa.add(SET, nfa.setId(bytes), readAhead(nfa, ahead, next, t, built)));
  const entry = branches.reduce((a, b) => nfa.add(SPLIT, a, b));
  built.set(s, entry);
  return entry;
}

/** The bytes (of `within`, or all) grouped by what `row` gives for them. */
function bytesByTarget(row: Int32Array, within: ByteSet | undefined): Map<number, ByteSet> {
  const groups = new Map<number, ByteSet>();
  for (let b = 0; b < 256; b++) {
    if (within !== undefined && within[b] === 0) continue;
    let bytes = groups.get(row[b]!);
    if (bytes === undefined) groups.set(row[b]!, (bytes = new Uint8Array(256)));
    bytes[b] = 1;
  }
  return groups;
}

/**
 * `(?!body)` followed by more pattern, whose nodes start at `next`: a copy of those nodes in which each
 * thread carries the state of `body` read from the lookahead on. A thread dies on a byte that makes the
 * body match, goes on in the original nodes once the body can no longer match, and one that reaches
 * MATCH first reads on to decide it. So the lookahead is decided, not taken as true, and the copy
 * stays small: a body is short and most bytes end it at once.
 */
function compileGuarded(nfa: Nfa, ahead: Ahead, next: number, limit: number): number {
  const never = nfa.add(SET, nfa.setId(new Uint8Array(256)), -1);
  const readAheads = new Map<number, number>();
  const copies = new Map<string, number>();
  const copy = (n: number, s: number): number => {
    if (s === DEAD) return n;
    if (s === MATCHED) return never;
    const key = `${n}:${s}`;
    let entry = copies.get(key);
    if (entry !== undefined) return entry;
    if (nfa.kind.length > limit) throw new Unsupported('too large');
    const kind = nfa.kind[n]!;
    if (kind === MATCH) entry = readAhead(nfa, ahead, n, s, readAheads);
    else if (kind === SET) {
      // The node's bytes split by what they do to the body; those that make it match lead nowhere.
      const branches = [...bytesByTarget(ahead.row(s), nfa.sets[nfa.a[n]!])]
        .filter(([t]) => t !== MATCHED)
        .map(([t, bytes]) => nfa.add(SET, nfa.setId(bytes), copy(nfa.next[n]!, t)));
      entry = branches.length === 0 ? never : branches.reduce((a, b) => nfa.add(SPLIT, a, b));
    } else {
      // Added before what follows it, which may loop back here.
      entry = nfa.add(kind, nfa.a[n]!, -1);
      copies.set(key, entry);
      if (kind === SPLIT) nfa.a[entry] = copy(nfa.a[n]!, s);
      nfa.next[entry] = copy(nfa.next[n]!, s);
    }
    copies.set(key, entry);
    return entry;
  };
  return copy(next, ahead.start);
}

/** What a rule must give the automaton: its compiled pattern. */
export interface PatternSource {
  regex: RegExp;
}

/**
 * A rule's place in the automaton. A match of it reported as ending at `end` started in
 * [end - maxLength, end - minLength]: ends may be reported up to a few bytes late (lookaheads). Its
 * lookarounds read at most `reach` bytes beyond a match, each side.
 */
export interface Covered<R> {
  rule: R;
  maxLength: number;
  minLength: number;
  reach: number;
}

/** States the DFA may hold before its cache is dropped (a window in flight falls back to the regexes). */
const MAX_STATES = 20_000;
/** After this many overflows the text is taken to defeat the DFA, which then gives up on every window. */
const MAX_OVERFLOWS = 3;
/** Rules one automaton covers: one bit of the accept masks each. */
const MAX_RULES = 31;

export interface Automaton<R> {
  covered: Covered<R>[];
  /**
   * Per covered rule (same order), the positions of `window` at or after `from` where one of its
   * matches may end, ascending; undefined when the DFA gave up on this window.
   */
  ends(window: Uint8Array, from: number): number[][] | undefined;
}

export function buildAutomaton<R extends PatternSource>(rules: R[]): Automaton<R> {
  const nfa = new Nfa();
  const covered: Covered<R>[] = [];
  const starts: number[] = [];
  for (const rule of rules) {
    if (covered.length === MAX_RULES) break;
    const flags = rule.regex.flags.replace(/[gd]/g, '');
    if (!/^i?$/.test(flags)) continue;
    const mark = nfa.kind.length;
    try {
      const { root, reach } = parse(rule.regex.source, flags);
      // Ends say nothing about where an unbounded match starts, and `^`/`$` see where a text is cut:
      // such a rule gains nothing here.
      const longest = extent(root);
      if (longest === Infinity || reach === Infinity) continue;
      const match = nfa.add(MATCH, covered.length, -1);
      starts.push(compile(nfa, root, match, { word: byteSet('\\w', flags), limit: mark + MAX_NODES_PER_RULE, match }));
      covered.push({ rule, maxLength: longest, minLength: minLength(root), reach });
    } catch (err) {
      if (!(err instanceof Unsupported)) throw err;
      // Drop the partly compiled nodes: nothing refers to them. Byte sets they added stay: they only
      // split the byte classes finer.
      for (const list of [nfa.kind, nfa.a, nfa.next]) list.length = mark;
    }
  }
  // A thread of the NFA lives at most this many bytes (from the byte before its start to its last report).
  const lifetime = Math.max(0, ...covered.map((c) => c.maxLength)) + 1;
  return { covered, ends: covered.length === 0 ? () => [] : makeDfa(nfa, starts, covered.length, lifetime) };
}

const NOT_BUILT = -1;
/** A state's row of steps: one per byte, then END. */
const END = 256;
const WIDTH = 257;
/** Lanes of the DFA walk (walkFour is written for four), when each lane's share of the window is more than MIN_LANE_BYTES past its lead-in. */
const LANES = 4;
const MIN_LANE_BYTES = 4096;

function makeDfa(nfa: Nfa, starts: number[], ruleCount: number, lifetime: number): (window: Uint8Array, from: number) => number[][] | undefined {
  // Bytes that every set treats alike share a class; one more class stands for "unknown" (before the window).
  const classOf = new Uint8Array(256);
  const signatures = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const sig = nfa.sets.map((s) => s[b]).join('');
    let c = signatures.get(sig);
    if (c === undefined) signatures.set(sig, (c = signatures.size));
    classOf[b] = c;
  }
  const classes = signatures.size;
  const UNKNOWN = classes;
  const representative = new Int32Array(classes);
  for (let b = 255; b >= 0; b--) representative[classOf[b]!] = b;
  const inSet = (setId: number, cls: number): boolean => cls === UNKNOWN || nfa.sets[setId]![representative[cls]!] === 1;
  // A state remembers its last byte only as far as lookbehinds tell bytes apart: per class, the first
  // class that every lookbehind set treats alike.
  const behindSets = [...new Set(nfa.kind.flatMap((k, n) => (k === PREV ? [nfa.a[n]!] : [])))];
  const behindClass = Array.from({ length: classes + 1 }, (_, c) => c);
  const firstBySignature = new Map<string, number>();
  for (let c = 0; c < classes; c++) {
    const sig = behindSets.map((id) => nfa.sets[id]![representative[c]!]).join('');
    if (!firstBySignature.has(sig)) firstBySignature.set(sig, c);
    behindClass[c] = firstBySignature.get(sig)!;
  }

  // A state: the NFA nodes reached after the last byte (before following empty moves) and that byte's class (behindClass).
  let stateNodes: Int32Array[] = [];
  let statePrev: number[] = [];
  let ids = new Map<string, number>();
  // Steps, indexed by state * WIDTH + byte (END: the end of the window): NOT_BUILT, else next state
  // * WIDTH, or -2 - that when the step reports ends (their rules in `accepts`): the hot loop tests one
  // sign for both. Indexed by byte, not class, the loop saves a load per byte; `accepts`, read only
  // where ends are reported, stays per class.
  const width = classes + 1; // accepts: a class, or the end of the window
  let steps = new Int32Array(1024 * WIDTH).fill(NOT_BUILT);
  let accepts = new Int32Array(1024 * width);
  const bytesOf = Array.from({ length: classes }, (_, c) => [...classOf.keys()].filter((b) => classOf[b] === c));

  const stateFor = (nodes: number[], prev: number): number => {
    nodes.sort((x, y) => x - y);
    const key = `${prev}:${nodes.join(',')}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = stateNodes.length;
      ids.set(key, id);
      stateNodes.push(Int32Array.from(nodes));
      statePrev.push(prev);
      if (steps.length < (id + 1) * WIDTH) {
        const grown = new Int32Array(Math.min(steps.length * 2, (MAX_STATES + 1) * WIDTH)).fill(NOT_BUILT);
        grown.set(steps);
        steps = grown;
        const grownAccepts = new Int32Array((steps.length / WIDTH) * width);
        grownAccepts.set(accepts);
        accepts = grownAccepts;
      }
    }
    return id;
  };

  const reset = (): void => {
    stateNodes = [];
    statePrev = [];
    ids = new Map();
    steps.fill(NOT_BUILT);
    stateFor([], UNKNOWN);
  };
  reset();

  const seen = new Int32Array(nfa.kind.length).fill(-1);
  let stamp = 0;

  /** Follows empty moves from `nodes` between bytes of classes `prev` and `next`: the nodes a byte of `next` leads to, and the rules that end here. */
  const follow = (nodes: ArrayLike<number>, prev: number, next: number): { reached: number[]; mask: number } => {
    stamp++;
    const stack = Array.from(nodes);
    const reached: number[] = [];
    let mask = 0;
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (seen[n] === stamp) continue;
      seen[n] = stamp;
      switch (nfa.kind[n]) {
        case SET:
          if (next !== UNKNOWN && inSet(nfa.a[n]!, next)) reached.push(nfa.next[n]!);
          break;
        case SPLIT:
          stack.push(nfa.a[n]!, nfa.next[n]!);
          break;
        case PREV:
          if (inSet(nfa.a[n]!, prev)) stack.push(nfa.next[n]!);
          break;
        case NEXT:
          if (inSet(nfa.a[n]!, next)) stack.push(nfa.next[n]!);
          break;
        case MATCH:
          mask |= 1 << nfa.a[n]!;
          break;
      }
    }
    return { reached, mask };
  };
  // A match may start at every position: what the rules' starts lead to, per pair of classes.
  const fromStarts = new Map<number, { reached: number[]; mask: number }>();

  /** Builds the step of state `s` over a byte of class `cls` (`classes`: the end of the window). */
  const build = (s: number, cls: number): void => {
    const prev = statePrev[s]!;
    const next = cls === classes ? UNKNOWN : cls;
    let started = fromStarts.get(prev * width + next);
    if (started === undefined) fromStarts.set(prev * width + next, (started = follow(starts, prev, next)));
    const { reached, mask } = follow(stateNodes[s]!, prev, next);
    const target = cls === classes ? s : stateFor([...new Set([...reached, ...started.reached])], behindClass[next]!);
    const step = mask | started.mask ? -2 - target * WIDTH : target * WIDTH;
    if (cls === classes) steps[s * WIDTH + END] = step;
    else for (const b of bytesOf[cls]!) steps[s * WIDTH + b] = step;
    accepts[s * width + cls] = mask | started.mask;
  };

  /** The rules a step (its index in `steps`) reports. */
  const acceptsAt = (t: number): number => {
    const s = Math.floor(t / WIDTH);
    const b = t - s * WIDTH;
    return accepts[s * width + (b === END ? classes : classOf[b]!)]!;
  };
  let overflows = 0;
  const laneHits = Array.from({ length: LANES }, () => new Int32Array(4096));
  return (window, from) => {
    if (overflows === MAX_OVERFLOWS) return undefined;
    // Start one byte early so that the first position's lookbehind sees its byte.
    const first = Math.max(0, from - 1);
    // Lanes walk parts of the window in one loop: each byte's step waits on the one before, and
    // independent chains of steps fill that wait. A lane after the first starts `lifetime` bytes
    // before its part in the start state: every thread alive from there on started after that, so in
    // its part the lane is in the very states one walk would be, and it reports only from there.
    const share = Math.floor((window.length - first) / LANES);
    const count = share - lifetime > MIN_LANE_BYTES ? LANES : 1;
    const lanes: Lane[] = Array.from({ length: count }, (_, k) => {
      const part = first + k * share;
      const to = k === count - 1 ? window.length : part + share;
      return { io: Int32Array.of(k === 0 ? first : part - lifetime, 0, 0, to), hits: laneHits[k]!, from: k === 0 ? from : part, ends: Array.from({ length: ruleCount }, () => []) };
    });
    const flush = (lane: Lane): void => {
      const { io, hits, from, ends } = lane;
      for (let k = 0; k < io[2]!; k += 2) {
        const at = hits[k]!;
        if (at < from) continue;
        addEnd(ends, acceptsAt(hits[k + 1]!), at);
      }
      io[2] = 0;
    };
    /** Builds the step `lane` stopped at, if missing; false when the cache is full (it is dropped). */
    const buildFor = (lane: Lane): boolean => {
      const i = lane.io[0]!;
      const base = lane.io[1]!;
      if (i === lane.io[3] || steps[base + window[i]!] !== NOT_BUILT) return true; // stopped for a full hit buffer
      if (stateNodes.length >= MAX_STATES) {
        overflows++;
        reset();
        return false;
      }
      build(base / WIDTH, classOf[window[i]!]!);
      return true;
    };
    if (count === LANES) {
      const [a, b, c, d] = lanes as [Lane, Lane, Lane, Lane];
      while (lanes.every((lane) => lane.io[0]! < lane.io[3]!)) {
        walkFour(window, a.io, b.io, c.io, d.io, steps, a.hits, b.hits, c.hits, d.hits);
        for (const lane of lanes) {
          flush(lane);
          if (!buildFor(lane)) return undefined;
        }
      }
    }
    for (const lane of lanes) {
      for (;;) {
        walk(window, lane.io, steps, lane.hits);
        flush(lane);
        if (lane.io[0] === lane.io[3]) break;
        if (!buildFor(lane)) return undefined;
      }
    }
    const last = lanes.at(-1)!;
    const t = last.io[1]! + END;
    if (steps[t]! === NOT_BUILT) build(last.io[1]! / WIDTH, classes);
    if (steps[t]! < NOT_BUILT) addEnd(last.ends, acceptsAt(t), window.length);
    return count === 1 ? last.ends : lanes[0]!.ends.map((ends, r) => ends.concat(lanes[1]!.ends[r]!, lanes[2]!.ends[r]!, lanes[3]!.ends[r]!));
  };
}

/** Adds `at` to the ends of each rule in `mask`, visiting set bits only (keywords and needles take the high ones). */
function addEnd(ends: number[][], mask: number, at: number): void {
  for (let rest = mask; rest !== 0; rest &= rest - 1) ends[31 - Math.clz32(rest & -rest)]!.push(at);
}

/** One walk over part of a window: io = [position, state * WIDTH, hit count, end]; hits as `hits` of walk(); ends reported from `from` on. */
interface Lane {
  io: Int32Array;
  hits: Int32Array;
  from: number;
  ends: number[][];
}

/**
 * The hot loop: steps from io = [position, state * WIDTH, hit count, end] until the end, a step is
 * not built yet, or `hits` (position, step index pairs of steps that report ends) is full.
 */
function walk(window: Uint8Array, io: Int32Array, steps: Int32Array, hits: Int32Array): void {
  let i = io[0]!;
  let base = io[1]!;
  let n = io[2]!;
  const end = io[3]!;
  for (; i < end; i++) {
    const t = base + window[i]!;
    const step = steps[t]!;
    if (step >= 0) {
      base = step;
      continue;
    }
    if (step === NOT_BUILT || n === hits.length) break;
    hits[n++] = i;
    hits[n++] = t;
    base = -2 - step;
  }
  io[0] = i;
  io[1] = base;
  io[2] = n;
}

/** walk() of four lanes at once, until one reaches its end or stops. */
function walkFour(window: Uint8Array, a: Int32Array, b: Int32Array, c: Int32Array, d: Int32Array, steps: Int32Array, hitsA: Int32Array, hitsB: Int32Array, hitsC: Int32Array, hitsD: Int32Array): void {
  const atA = a[0]!;
  const atB = b[0]!;
  const atC = c[0]!;
  const atD = d[0]!;
  let baseA = a[1]!;
  let baseB = b[1]!;
  let baseC = c[1]!;
  let baseD = d[1]!;
  let nA = a[2]!;
  let nB = b[2]!;
  let nC = c[2]!;
  let nD = d[2]!;
  const count = Math.min(a[3]! - atA, b[3]! - atB, c[3]! - atC, d[3]! - atD);
  let k = 0;
  for (; k < count; k++) {
    const tA = baseA + window[atA + k]!;
    const tB = baseB + window[atB + k]!;
    const tC = baseC + window[atC + k]!;
    const tD = baseD + window[atD + k]!;
    const stepA = steps[tA]!;
    const stepB = steps[tB]!;
    const stepC = steps[tC]!;
    const stepD = steps[tD]!;
    if ((stepA | stepB | stepC | stepD) >= 0) {
      baseA = stepA;
      baseB = stepB;
      baseC = stepC;
      baseD = stepD;
      continue;
    }
    // Stop before any lane moves unless all can.
    if (stepA === NOT_BUILT || stepB === NOT_BUILT || stepC === NOT_BUILT || stepD === NOT_BUILT) break;
    if (nA === hitsA.length || nB === hitsB.length || nC === hitsC.length || nD === hitsD.length) break;
    if (stepA < 0) {
      hitsA[nA++] = atA + k;
      hitsA[nA++] = tA;
    }
    if (stepB < 0) {
      hitsB[nB++] = atB + k;
      hitsB[nB++] = tB;
    }
    if (stepC < 0) {
      hitsC[nC++] = atC + k;
      hitsC[nC++] = tC;
    }
    if (stepD < 0) {
      hitsD[nD++] = atD + k;
      hitsD[nD++] = tD;
    }
    baseA = stepA < 0 ? -2 - stepA : stepA;
    baseB = stepB < 0 ? -2 - stepB : stepB;
    baseC = stepC < 0 ? -2 - stepC : stepC;
    baseD = stepD < 0 ? -2 - stepD : stepD;
  }
  a[0] = atA + k;
  b[0] = atB + k;
  c[0] = atC + k;
  d[0] = atD + k;
  a[1] = baseA;
  b[1] = baseB;
  c[1] = baseC;
  d[1] = baseD;
  a[2] = nA;
  b[2] = nB;
  c[2] = nC;
  d[2] = nD;
}
