// package.json sanity: language, grammar, settings, activation, build output.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('package.json', () => {
  test('identity and engine', () => {
    assert.equal(pkg.name, 'paperlsp');
    assert.equal(pkg.publisher, 'paperlsp');
    // No higher than the VS Code the real-VS-Code suite runs (code-server 4.100.3 = VS Code 1.100.3).
    assert.equal(pkg.engines.vscode, '^1.100.0');
    assert.equal(pkg.main, './dist/extension.js');
  });

  test('@types/vscode is not newer than the engine (vsce rejects that)', () => {
    const types = pkg.devDependencies['@types/vscode'];
    const [tMaj, tMin] = types.split('.').map(Number);
    const [eMaj, eMin] = pkg.engines.vscode.replace(/^\^/, '').split('.').map(Number);
    assert.ok(tMaj < eMaj || (tMaj === eMaj && tMin <= eMin), `${types} > ${pkg.engines.vscode}`);
  });

  test('dependency versions are pinned exactly', () => {
    for (const [name, v] of Object.entries({ ...pkg.dependencies, ...pkg.devDependencies })) {
      assert.match(v, /^\d+\.\d+\.\d+$/, `${name}@${v}`);
    }
  });

  test('contributes the papers language for .papers files', () => {
    const lang = pkg.contributes.languages.find((l) => l.id === 'papers');
    assert.ok(lang, 'language id papers');
    assert.deepEqual(lang.extensions, ['.papers']);
    const conf = JSON.parse(readFileSync(path.join(root, lang.configuration), 'utf8'));
    assert.equal(conf.comments.lineComment, '//');
  });

  test('activates on the papers language', () => {
    assert.ok(pkg.activationEvents.includes('onLanguage:papers'));
  });

  test('grammar contribution points at the built copy of ../grammar', () => {
    const g = pkg.contributes.grammars.find((x) => x.language === 'papers');
    assert.ok(g);
    assert.equal(g.scopeName, 'source.papers');
    assert.equal(g.path, './syntaxes/papers.tmLanguage.json');
    const built = path.join(root, g.path);
    assert.ok(existsSync(built), `${g.path} missing: run "npm run build"`);
    const original = readFileSync(path.join(root, '..', 'grammar', 'papers.tmLanguage.json'), 'utf8');
    assert.equal(readFileSync(built, 'utf8'), original, 'syntaxes/ copy is stale');
    assert.equal(JSON.parse(original).scopeName, g.scopeName);
  });

  test('settings', () => {
    const props = pkg.contributes.configuration.properties;
    assert.equal(props['paperlsp.server.path'].type, 'string');
    assert.equal(props['paperlsp.server.path'].default, '');
    assert.deepEqual(props['paperlsp.trace.server'].enum, ['off', 'messages', 'verbose']);
    assert.equal(props['paperlsp.trace.server'].default, 'off');
    assert.equal(props['paperlsp.logLevel'].type, 'string');
  });

  test('every contributed command has a title', () => {
    for (const c of pkg.contributes.commands ?? []) assert.ok(c.command.startsWith('paperlsp.') && c.title);
  });

  test('scripts', () => {
    for (const s of ['build', 'typecheck', 'package', 'test']) assert.ok(pkg.scripts[s], s);
    assert.match(pkg.scripts.package, /vsce package --no-dependencies/);
  });
});

describe('build output', () => {
  const bundle = path.join(root, 'dist', 'extension.js');

  test('dist/extension.js exists and keeps vscode external', () => {
    assert.ok(existsSync(bundle), 'dist/extension.js missing: run "npm run build"');
    const js = readFileSync(bundle, 'utf8');
    assert.match(js, /require\("vscode"\)/);
    assert.ok(!/node_modules\/@types\/vscode/.test(js));
  });

  test('bundle exports activate and deactivate', async () => {
    // Load with a stub `vscode` module: only checks the module shape, calls nothing.
    const Module = (await import('node:module')).default;
    // Any property is itself the stub: callable, constructible and extendable.
    const vscodeStub = new Proxy(function stub() {}, {
      get: (target, key) => (key === 'prototype' ? target.prototype : vscodeStub),
      apply: () => vscodeStub,
      construct: () => ({}),
    });
    const origLoad = Module._load;
    Module._load = function (request, ...rest) {
      if (request === 'vscode') return vscodeStub;
      return origLoad.call(this, request, ...rest);
    };
    try {
      const m = Module.createRequire(bundle)(bundle);
      assert.equal(typeof m.activate, 'function');
      assert.equal(typeof m.deactivate, 'function');
    } finally {
      Module._load = origLoad;
    }
  });
});
