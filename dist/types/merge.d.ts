export interface ReportFile {
    name: string;
    text: string;
}
export interface Merged {
    format: 'sarif' | 'json';
    text: string;
    findings: number;
}
/** Throws UsageError when a file is not a report, formats are mixed, or tool versions differ. */
export declare function mergeReports(files: ReportFile[]): Merged;
