// `npm run eval`: bundles eval/run.ts with the scanner's sources (no separate build step) and runs it.
// The bundle sits one level below the package root, like dist/, so the scanner finds rules/ and schema/.
import { build } from 'esbuild';
import { pathToFileURL } from 'node:url';

const outfile = '.eval-build/run.mjs';
await build({
  entryPoints: ['eval/run.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  packages: 'external',
});
await import(pathToFileURL(outfile).href);
