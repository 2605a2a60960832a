// Unit tests of the vscode-free launch logic (src/serverCommand.ts and src/serverProcess.ts, built to out/).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
for (const m of ['serverCommand', 'serverProcess']) {
  const built = path.join(root, 'out', `${m}.js`);
  if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" first`);
}
const sc = require(path.join(root, 'out', 'serverCommand.js'));
const sp = require(path.join(root, 'out', 'serverProcess.js'));

const ext = '/ext/paperlsp';
const bundledDll = path.join(ext, 'server', 'paperlsp.dll');
/** A file system of exactly these files. */
const files = (...paths) => (p) => paths.includes(p);
const base = { extensionPath: ext, platform: 'linux', exists: files(), pathEnv: '/usr/local/bin:/usr/bin' };

describe('resolveServerCommand: the exact argument vector', () => {
  test('bundled paperlsp.dll runs as `dotnet <dll> --stdio` with dotnet from PATH', () => {
    const r = sc.resolveServerCommand({ ...base, configuredPath: '', exists: files(bundledDll, '/usr/bin/dotnet') });
    assert.deepEqual(r, { command: '/usr/bin/dotnet', args: [bundledDll, '--stdio'], source: 'bundled' });
  });

  test('--stdio appears exactly once in every launch mode', () => {
    const cases = [
      { configuredPath: '', exists: files(bundledDll, '/usr/bin/dotnet') },
      { configuredPath: '', exists: files('/usr/local/bin/paperlsp') },
      { configuredPath: '/opt/p/paperlsp', exists: files('/opt/p/paperlsp') },
      { configuredPath: '/opt/p/paperlsp.dll', exists: files('/opt/p/paperlsp.dll', '/usr/bin/dotnet') },
      { configuredPath: 'paperlsp-dev', exists: files('/usr/bin/paperlsp-dev') },
    ];
    for (const c of cases) {
      const r = sc.resolveServerCommand({ ...base, ...c });
      assert.ok(!sc.isProblem(r), JSON.stringify(c));
      assert.equal(r.args.filter((a) => a === '--stdio').length, 1, sc.describe(r));
      assert.equal(r.args.at(-1), '--stdio');
    }
  });

  test('no bundled server: paperlsp found on PATH', () => {
    const r = sc.resolveServerCommand({ ...base, configuredPath: undefined, exists: files('/usr/bin/paperlsp') });
    assert.deepEqual(r, { command: '/usr/bin/paperlsp', args: ['--stdio'], source: 'path' });
  });

  test('nothing anywhere: server-not-found, for every blank setting', () => {
    for (const configuredPath of [undefined, '', '   ']) {
      assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath }), { kind: 'server-not-found' });
    }
  });

  test('configured path wins over the bundled server', () => {
    const r = sc.resolveServerCommand({ ...base, configuredPath: '/x/paperlsp', exists: files('/x/paperlsp', bundledDll) });
    assert.deepEqual(r, { command: '/x/paperlsp', args: ['--stdio'], source: 'setting' });
  });

  test('a configured path that does not exist is reported, not started', () => {
    assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath: '/nope/paperlsp', exists: files(bundledDll) }), {
      kind: 'server-path-missing',
      path: '/nope/paperlsp',
    });
    assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath: 'not-on-path' }), { kind: 'server-path-missing', path: 'not-on-path' });
  });

  test('a .dll (any case) needs dotnet: the dotnet setting, then PATH, then DOTNET_ROOT', () => {
    const dll = '/opt/p/PaperLsp.DLL';
    const withSetting = sc.resolveServerCommand({ ...base, configuredPath: dll, configuredDotnetPath: '/d/dotnet', exists: files(dll, '/d/dotnet', '/usr/bin/dotnet') });
    assert.deepEqual(withSetting, { command: '/d/dotnet', args: [dll, '--stdio'], source: 'setting' });
    const fromRoot = sc.resolveServerCommand({ ...base, configuredPath: dll, dotnetRoot: '/r', exists: files(dll, '/r/dotnet') });
    assert.equal(fromRoot.command, '/r/dotnet');
  });

  test('no dotnet at all: dotnet-not-found; a wrong dotnet setting: dotnet-path-missing', () => {
    assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath: '', exists: files(bundledDll) }), { kind: 'dotnet-not-found' });
    assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath: '', configuredDotnetPath: '/gone/dotnet', exists: files(bundledDll, '/usr/bin/dotnet') }), {
      kind: 'dotnet-path-missing',
      path: '/gone/dotnet',
    });
  });

  test('Windows: executables are found with .exe on a ;-separated PATH', () => {
    const r = sc.resolveServerCommand({ ...base, platform: 'win32', pathEnv: 'C:\\tools;C:\\dotnet', configuredPath: '', exists: files('C:\\tools\\paperlsp.exe') });
    assert.deepEqual(r, { command: 'C:\\tools\\paperlsp.exe', args: ['--stdio'], source: 'path' });
  });

  test('~ is expanded and relative paths resolve against the workspace folder', () => {
    const home = '/home/me';
    const r1 = sc.resolveServerCommand({ ...base, configuredPath: '~/bin/paperlsp', homeDir: home, exists: files('/home/me/bin/paperlsp') });
    assert.equal(r1.command, '/home/me/bin/paperlsp');
    const r2 = sc.resolveServerCommand({ ...base, configuredPath: 'tools/paperlsp.dll', baseDir: '/ws', exists: files('/ws/tools/paperlsp.dll', '/usr/bin/dotnet') });
    assert.deepEqual(r2.args, ['/ws/tools/paperlsp.dll', '--stdio']);
  });
});

