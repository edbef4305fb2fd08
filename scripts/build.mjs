// Bundles src/ into dist/ (committed: the Action and the pre-commit hook run it without a build step).
// esbuild rather than ncc: @actions/core 3 is ESM-only, which ncc mishandles.
import { build } from 'esbuild';
import fs from 'node:fs';

fs.rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/bin.ts', worker: 'src/worker.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  // Bundled CommonJS dependencies (fast-glob, ajv) call require(); give ESM chunks one.
  banner: { js: "import { createRequire as __piiguardCreateRequire } from 'node:module'; const require = __piiguardCreateRequire(import.meta.url);" },
});
