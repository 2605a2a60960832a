// Loads grammar/papers.tmLanguage.json with vscode-textmate + vscode-oniguruma
// (the same engine VS Code uses) and tokenizes text for scope assertions.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const tm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = path.dirname(fileURLToPath(import.meta.url));
export const extensionRoot = path.resolve(here, '..', '..');
export const repoRoot = path.resolve(extensionRoot, '..');
export const grammarDir = path.join(repoRoot, 'grammar');
export const grammarPath = path.join(grammarDir, 'papers.tmLanguage.json');

let grammarPromise;

/** @returns {Promise<import('vscode-textmate').IGrammar>} */
export function loadGrammar() {
  grammarPromise ??= (async () => {
    const wasm = await readFile(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const registry = new tm.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName) => {
        if (scopeName !== 'source.papers') return null;
        const text = await readFile(grammarPath, 'utf8');
        return tm.parseRawGrammar(text, grammarPath);
      },
    });
    const grammar = await registry.loadGrammar('source.papers');
    if (!grammar) throw new Error('source.papers grammar did not load');
    return grammar;
  })();
  return grammarPromise;
}

/**
 * Tokenizes lines (carrying the rule stack across lines like an editor does).
 * @param {string | string[]} text
 * @returns {Promise<{ line: string, tokens: { text: string, start: number, end: number, scopes: string[] }[] }[]>}
 */
export async function tokenize(text) {
  const grammar = await loadGrammar();
  const lines = Array.isArray(text) ? text : text.split(/\r?\n/);
  let stack = tm.INITIAL;
  return lines.map((line) => {
    const r = grammar.tokenizeLine(line, stack);
    stack = r.ruleStack;
    return {
      line,
      tokens: r.tokens.map((t) => ({
        text: line.slice(t.startIndex, Math.min(t.endIndex, line.length)),
        start: t.startIndex,
        end: t.endIndex,
        scopes: t.scopes,
      })),
    };
  });
}

/**
 * Scopes of every token overlapping the first occurrence of `needle` in a single line.
 * Throws when the needle is not in the line, so a typo cannot make a test pass.
 */
export async function scopesOf(line, needle, occurrence = 0) {
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = line.indexOf(needle, from + 1);
    if (from < 0) throw new Error(`"${needle}" (occurrence ${occurrence}) not found in: ${line}`);
  }
  const to = from + needle.length;
  const [{ tokens }] = await tokenize([line]);
  return tokens.filter((t) => t.start < to && t.end > from).map((t) => ({ text: t.text, scopes: t.scopes }));
}
