// Classifies the first block of a file by content, not by name.

export interface SniffResult {
  binary: boolean;
  detail: string;
}

const SNIFF_BYTES = 8192;

const MAGIC: Array<[string, number[]]> = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
];

export function sniff(head: Buffer): SniffResult {
  for (const [name, bytes] of MAGIC) {
    if (head.length >= bytes.length && bytes.every((b, i) => head[i] === b)) return { binary: true, detail: name };
  }
  const nul = head.subarray(0, SNIFF_BYTES).indexOf(0);
  if (nul >= 0) return { binary: true, detail: `NUL byte at offset ${nul}` };
  return { binary: false, detail: 'text' };
}
