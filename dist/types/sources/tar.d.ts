import { type ReadMember, type SourceItem } from './items.js';
import { type Layer } from './limits.js';
export declare function tarMembers(input: AsyncIterable<Buffer>, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem>;
