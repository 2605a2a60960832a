// Every CSL-JSON export rendered by citeproc-js (the engine of Zotero and Mendeley) in APA 7th edition, a common style.
// The style and the en-US locale ship in csl/ (there is no network when the tests run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { consumers, lists, paperlsp, reading, sameCategory } from '../lib/helpers.mjs';

const CSL = createRequire(import.meta.url)('citeproc');
const style = fs.readFileSync(path.join(consumers, 'csl', 'apa.csl'), 'utf8');
const locale = fs.readFileSync(path.join(consumers, 'csl', 'locales-en-US.xml'), 'utf8');

function render(items) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const engine = new CSL.Engine({ retrieveLocale: () => locale, retrieveItem: (id) => byId.get(id) }, style, 'en-US');
  engine.setOutputFormat('text');
  engine.updateItems(items.map((item) => item.id));
  const [meta, entries] = engine.makeBibliography();
  assert.deepEqual(meta.bibliography_errors, []);
  return new Map(meta.entry_ids.map((ids, i) => [ids[0], entries[i]]));
}

/** Quotes as citeproc may turn them (straight to curly, nested flipped): compare them as one kind. */
const plain = (text) => text.normalize('NFC').replace(/[“”"«»]/g, '"').replace(/[‘’'`]/g, "'").replace(/\s+/g, ' ');


for (const list of lists) {
  const truth = reading(list);
  const items = JSON.parse(paperlsp('export', '--format', 'csl-json', list));

  test(`${path.basename(list)} as CSL-JSON: one item per entry, every field as PaperLsp read it`, () => {
    assert.equal(items.length, truth.length);
    assert.equal(new Set(items.map((i) => i.id)).size, items.length);
    items.forEach((item, i) => {
      const expected = truth[i];
      const where = `item ${i} (${item.id})`;
      assert.equal(item.title, expected.title, `${where}: title`);
      const names = (item.author ?? []).map((a) => a.literal ?? [a.given, a['non-dropping-particle'], a.family, a.suffix].filter(Boolean).join(' '));
      assert.deepEqual(names, expected.authors, `${where}: authors`);
      assert.equal(item.custom?.['paperlsp-et-al'] ?? false, expected.etAl, `${where}: et al. marker`);
      assert.deepEqual(item.custom?.['paperlsp-affiliations'] ?? [], expected.affiliations, `${where}: affiliations`);
      assert.equal(item.abstract ?? '', expected.abstract, `${where}: abstract`);
      if (expected.date && expected.category) {
        assert.deepEqual(item.issued['date-parts'][0], expected.date.split('-').map(Number), `${where}: issued`);
        assert.ok(sameCategory(item.keyword, expected.category), `${where}: keyword`);
        assert.equal(item.custom?.['paperlsp-score'], expected.score, `${where}: score`);
        assert.equal(item.custom?.['paperlsp-code'] ?? false, expected.code, `${where}: Code flag`);
      }
    });
  });

  test(`${path.basename(list)} rendered by citeproc in APA: every entry is in the bibliography with its authors, year and title`, () => {
    const bibliography = render(items);
    assert.equal(bibliography.size, items.length, 'every item is in the bibliography');
    for (const item of items) {
      const entry = plain(bibliography.get(item.id));
      const where = `${item.id}: ${entry.slice(0, 120)}`;
      const authors = item.author ?? [];
      authors.forEach((author, i) => {
        // APA: "van der Schaar, M., Daumé, H., III, & Godard, J.-L." (particles kept, given names as initials).
        const expected = author.literal ?? `${[author['non-dropping-particle'], author.family].filter(Boolean).join(' ')}, ${[...author.given][0]}`;
        assert.ok(entry.includes(plain(expected)), `${where}: names author ${i} as '${expected}'`);
        if (i === 0) assert.ok(entry.startsWith(plain(expected)), `${where}: starts with the first author`);
      });
      if (authors.length === 0) assert.ok(entry.startsWith(plain(item.title).slice(0, 20)), `${where}: no authors, so the title leads`);
      assert.ok(!/\bothers\b/.test(entry) || /\bothers\b/.test(item.title + ' ' + authors.map((a) => a.literal ?? a.family).join(' ')), `${where}: no author called 'others'`);
      const year = item.issued ? String(item.issued['date-parts'][0][0]) : 'n.d.';
      // APA tells same-author same-year works apart with a letter: (2022a), (n.d.-b).
      assert.match(entry, new RegExp(`\\(${year.replaceAll('.', '\\.')}(-?[a-z])?\\)`), `${where}: year ${year}`);
      // en-US moves a following period inside closing quotes (Revisiting "Emergent Abilities."), so quotes and periods aside.
      const loose = (text) => plain(text).replace(/["'.]/g, '');
      assert.ok(loose(entry).includes(loose(item.title)), `${where}: title`);
    }
  });
}

test('hard names render as APA names them', () => {
  const items = JSON.parse(paperlsp('export', '--format', 'csl-json', lists[2]));
  const bibliography = render(items);
  const entry = (i) => bibliography.get(items[i].id);
  assert.ok(entry(0).startsWith('van der Schaar, M., Daumé, H., III, & Godard, J.-L. (2022). '), entry(0));
  assert.ok(entry(1).startsWith("O'Brien, S., Kim, J., & Dell'Orletta, F. (2021). ") || entry(1).startsWith('O’Brien, S., Kim, J., & Dell’Orletta, F. (2021). '), entry(1));
  assert.ok(entry(2).startsWith('Prajwal, 李明, & ZHANG, W. (n.d.). '), entry(2));
  assert.ok(entry(3).startsWith('Kaiser, Ł., Akyürek, E., An, N. V., & Zhang, S. J. (2019). '), entry(3));
  assert.ok(entry(4).startsWith('van Beethoven, L., King, M. L., Jr., & de la Cruz, J. (n.d.). '), entry(4));
});
