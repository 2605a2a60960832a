// Every BibTeX and BibLaTeX export, read back by @retorquere/bibtex-parser (the parser of Better BibTeX for Zotero).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { parse } from '@retorquere/bibtex-parser';
import { lists, paperlsp, reading, protectedWords, display, sameCategory, same } from '../lib/helpers.mjs';

const variants = [
  { name: 'bibtex', args: ['--format', 'bibtex'] },
  { name: 'bibtex --ascii', args: ['--format', 'bibtex', '--ascii'] },
  { name: 'biblatex', args: ['--format', 'biblatex'] },
];

const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

for (const list of lists) {
  const truth = reading(list);
  for (const variant of variants) {
    const source = paperlsp('export', ...variant.args, list);

    test(`${path.basename(list)} as ${variant.name}: parses without errors, one entry per list entry, unique keys`, () => {
      const library = parse(source, { english: false });
      assert.deepEqual(library.errors, []);
      assert.equal(library.entries.length, truth.length);
      assert.equal(new Set(library.entries.map((e) => e.key)).size, truth.length);
      for (const entry of library.entries) assert.match(entry.key, /^[a-z0-9]+$/);
    });

    test(`${path.basename(list)} as ${variant.name}: every field reads back as PaperLsp read it`, () => {
      const library = parse(source, { english: false });
      library.entries.forEach((entry, i) => {
        const expected = truth[i];
        const f = entry.fields;
        const where = `entry ${i} (${entry.key})`;
        assert.equal(same(f.title), expected.title, `${where}: title`);
        const creators = f.author ?? [];
        const named = creators.filter((c) => !(c.lastName === 'others' && !c.firstName));
        assert.deepEqual(named.map((c) => same(c.name ?? display([c.firstName, c.prefix, c.lastName, c.suffix]))), expected.authors, `${where}: authors`);
        assert.equal(creators.length - named.length, expected.etAl ? 1 : 0, `${where}: 'and others' exactly when the list says et al.`);
        if (expected.etAl) assert.equal(creators.at(-1).lastName, 'others', `${where}: 'others' comes last`);
        assert.equal(same(f.abstract ?? ''), expected.abstract, `${where}: abstract`);
        if (expected.date) {
          const [year, month, day] = expected.date.split('-').map(Number);
          if (variant.name === 'biblatex') assert.equal(f.date, expected.date, `${where}: date`);
          else {
            assert.equal(Number(f.year), year, `${where}: year`);
            assert.equal(Number(f.month), month, `${where}: month`);
            assert.equal(Number(f.day), day, `${where}: day`);
          }
        } else {
          assert.equal(f.date ?? f.year, undefined, `${where}: no date`);
        }
        const category = variant.name === 'biblatex' ? f.eprintclass : f.primaryclass;
        if (expected.category && expected.date) {
          assert.ok(sameCategory(category, expected.category), `${where}: category ${category} for ${expected.category}`);
          assert.deepEqual(f.keywords, [category], `${where}: keywords`);
        }
        assert.equal(same(f.affiliation ?? ''), expected.affiliations.join(' and '), `${where}: affiliations`);
        assert.equal(f['paperlsp-code'] === 'true', expected.code && expected.date !== null, `${where}: Code flag`);
        if (expected.score !== null && expected.date) assert.equal(Number(f['paperlsp-score']), expected.score, `${where}: score`);
      });
    });

    test(`${path.basename(list)} as ${variant.name}: capitals that must stay are protected, and survive sentence casing`, () => {
      const strict = parse(source, { caseProtection: 'strict', english: true });
      const sentence = parse(source);
      strict.entries.forEach((entry, i) => {
        const title = truth[i].title;
        const nocase = [...entry.fields.title.matchAll(/<span class="nocase">(.*?)<\/span>/g)].map((m) => same(m[1]));
        assert.deepEqual(nocase, protectedWords(title), `entry ${i}: protected words of '${title}'`);
        for (const word of protectedWords(title)) assert.ok(same(sentence.entries[i].fields.title).includes(word), `entry ${i}: '${word}' survives sentence casing`);
      });
    });
  }
}

test('hard names split as intended in BibTeX', () => {
  const names = lists[2];
  const library = parse(paperlsp('export', '--format', 'bibtex', '--ascii', names), { english: false });
  const authors = library.entries.map((e) => e.fields.author.map((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, same(v)]))));
  assert.deepEqual(authors[0][0], { lastName: 'Schaar', firstName: 'Mihaela', prefix: 'van der' });
  assert.deepEqual(authors[0][1], { lastName: 'Daumé', firstName: 'Hal', suffix: 'III' });
  assert.deepEqual(authors[0][2], { lastName: 'Godard', firstName: 'Jean-Luc' });
  assert.deepEqual(authors[0][3], { lastName: 'others' });
  assert.deepEqual(authors[1][0], { lastName: "O'Brien", firstName: 'Sean' });
  assert.deepEqual(authors[1][1], { lastName: 'Kim', firstName: 'Ji-ho' });
  assert.deepEqual(authors[1][2], { lastName: "Dell'Orletta", firstName: 'Felice' });
  assert.equal(display([authors[2][0].name, authors[2][0].lastName]), 'Prajwal');
  assert.equal(display([authors[2][1].name, authors[2][1].lastName]), '李明');
  assert.deepEqual(authors[2][2], { lastName: 'ZHANG', firstName: 'Wei' });
  assert.deepEqual(authors[3][0], { lastName: 'Kaiser', firstName: 'Łukasz' });
  assert.deepEqual(authors[3][1], { lastName: 'Akyürek', firstName: 'Ekin' });
  assert.deepEqual(authors[3][3], { lastName: 'Zhang', firstName: 'Sarah J.' });
  assert.deepEqual(authors[4][0], { lastName: 'Beethoven', firstName: 'Ludwig', prefix: 'van' });
  assert.deepEqual(authors[4][1], { lastName: 'King', firstName: 'Martin Luther', suffix: 'Jr.' });
  assert.deepEqual(authors[4][2], { lastName: 'Cruz', firstName: 'José', prefix: 'de la' });
  assert.equal(same(library.entries[0].fields.abstract),
    'We study names with particles & suffixes: 50% of them, at $5 each, with #tags, snake_case {braces} ~tilde ^caret \\backslash.');
  assert.equal(same(library.entries[3].fields.title), 'Diacritics Everywhere: Łukasz, Akyürek and Nguyễn');
});