describe('adviceFor: one actionable message per failure', () => {
  test('a missing .NET asks for .NET 10 with a link', () => {
    const a = sc.adviceFor({ kind: 'dotnet-not-found' });
    assert.match(a.message, /needs the \.NET 10 runtime/);
    assert.deepEqual(a.remedies[0], { title: 'Install .NET 10', kind: 'openUrl', url: sc.DOTNET_DOWNLOAD_URL });
  });

  test('a wrong server path names the path and opens that setting', () => {
    const a = sc.adviceFor({ kind: 'server-path-missing', path: '/nope/paperlsp' });
    assert.match(a.message, /"\/nope\/paperlsp".*paperlsp\.server\.path.*does not exist/);
    assert.deepEqual(a.remedies[0], { title: 'Open Settings', kind: 'openSettings', setting: 'paperlsp.server.path' });
  });

  test("the .NET host's missing-framework words become the .NET 10 advice", () => {
    const stderr = "You must install or update .NET to run this application.\n\nFramework: 'Microsoft.NETCore.App', version '10.0.0' (x64)";
    const a = sc.adviceFor({ code: 150, signal: null, stderr });
    assert.match(a.message, /needs the \.NET 10 runtime/);
  });

  test('any other early exit says how it ended and points at the output', () => {
    const cmd = { command: '/x/paperlsp', args: ['--stdio'], source: 'setting' };
    const a = sc.adviceFor({ code: 2, signal: null, stderr: "unknown command '--stdio'" }, cmd);
    assert.match(a.message, /exited with code 2 while starting \(\/x\/paperlsp --stdio \(from setting\)\)\. Check paperlsp\.server\.path/);
    assert.equal(a.remedies[0].kind, 'showOutput');
  });
});

describe('startServer: the process receives exactly our arguments', () => {
  // A stand-in server at the true seam (the OS process): it records the argv it was started with.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'paperlsp-argv-'));
  const record = path.join(dir, 'argv.json');
  const script = path.join(dir, 'fake-server.js');
  writeFileSync(script, `require('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2))); process.stderr.write('line one\\nline two\\n'); process.exit(3);`);

  test('argv is [dll, --stdio] once, stderr is kept, the exit code is seen', async () => {
    const cmd = { command: process.execPath, args: [script, '--stdio'], source: 'bundled' };
    const server = await sp.startServer(cmd);
    const exit = await server.exited;
    assert.deepEqual(JSON.parse(readFileSync(record, 'utf8')), ['--stdio']);
    assert.equal(exit.code, 3);
    assert.equal(server.stderr.text(), 'line one\nline two');
  });

  test('a command that does not exist rejects with ENOENT instead of starting', async () => {
    await assert.rejects(sp.startServer({ command: path.join(dir, 'no-such-server'), args: ['--stdio'], source: 'setting' }), /ENOENT/);
  });

  test('ensureStopped kills a process that outlives the grace period', async () => {
    const sleeper = path.join(dir, 'sleeper.js');
    writeFileSync(sleeper, 'setInterval(() => {}, 1000);');
    const server = await sp.startServer({ command: process.execPath, args: [sleeper], source: 'setting' });
    await sp.ensureStopped(server, 50);
    const exit = await server.exited;
    assert.equal(exit.signal, 'SIGTERM');
  });
});

describe('TailBuffer', () => {
  test('keeps the last complete lines, plus the unfinished one', () => {
    const t = new sc.TailBuffer(2);
    t.push('a\nb\nc');
    t.push('d\ne');
    assert.equal(t.text(), 'b\ncd\ne');
  });
});

describe('initializationOptions', () => {
  test('passes a known log level and a sane delay through', () => {
    assert.deepEqual(sc.initializationOptions({ logLevel: ' Trace ', diagnosticsDelayMs: 250 }), { logLevel: 'trace', diagnosticsDelayMs: 250 });
  });

  test('falls back to the defaults for unknown or out-of-range values', () => {
    for (const v of [undefined, null, '', 'verbose', 42, 20_000]) {
      assert.equal(sc.initializationOptions({ logLevel: v }).logLevel, 'information');
      if (typeof v !== 'number' || v > 10_000) assert.equal(sc.initializationOptions({ diagnosticsDelayMs: v }).diagnosticsDelayMs, 0);
    }
    assert.equal(sc.initializationOptions({ diagnosticsDelayMs: -1 }).diagnosticsDelayMs, 0);
    assert.equal(sc.initializationOptions({ diagnosticsDelayMs: 1.5 }).diagnosticsDelayMs, 0);
  });

  test('log levels match the enum contributed in package.json', () => {
    const pkg = require(path.join(root, 'package.json'));
    const prop = pkg.contributes.configuration.properties['paperlsp.logLevel'];
    assert.deepEqual(prop.enum, [...sc.LOG_LEVELS]);
    assert.equal(prop.default, sc.DEFAULT_LOG_LEVEL);
  });
});

describe('describe', () => {
  test('quotes arguments with spaces and names the source', () => {
    const s = sc.describe({ command: 'dotnet', args: ['/a b/paperlsp.dll', '--stdio'], source: 'setting' });
    assert.equal(s, 'dotnet "/a b/paperlsp.dll" --stdio (from setting)');
  });
});
