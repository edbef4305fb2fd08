import { type InputFile } from './discover.js';
import { type Engine, type FileResult } from './scan-file.js';
import { type SourceLimits } from './sources/index.js';
export interface StagedFile extends InputFile {
    /** Blob id of the staged content. */
    oid: string;
    /** Git file mode: 100644/100755 regular, 120000 symlink, 160000 submodule. */
    mode: string;
}
/** Files added, copied, modified or renamed in the index, under their real paths. */
export declare function listStaged(cwd: string): Promise<StagedFile[]>;
/** Scans the staged content of `files`, in order; symlinks and submodules are skipped with a reason. */
export declare function scanStaged(files: StagedFile[], cwd: string, engine: Engine, limits: SourceLimits): Promise<FileResult[]>;
