// The CLI's JSON report, parsed: what most input tests assert on.
import { runCli } from './cli.js';

export interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  column: number;
  masked: string;
  aggregate?: { count: number };
}
export interface JsonReport {
  findings: JsonFinding[];
  skipped: Array<{ path: string; reason: string; detail: string }>;
  errors: Array<{ path: string; message: string }>;
  stats: { findings: number; findingsListed: number; byRule: Record<string, number>; filesScanned: number };
}

export function scanJson(args: string[], options: Parameters<typeof runCli>[1] = {}): { code: number; report: JsonReport; stderr: string } {
  const res = runCli(['scan', '--format', 'json', ...args], options);
  return { code: res.code, report: JSON.parse(res.stdout) as JsonReport, stderr: res.stderr };
}
