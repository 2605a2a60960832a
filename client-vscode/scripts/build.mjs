// Build: copy the shared TextMate grammar into the extension (vsce cannot package
// files outside this folder), then bundle the extension with esbuild.
//   node scripts/build.mjs            production bundle (minified, no sourcemap)
//   node scripts/build.mjs --dev      with sourcemaps, unminified
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dev = process.argv.includes('--dev');

const grammarSrc = path.resolve(root, '..', 'grammar', 'papers.tmLanguage.json');
const grammarDst = path.join(root, 'syntaxes', 'papers.tmLanguage.json');
await mkdir(path.dirname(grammarDst), { recursive: true });
await copyFile(grammarSrc, grammarDst);
console.log(`copied ${path.relative(root, grammarSrc)} -> ${path.relative(root, grammarDst)}`);

await rm(path.join(root, 'dist'), { recursive: true, force: true });
await rm(path.join(root, 'out'), { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20', // VS Code 1.100 ships Electron 34 / Node 20
  logLevel: 'warning',
};

// The extension itself, shipped in the .vsix.
await esbuild.build({
  ...common,
  entryPoints: [path.join(root, 'src', 'extension.ts')],
  outfile: path.join(root, 'dist', 'extension.js'),
  external: ['vscode'],
  minify: !dev,
  sourcemap: dev,
});
console.log('bundled src/extension.ts -> dist/extension.js');

// The vscode-free modules, for the node tests (not shipped).
for (const name of ['serverCommand', 'serverProcess']) {
  await esbuild.build({
    ...common,
    entryPoints: [path.join(root, 'src', `${name}.ts`)],
    outfile: path.join(root, 'out', `${name}.js`),
    sourcemap: 'inline',
  });
  console.log(`bundled src/${name}.ts -> out/${name}.js`);
}
