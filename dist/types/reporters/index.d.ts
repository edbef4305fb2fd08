import type { Reporter } from './context.js';
export declare const REPORTERS: Record<string, Reporter>;
