import { type ReadMember, type SourceItem } from './items.js';
import { type Layer } from './limits.js';
export declare function zipMembers(file: string, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem>;
/** A zip from a stream: written to a temporary file only this user can read, removed afterwards. */
export declare function spooledZipMembers(input: AsyncIterable<Buffer>, path: string, layer: Layer, read: ReadMember): AsyncGenerator<SourceItem>;
