// Every RIS export checked against the RIS specification (RefMan, "RIS Format Specifications"): the six-character tag
// format, one tag per line ending in CR LF, TY first and ER last in each record, tags and reference types from the
// specification's lists, dates as YYYY/MM/DD/, no asterisk in author and keyword fields, no blank lines between records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { lists, paperlsp, reading, sameCategory } from '../lib/helpers.mjs';

/** The tags the specification defines. */
const specTags = new Set([
  'TY', 'ER', 'ID', 'T1', 'TI', 'CT', 'BT', 'T2', 'T3', 'A1', 'AU', 'A2', 'ED', 'A3', 'Y1', 'PY', 'Y2', 'DA', 'N1', 'AB', 'N2',
  'KW', 'RP', 'JF', 'JO', 'JA', 'J1', 'J2', 'VL', 'IS', 'SP', 'EP', 'CY', 'PB', 'SN', 'AD', 'AV', 'M1', 'M2', 'M3', 'U1', 'U2',
  'U3', 'U4', 'U5', 'UR', 'L1', 'L2', 'L3', 'L4', 'C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'CA', 'CN', 'DB', 'DO', 'DP',
  'ET', 'LA', 'LB', 'NV', 'OP', 'RI', 'RN', 'SE', 'ST', 'TA', 'TT', 'A4',
]);

/** The reference types the specification defines. */
const specTypes = new Set([
  'ABST', 'ADVS', 'AGGR', 'ANCIENT', 'ART', 'BILL', 'BLOG', 'BOOK', 'CASE', 'CHAP', 'CHART', 'CLSWK', 'COMP', 'CONF', 'CPAPER',
  'CTLG', 'DATA', 'DBASE', 'DICT', 'EBOOK', 'ECHAP', 'EDBOOK', 'EJOUR', 'ELEC', 'ENCYC', 'EQUA', 'FIGURE', 'GEN', 'GOVDOC',
  'GRANT', 'HEAR', 'ICOMM', 'INPR', 'JFULL', 'JOUR', 'LEGAL', 'MANSCPT', 'MAP', 'MGZN', 'MPCT', 'MULTI', 'MUSIC', 'NEWS', 'PAMP',
  'PAT', 'PCOMM', 'RPRT', 'SER', 'SLIDE', 'SOUND', 'STAND', 'STAT', 'THES', 'UNBILL', 'UNPB', 'VIDEO',
]);

const tagLine = /^([A-Z][A-Z0-9])  - (.*)$/;

/** Records as the specification frames them; throws on anything it does not allow. */
function records(text) {
  assert.ok(text.endsWith('\r\n'), 'the last line ends in CR LF');
  const lines = text.slice(0, -2).split('\r\n');
  const result = [];
  let current = null;
  lines.forEach((line, i) => {
    assert.ok(!line.includes('\n') && !line.includes('\r'), `line ${i + 1}: a lone LF or CR`);
    const match = tagLine.exec(line);
    assert.ok(match, `line ${i + 1} is not 'XX  - value': ${JSON.stringify(line.slice(0, 60))}`);
    const [, tag, value] = match;
    assert.ok(specTags.has(tag), `line ${i + 1}: '${tag}' is not a tag of the specification`);
    if (tag === 'TY') {
      assert.equal(current, null, `line ${i + 1}: TY inside a record`);
      assert.ok(specTypes.has(value), `line ${i + 1}: '${value}' is not a reference type of the specification`);
      current = { TY: value, tags: [] };
    } else {
      assert.notEqual(current, null, `line ${i + 1}: '${tag}' outside a record (before TY)`);
      if (tag === 'ER') {
        assert.equal(value, '', `line ${i + 1}: ER carries nothing`);
        result.push(current);
        current = null;
      } else {
        assert.ok(value.length > 0, `line ${i + 1}: '${tag}' is empty`);
        if (tag === 'AU' || tag === 'KW') assert.ok(!value.includes('*'), `line ${i + 1}: asterisk in ${tag}`);
        current.tags.push([tag, value]);
      }
    }
  });
  assert.equal(current, null, 'the last record ends with ER');
  return result;
}

const all = (record, tag) => record.tags.filter(([t]) => t === tag).map(([, v]) => v);

for (const list of lists) {
  test(`${path.basename(list)} as RIS: the specification's line format, and every field as PaperLsp read it`, () => {
    const truth = reading(list);
    const parsed = records(paperlsp('export', '--format', 'ris', list));
    assert.equal(parsed.length, truth.length);
    parsed.forEach((record, i) => {
      const expected = truth[i];
      const where = `record ${i}`;
      assert.deepEqual(all(record, 'TI'), [expected.title], `${where}: TI`);
      // AU is "Last, First, Suffix"; put back together in listing order it is the name as the list has it.
      const names = all(record, 'AU').map((au) => {
        const [last, first, suffix] = au.split(', ');
        const particle = last.match(/^((?:[a-z']+ )+)/)?.[1] ?? '';
        return [first, particle.trim(), last.slice(particle.length), suffix].filter(Boolean).join(' ');
      });
      assert.deepEqual(names, expected.authors, `${where}: AU`);
      assert.deepEqual(all(record, 'C2'), expected.etAl ? ['et al.'] : [], `${where}: et al. (C2)`);
      assert.deepEqual(all(record, 'AD'), expected.affiliations, `${where}: AD`);
      assert.deepEqual(all(record, 'AB'), expected.abstract ? [expected.abstract] : [], `${where}: AB`);
      if (expected.date && expected.category) {
        const [year, month, day] = expected.date.split('-');
        assert.deepEqual(all(record, 'PY'), [year], `${where}: PY`);
        assert.deepEqual(all(record, 'DA'), [`${year}/${month}/${day}/`], `${where}: DA`);
        assert.equal(all(record, 'KW').length, 1);
        assert.ok(sameCategory(all(record, 'KW')[0], expected.category), `${where}: KW`);
        assert.deepEqual(all(record, 'C1').map(Number), [expected.score], `${where}: score (C1)`);
        assert.deepEqual(all(record, 'C3'), expected.code ? ['Code'] : [], `${where}: Code (C3)`);
      } else {
        assert.deepEqual(all(record, 'DA'), [], `${where}: no date`);
      }
    });
  });
}
