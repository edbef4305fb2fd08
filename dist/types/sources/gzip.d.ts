import { type Layer } from './limits.js';
/** The decompressed bytes, counted against the input's expansion budget and this layer's ratio. */
export declare function gunzip(input: AsyncIterable<Buffer>, path: string, layer: Layer): AsyncIterable<Buffer>;
