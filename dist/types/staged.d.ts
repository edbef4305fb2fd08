import { type SettingsFiles } from './config.js';
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
/**
 * The config and baseline as the commit will hold them: a file in the git index is read from there, so
 * an unstaged edit neither loosens nor tightens the verdict, and a staged change applies to the commit
 * that carries it. A file git does not track (a config kept outside the repository), or tracks as a
 * symbolic link, is read from disk.
 * `files` are every path that may be read, absolute.
 */
export declare function stagedSettings(cwd: string, files: string[]): Promise<SettingsFiles>;
/** Scans the staged content of `files`, in order; symlinks and submodules are skipped with a reason. */
export declare function scanStaged(files: StagedFile[], cwd: string, engine: Engine, limits: SourceLimits): Promise<FileResult[]>;
