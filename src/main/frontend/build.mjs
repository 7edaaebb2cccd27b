// Bundles the browser libraries into the app's static resources (run by Maven: npm ci, npm run build).
// Output: <out>/form-viewer.js (ES module) and <out>/form-viewer.css; <out> is the first argument,
// target/classes/static/vendor when Maven runs it. Nothing is loaded from the internet at run time.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/classes/static/vendor');
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  target: ['chrome110', 'firefox115', 'safari16'],
  logLevel: 'info',
};

await build({ ...common, entryPoints: ['src/form-viewer.js'], format: 'esm', outfile: `${out}/form-viewer.js` });
await build({ ...common, entryPoints: ['src/form-viewer.css'], outfile: `${out}/form-viewer.css` });
