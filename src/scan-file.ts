// One input → its findings, skips and errors. Runs in the main thread or in a worker.
import { detectStream, type AllowedValues } from './detect.js';
import { describeError, GuardTrip, readSource, readStream, type SourceItem, type SourceLimits } from './sources/index.js';
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

/** What the engine needs besides the input: the rules and the allowlisted values. */
export interface Engine {
  rules: CompiledRule[];
  allowed: AllowedValues | undefined;
  /** Findings kept whole per stream and rule (findings-cap.ts engineLimit); 0 = all. */
  keepPerRule: number;
}

async function consume(items: AsyncIterable<SourceItem>, display: string, engine: Engine): Promise<FileResult> {
  const result: FileResult = { findings: [], suppressed: [], unusedInline: [], skipped: [], errors: [], scanned: 0, bytes: 0 };
  const ruleIds = new Set(engine.rules.map((r) => r.id));
  // One failure can surface twice (in a member's stream, then in the archive around it): record it once.
  const seen = new Set<unknown>();
  const record = (err: unknown, path: string) => {
    if (seen.has(err)) return;
    seen.add(err);
    const message = describeError(err);
    if (err instanceof GuardTrip) result.skipped.push(err.skipped);
    else if (!result.errors.some((e) => e.message === message)) result.errors.push({ path, message });
  };
  try {
    for await (const item of items) {
      if (item.kind === 'skipped') result.skipped.push(item.skipped);
      else if (item.kind === 'error') result.errors.push(item.error);
      else {
        try {
          const out = await detectStream(item.chunks, engine.rules, item.path, engine.allowed, engine.keepPerRule);
          const inline = applyInline(out.findings, out.allows, item.path, ruleIds);
          // Not push(...list): a dump can hold more findings than a call has room for arguments.
          for (const f of inline.active) result.findings.push(f);
          for (const f of inline.suppressed) result.suppressed.push(f);
          for (const u of inline.unused) result.unusedInline.push(u);
          result.scanned++;
          result.bytes += out.bytes;
        } catch (err) {
          record(err, item.path);
        }
      }
    }
  } catch (err) {
    record(err, display);
  }
  return result;
}

export function scanFile(abs: string, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult> {
  return consume(readSource(abs, display, limits), display, engine);
}

export function scanStream(input: AsyncIterable<Buffer>, display: string, engine: Engine, limits: SourceLimits): Promise<FileResult> {
  return consume(readStream(input, display, limits), display, engine);
}
