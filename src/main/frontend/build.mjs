// Bundles the browser libraries into the app's static resources (run by Maven: npm ci, npm run build).
// <out> is the first argument, target/classes/static/vendor when Maven runs it:
//   form-viewer.js/.css   form-js viewer for the workspace's stage forms
//   bpmn-modeler.js/.css  bpmn-js Modeler + Camunda 7 properties panel + bpmnlint (administrators)
//   dmn-modeler.js/.css   dmn-js Modeler (administrators)
//   form-editor.js/.css   form-js editor (administrators)
//   bpmn-viewer.js/.css   bpmn-js NavigatedViewer: the path a case took (auditors)
//   echarts.js/.css       ECharts (bar, pie, canvas) for the dashboard
// Fonts are emitted as files under <out>/assets (the pages' CSP allows no data: fonts). Nothing is
// loaded from the internet at run time.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const out = resolve(process.argv[2] ?? '../../../target/classes/static/vendor');
mkdirSync(out, { recursive: true });

// bpmnlint's rules are resolved by Node here, at build time, and packed into one module the browser
// bundle imports (the same as bpmnlint-loader / rollup-plugin-bpmnlint do).
const compileConfig = require('bpmnlint/lib/support/compile-config');
const lintConfig = JSON.parse(readFileSync('.bpmnlintrc', 'utf8'));
mkdirSync('generated', { recursive: true });
writeFileSync('generated/bpmnlint-config.js', await compileConfig(lintConfig));

const common = {
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'linked',
  target: ['chrome110', 'firefox115', 'safari16'],
  logLevel: 'info',
  loader: { '.woff': 'file', '.woff2': 'file', '.ttf': 'file', '.eot': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
};

const bundles = ['form-viewer', 'bpmn-modeler', 'dmn-modeler', 'form-editor', 'bpmn-viewer', 'echarts'];
await Promise.all(bundles.flatMap((name) => [
  build({ ...common, entryPoints: [`src/${name}.js`], format: 'esm', outfile: `${out}/${name}.js` }),
  build({ ...common, entryPoints: [`src/${name}.css`], outfile: `${out}/${name}.css` }),
]));
