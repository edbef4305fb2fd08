// One input → its findings, skips and errors. Runs in the main thread or in a worker.
import { detectStream, type AllowedValues } from './detect.js';
import { readSource, readStream, type SourceItem, type SourceLimits } from './sources/index.js';
import { applyInline } from './suppress.js';
import type { CompiledRule, Finding, ScanError, Skipped, SuppressedFinding, UnusedSuppression } from './types.js';

export interface FileResult {
  /** Findings no inline comment suppressed; the config allowlist and baseline come later, in scan.ts. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  unusedInline: UnusedSuppression[];
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

/** What the engine needs besides the input: the rules and the allowlisted values. */
export interface Engine {
  rules: CompiledRule[];
  allowed: AllowedValues | undefined;
}

async function consume(items: AsyncIterable<SourceItem>, display: string, engine: Engine): Promise<FileResult> {
  const result: FileResult = { findings: [], suppressed: [], unusedInline: [], skipped: [], errors: [], scanned: 0, bytes: 0 };
  const ruleIds = new Set(engine.rules.map((r) => r.id));
  try {
    for await (const item of items) {
      if (item.kind === 'skipped') {
        result.skipped.push(item.skipped);
        continue;
      }
      const out = await detectStream(item.chunks, engine.rules, item.path, engine.allowed);
      const inline = applyInline(out.findings, out.allows, item.path, ruleIds);
      result.findings.push(...inline.active);
      result.suppressed.push(...inline.suppressed);
      result.unusedInline.push(...inline.unused);
      result.scanned++;
      result.bytes += out.bytes;
    }
  } catch (err) {
    result.errors.push({ path: display, message: describeError(err) });
  }
  return result;
}

export function scanFile(abs: string, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult> {
  return consume(readSource(abs, display, limits), display, engine);
}

export function scanStream(input: AsyncIterable<Buffer>, display: string, engine: Engine): Promise<FileResult> {
  return consume(readStream(input, display), display, engine);
}
