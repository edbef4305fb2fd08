// Classifies the first block of a stream by content, not by name: a `.log` that is really gzip is
// opened as gzip, a `.csv` that is really a PNG is skipped.

export type SniffKind = 'text' | 'utf16le' | 'utf16be' | 'gzip' | 'zip' | 'tar' | 'binary' | 'unsupported';

export interface SniffResult {
  kind: SniffKind;
  detail: string;
}

/** Bytes the sniffer wants to see (a tar header is 512; NUL bytes are looked for in this much). */
export const SNIFF_BYTES = 8192;

/** Matches any byte (bzip2 puts its block size between magic and block header). */
const ANY = -1;

// Most binary formats have a NUL byte early; these are listed because they may not.
const BINARY: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['Java class file', [0xca, 0xfe, 0xba, 0xbe]],
  ['Mach-O executable', [0xcf, 0xfa, 0xed, 0xfe]],
  ['Mach-O executable', [0xce, 0xfa, 0xed, 0xfe]],
];

/** Compressed or archive formats that can hold text but that piiguard cannot open: never silently passed. */
const UNSUPPORTED: Array<[string, number[]]> = [
  ['bzip2 data', [0x42, 0x5a, 0x68, ANY, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59]],
  ['xz data', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['zstd data', [0x28, 0xb5, 0x2f, 0xfd]],
  ['7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['RAR archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
];

const CONTAINERS: Array<[SniffKind, number[]]> = [
  ['gzip', [0x1f, 0x8b]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]], // empty archive: only the end-of-directory record
  ['zip', [0x50, 0x4b, 0x07, 0x08]], // spanned-archive marker before the first member
  ['utf16le', [0xff, 0xfe]],
  ['utf16be', [0xfe, 0xff]],
];

function startsWith(head: Buffer, bytes: number[]): boolean {
  return head.length >= bytes.length && bytes.every((b, i) => b === ANY || head[i] === b);
}

/** A tar header block: POSIX/GNU `ustar` magic, or (old v7 archives) a checksum that adds up. */
function isTarHeader(head: Buffer): boolean {
  if (head.length < 512 || head[0] === 0) return false;
  if (head.toString('latin1', 257, 262) === 'ustar') return true;
  const stored = parseInt(head.toString('latin1', 148, 156).replace(/[\0 ]+$/, ''), 8);
  if (!Number.isFinite(stored)) return false;
  let sum = 8 * 0x20; // the checksum field itself counts as spaces
  for (let i = 0; i < 512; i++) if (i < 148 || i >= 156) sum += head[i]!;
  return sum === stored;
}

export function sniff(head: Buffer): SniffResult {
  for (const [kind, bytes] of CONTAINERS) if (startsWith(head, bytes)) return { kind, detail: kind };
  for (const [name, bytes] of UNSUPPORTED) if (startsWith(head, bytes)) return { kind: 'unsupported', detail: `${name} (format not supported)` };
  for (const [name, bytes] of BINARY) if (startsWith(head, bytes)) return { kind: 'binary', detail: name };
  if (isTarHeader(head)) return { kind: 'tar', detail: 'tar' };
  const nul = head.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul >= 0) return { kind: 'binary', detail: `NUL byte at offset ${nul}` };
  return { kind: 'text', detail: 'text' };
}
