// The grammar colours a list at once; the server's semantic tokens arrive half a second later. Where both mark the same
// text, they must name the same scope, or the theme gives it two colours and it visibly jumps when the server attaches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { extensionRoot, scopesOf } from './helpers/grammar.mjs';

const pkg = JSON.parse(readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
const semanticScopes = pkg.contributes.semanticTokenScopes.find((s) => s.language === 'papers').scopes;

// For each token type the grammar can also see: a line, and the text of that token in it.
const samples = {
  paperScore: ['29.4CLMay 25, 2022Code', '29.4'],
  paperCategory: ['29.4CLMay 25, 2022Code', 'CL'],
  paperDate: ['29.4CLMay 25, 2022Code', 'May 25, 2022'],
  paperCodeFlag: ['29.4CLMay 25, 2022Code', 'Code'],
  paperEtAl: ['A TitleAda Lovelace, Grace Hopper et al. · mit', 'et al.'],
  paperAffiliation: ['A TitleAda Lovelace, Grace Hopper et al. · mit', 'mit'],
  paperComment: ['// a comment', 'a comment'],
  paperHeading: ['# Reading', 'Reading'],
  paperDirective: ['// paperlsp-ignore PL0301', 'paperlsp-ignore'],
};

describe('semantic token scopes agree with the grammar', () => {
  for (const [type, [line, needle]] of Object.entries(samples)) {
    test(type, async () => {
      const wanted = semanticScopes[type]?.[0];
      assert.ok(wanted, `${type} has a scope in package.json`);
      const tokens = await scopesOf(line, needle);
      const innermost = tokens.map((t) => t.scopes.at(-1));
      assert.ok(innermost.every((s) => s === wanted), `${type}: grammar gives ${JSON.stringify(innermost)}, semantic tokens ${wanted}`);
    });
  }
});

describe('word pattern', () => {
  const conf = JSON.parse(readFileSync(path.join(extensionRoot, 'language-configuration.json'), 'utf8'));
  const words = (text) => text.match(new RegExp(conf.wordPattern.pattern, `g${conf.wordPattern.flags ?? ''}`)) ?? [];

  test('a title glued to an author is two words, so word completion cannot offer the glued run', () => {
    assert.deepEqual(words('Language ModelsYung-Sung Chuang'), ['Language', 'Models', 'Yung-Sung', 'Chuang']);
  });

  test('names with diacritics, apostrophes and hyphens stay whole', () => {
    assert.deepEqual(words("Ekin Akyürek, Łukasz O'Brien, Jean-Pierre Ødegaard"), ['Ekin', 'Akyürek', 'Łukasz', "O'Brien", 'Jean-Pierre', 'Ødegaard']);
  });

  test('VS Code compiles it as the manifest says (object form with flags)', () => {
    assert.equal(typeof conf.wordPattern.pattern, 'string');
    assert.equal(conf.wordPattern.flags, 'u');
  });
});
