// Publishes the language server into ./server so that `vsce package` puts it inside the .vsix.
// Framework-dependent and without an apphost: one package for every platform, started as `dotnet server/paperlsp.dll`
// (the user needs the .NET 10 runtime, which the extension checks for and asks for by name).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const project = path.resolve(root, '..', 'server', 'PaperLsp', 'PaperLsp.csproj');
const out = path.join(root, 'server');

rmSync(out, { recursive: true, force: true });
const args = [
  'publish', project, '-c', 'Release', '-o', out, '--nologo',
  '--self-contained', 'false', '-p:UseAppHost=false', '-p:DebugType=none', '-p:DebugSymbols=false',
  '-p:GenerateDocumentationFile=false',
];
console.log(`dotnet ${args.join(' ')}`);
const r = spawnSync(process.env.DOTNET ?? 'dotnet', args, { stdio: 'inherit' });
if (r.error) {
  console.error(`could not run dotnet (${r.error.message}): the .NET 10 SDK is needed to package the extension`);
  process.exit(2);
}
if (r.status !== 0) process.exit(r.status ?? 1);

const files = readdirSync(out);
if (!existsSync(path.join(out, 'paperlsp.dll'))) {
  console.error(`dotnet publish wrote no paperlsp.dll into ${out}`);
  process.exit(1);
}
const stray = files.filter((f) => f.endsWith('.pdb') || f.endsWith('.xml'));
for (const f of stray) rmSync(path.join(out, f));
console.log(`server/: ${files.length - stray.length} files`);
