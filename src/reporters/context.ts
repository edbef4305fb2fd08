import type { ScanResult } from '../types.js';

/** What a reporter may know besides the result (ESLint's formatter context). */
export interface ReportContext {
  cwd: string;
  /**
   * The folder SARIF locations are relative to (%SRCROOT%): code scanning maps results by their path in
   * the repository, so the CLI passes the repository that holds `cwd`. Default: `cwd`.
   */
  sourceRoot?: string;
  version: string;
  color: boolean;
}

export type Reporter = (result: ScanResult, context: ReportContext) => string;
