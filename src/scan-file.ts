// One input → its findings, skips and errors. Runs in the main thread or in a worker.
import { detectStream } from './detect.js';
import { readSource, readStream, type SourceItem, type SourceLimits } from './sources/index.js';
import type { CompiledRule, Finding, ScanError, Skipped } from './types.js';

export interface FileResult {
  findings: Finding[];
  skipped: Skipped[];
  errors: ScanError[];
  /** Text streams scanned (a zip counts its members) and their bytes. */
  scanned: number;
  bytes: number;
}

/** Messages name the problem, never content. */
export function describeError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read this input';
    case 'ENOENT':
      return 'vanished during the scan';
    case 'EISDIR':
      return 'is a folder';
    default:
      return code !== undefined ? `cannot read (${code})` : `cannot read (${(err as Error).message ?? String(err)})`;
  }
}

async function consume(items: AsyncIterable<SourceItem>, display: string, rules: CompiledRule[]): Promise<FileResult> {
  const result: FileResult = { findings: [], skipped: [], errors: [], scanned: 0, bytes: 0 };
  try {
    for await (const item of items) {
      if (item.kind === 'skipped') {
        result.skipped.push(item.skipped);
        continue;
      }
      const out = await detectStream(item.chunks, rules, item.path);
      result.findings.push(...out.findings);
      result.scanned++;
      result.bytes += out.bytes;
    }
  } catch (err) {
    result.errors.push({ path: display, message: describeError(err) });
  }
  return result;
}

export function scanFile(abs: string, display: string, rules: CompiledRule[], limits: SourceLimits): Promise<FileResult> {
  return consume(readSource(abs, display, limits), display, rules);
}

export function scanStream(input: AsyncIterable<Buffer>, display: string, rules: CompiledRule[]): Promise<FileResult> {
  return consume(readStream(input, display), display, rules);
}
