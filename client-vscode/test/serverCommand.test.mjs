// Unit tests of the vscode-free server resolution logic (src/serverCommand.ts, built to out/).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'out', 'serverCommand.js');
if (!existsSync(built)) throw new Error(`${built} is missing: run "npm run build" first`);
const sc = createRequire(import.meta.url)(built);

const ext = path.resolve('/ext/paperlsp');
const nothingExists = () => false;
const base = { extensionPath: ext, platform: 'linux', exists: nothingExists };

describe('resolveServerCommand', () => {
  test('empty setting and no bundled server: paperlsp on PATH with --stdio', () => {
    for (const configuredPath of [undefined, '', '   ']) {
      assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath }), {
        command: 'paperlsp',
        args: ['--stdio'],
        source: 'path',
      });
    }
  });

  test('configured executable is used as is', () => {
    const r = sc.resolveServerCommand({ ...base, configuredPath: '/opt/paperlsp/paperlsp' });
    assert.deepEqual(r, { command: '/opt/paperlsp/paperlsp', args: ['--stdio'], source: 'setting' });
  });

  test('configured .dll is run with dotnet (case-insensitive extension)', () => {
    for (const p of ['/opt/paperlsp/paperlsp.dll', '/opt/paperlsp/PaperLsp.DLL']) {
      assert.deepEqual(sc.resolveServerCommand({ ...base, configuredPath: p }), {
        command: 'dotnet',
        args: [p, '--stdio'],
        source: 'setting',
      });
    }
  });

  test('configured path wins over a bundled server', () => {
    const r = sc.resolveServerCommand({ ...base, exists: () => true, configuredPath: '/x/paperlsp' });
    assert.equal(r.command, '/x/paperlsp');
    assert.equal(r.source, 'setting');
  });

  test('bundled executable in <extension>/server is preferred over PATH', () => {
    const exe = path.join(ext, 'server', 'paperlsp');
    const r = sc.resolveServerCommand({ ...base, configuredPath: '', exists: (p) => p === exe });
    assert.deepEqual(r, { command: exe, args: ['--stdio'], source: 'bundled' });
  });

  test('bundled executable on Windows is paperlsp.exe', () => {
    const exe = path.join(ext, 'server', 'paperlsp.exe');
    const r = sc.resolveServerCommand({ ...base, platform: 'win32', configuredPath: '', exists: (p) => p === exe });
    assert.equal(r.command, exe);
    // On linux the .exe is not looked for.
    assert.equal(sc.resolveServerCommand({ ...base, configuredPath: '', exists: (p) => p === exe }).source, 'path');
  });

  test('bundled paperlsp.dll is run with dotnet', () => {
    const dll = path.join(ext, 'server', 'paperlsp.dll');
    const r = sc.resolveServerCommand({ ...base, configuredPath: '', exists: (p) => p === dll });
    assert.deepEqual(r, { command: 'dotnet', args: [dll, '--stdio'], source: 'bundled' });
  });

  test('custom dotnet host', () => {
    const r = sc.resolveServerCommand({ ...base, configuredPath: '/a/paperlsp.dll', dotnetCommand: '/usr/share/dotnet/dotnet' });
    assert.equal(r.command, '/usr/share/dotnet/dotnet');
  });

  test('~ is expanded and relative paths resolve against the workspace folder', () => {
    const home = path.resolve('/home/me');
    const ws = path.resolve('/work/ws');
    const r1 = sc.resolveServerCommand({ ...base, configuredPath: '~/bin/paperlsp', homeDir: home });
    assert.equal(r1.command, path.join(home, 'bin', 'paperlsp'));
    const r2 = sc.resolveServerCommand({ ...base, configuredPath: 'tools/paperlsp.dll', baseDir: ws });
    assert.deepEqual(r2.args, [path.join(ws, 'tools', 'paperlsp.dll'), '--stdio']);
    // A bare name stays a PATH lookup.
    const r3 = sc.resolveServerCommand({ ...base, configuredPath: ' paperlsp-dev ', baseDir: ws });
    assert.equal(r3.command, 'paperlsp-dev');
  });
});

describe('initializationOptions', () => {
  test('passes a known log level through', () => {
    assert.deepEqual(sc.initializationOptions('debug'), { logLevel: 'debug' });
    assert.deepEqual(sc.initializationOptions(' Trace '), { logLevel: 'trace' });
  });

  test('falls back to information for unknown or missing values', () => {
    for (const v of [undefined, null, '', 'verbose', 42]) {
      assert.deepEqual(sc.initializationOptions(v), { logLevel: 'information' });
    }
  });

  test('log levels match the enum contributed in package.json', async () => {
    const pkg = createRequire(import.meta.url)(path.join(root, 'package.json'));
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
