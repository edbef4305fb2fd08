// Bundles src/ into dist/ (committed: the Action and the pre-commit hook run it without a build step).
// esbuild rather than ncc: @actions/core 3 is ESM-only, which ncc mishandles.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

execFileSync(process.execPath, ['scripts/compile-schemas.mjs'], { stdio: 'inherit' });
fs.rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: { bin: 'src/bin.ts', worker: 'src/worker.ts', index: 'src/index.ts', action: 'src/action.ts' },
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

// Type declarations for library users (the bundle itself carries none).
execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
