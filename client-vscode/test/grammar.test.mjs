// Grammar tests: (1) the assertion files in grammar/tests/ through vscode-tmgrammar-test,
// (2) direct scope checks with vscode-textmate, (3) examples/seed.papers against its truth file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, test } from 'node:test';
import { grammarDir, grammarPath, repoRoot, scopesOf, tokenize } from './helpers/grammar.mjs';

const require = createRequire(import.meta.url);

const has = (tokens, scope) => tokens.length > 0 && tokens.every((t) => t.scopes.includes(scope));
const none = (tokens, scope) => tokens.every((t) => !t.scopes.includes(scope));

describe('grammar file', () => {
  test('is valid JSON with scopeName source.papers', () => {
    const g = JSON.parse(readFileSync(grammarPath, 'utf8'));
    assert.equal(g.scopeName, 'source.papers');
    assert.ok(Array.isArray(g.patterns) && g.patterns.length > 0);
    for (const p of g.patterns) {
      const name = p.include?.replace(/^#/, '');
      assert.ok(name && g.repository[name], `unresolved include ${p.include}`);
    }
  });
});

describe('vscode-tmgrammar-test assertion files (grammar/tests/*.papers)', () => {
  const files = readdirSync(path.join(grammarDir, 'tests')).filter((f) => f.endsWith('.papers'));

  test('there are assertion files', () => {
    assert.ok(files.length >= 4, `found ${files.length}`);
  });

  test('every file passes', () => {
    // Run from grammar/ so no package.json is picked up as --config; glob expanded by the tool.
    const cli = path.join(path.dirname(require.resolve('vscode-tmgrammar-test/package.json')), 'dist', 'unit.js');
    const r = spawnSync(process.execPath, [cli, '--compact', '-g', 'papers.tmLanguage.json', 'tests/*.papers'], {
      cwd: grammarDir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const output = `${r.stdout}\n${r.stderr}`;
    assert.equal(r.error, undefined, `could not run vscode-tmgrammar-test: ${r.error}`);
    assert.equal(r.status, 0, `vscode-tmgrammar-test failed:\n${output}`);
    for (const f of files) assert.match(r.stdout, new RegExp(`${f.replace('.', '\\.')} run successfuly`), output);
  });
});

describe('scopes (vscode-textmate)', () => {
  test('metadata line: score, category, date', async () => {
    const line = '29.4CLMay 25, 2022';
    assert.ok(has(await scopesOf(line, '29.4'), 'constant.numeric.score.papers'));
    assert.ok(has(await scopesOf(line, 'CL'), 'entity.name.tag.category.papers'));
    assert.ok(has(await scopesOf(line, 'May 25, 2022'), 'constant.other.date.papers'));
    assert.ok(has(await scopesOf(line, '29.4CLMay 25, 2022'), 'meta.metadata.papers'));
  });

  test('metadata line with Code and cs.CL category', async () => {
    const line = '4.9cs.CLJun 15, 2023Code';
    assert.ok(has(await scopesOf(line, 'cs.CL'), 'entity.name.tag.category.papers'));
    assert.ok(has(await scopesOf(line, 'Jun 15, 2023'), 'constant.other.date.papers'));
    assert.ok(has(await scopesOf(line, 'Code'), 'keyword.other.code.papers'));
  });

  test('comment with suppression directive', async () => {
    const line = '  // paperlsp-ignore-file PL0501, PL0301';
    assert.ok(has(await scopesOf(line, line.trim()), 'comment.line.double-slash.papers'));
    assert.ok(has(await scopesOf(line, 'paperlsp-ignore-file'), 'keyword.control.directive.papers'));
    assert.ok(has(await scopesOf(line, 'PL0501'), 'constant.other.diagnostic-code.papers'));
    assert.ok(has(await scopesOf(line, 'PL0301'), 'constant.other.diagnostic-code.papers'));
  });

  test('codes in an ordinary comment are not diagnostic codes', async () => {
    assert.ok(none(await scopesOf('// see PL0301', 'PL0301'), 'constant.other.diagnostic-code.papers'));
  });

  test('section heading', async () => {
    assert.ok(has(await scopesOf('# Hallucination', '# Hallucination'), 'markup.heading.papers'));
    assert.ok(none(await scopesOf('#Hallucination', '#Hallucination'), 'markup.heading.papers'));
  });

  test('header: et al., affiliations, explicit separator, non-ASCII names', async () => {
    const line = 'Faith and Fate | Ekin Akyürek, Zoë Ångström et al. · allen-ai, uw';
    assert.ok(has(await scopesOf(line, '|'), 'punctuation.separator.title-authors.papers'));
    assert.ok(has(await scopesOf(line, 'et al.'), 'keyword.other.et-al.papers'));
    assert.ok(has(await scopesOf(line, '·'), 'punctuation.separator.affiliation.papers'));
    assert.ok(has(await scopesOf(line, 'allen-ai'), 'entity.name.namespace.affiliation.papers'));
    assert.ok(has(await scopesOf(line, 'uw'), 'entity.name.namespace.affiliation.papers'));
    const names = await scopesOf(line, 'Ekin Akyürek, Zoë Ångström');
    assert.deepEqual([...new Set(names.flatMap((t) => t.scopes))], ['source.papers']);
  });
});

describe('examples/seed.papers against seed.truth.json', () => {
  const text = readFileSync(path.join(repoRoot, 'examples', 'seed.papers'), 'utf8');
  const truth = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'seed.truth.json'), 'utf8'));
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const tokensOf = (lines, lineNo, scope) =>
    lines[lineNo - 1].tokens.filter((t) => t.scopes.includes(scope)).map((t) => t.text);

  test('truth file has entries', () => {
    assert.ok(truth.entries.length > 10);
  });

  test('metadata lines yield the true score, category, date and Code flag', async () => {
    const lines = await tokenize(text);
    let checked = 0;
    for (const e of truth.entries.filter((x) => x.meta_line)) {
      const at = `line ${e.meta_line}`;
      assert.equal(Number(tokensOf(lines, e.meta_line, 'constant.numeric.score.papers').join('')), e.score, at);
      assert.equal(tokensOf(lines, e.meta_line, 'entity.name.tag.category.papers').join(''), e.category, at);
      const [y, m, d] = e.date.split('-').map(Number);
      assert.equal(tokensOf(lines, e.meta_line, 'constant.other.date.papers').join(''), `${months[m - 1]} ${d}, ${y}`, at);
      assert.equal(tokensOf(lines, e.meta_line, 'keyword.other.code.papers').length > 0, e.code, at);
      checked++;
    }
    assert.ok(checked > 0, 'no metadata lines in the truth file');
  });

  test('headers yield the true et al. flag and affiliations', async () => {
    const lines = await tokenize(text);
    for (const e of truth.entries) {
      const at = `line ${e.header_line}`;
      assert.equal(tokensOf(lines, e.header_line, 'keyword.other.et-al.papers').length > 0, e.et_al, at);
      assert.deepEqual(tokensOf(lines, e.header_line, 'entity.name.namespace.affiliation.papers'), e.affiliations ?? [], at);
    }
  });

  test('abstract lines get no scopes', async () => {
    const lines = await tokenize(text);
    for (const e of truth.entries.filter((x) => x.abstract_line)) {
      const scoped = lines[e.abstract_line - 1].tokens.filter((t) => t.scopes.length > 1);
      assert.deepEqual(scoped, [], `line ${e.abstract_line}`);
    }
  });
});
