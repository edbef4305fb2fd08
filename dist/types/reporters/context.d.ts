import type { ScanResult } from '../types.js';
/** What a reporter may know besides the result (ESLint's formatter context). */
export interface ReportContext {
    cwd: string;
    version: string;
    color: boolean;
}
export type Reporter = (result: ScanResult, context: ReportContext) => string;
