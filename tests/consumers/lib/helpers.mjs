// Runs the built PaperLsp CLI on the lists the consumer tests check, and reads PaperLsp's own reading of each list.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const consumers = path.resolve(here, '..');
export const root = path.resolve(consumers, '..', '..');
export const dll = process.env.PAPERLSP_DLL ?? path.join(root, 'server', 'PaperLsp', 'bin', 'Release', 'net10.0', 'paperlsp.dll');

/** The lists every export is made from: the user's example, a generated list with hard cases, hand-written hard names. */
export const lists = [
  path.join(root, 'examples', 'seed.papers'),
  path.join(consumers, 'fixtures', 'generated.papers'),
  path.join(consumers, 'fixtures', 'names.papers'),
];

export function paperlsp(...args) {
  if (!fs.existsSync(dll)) throw new Error(`${dll} is missing: build it first (dotnet build server/PaperLsp -c Release)`);
  const result = spawnSync('dotnet', [dll, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  // 0: clean; 1: the list has findings that are errors, reported on stderr while the rest is exported.
  if (result.status !== 0 && result.status !== 1) throw new Error(`paperlsp ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return result.stdout;
}

/** PaperLsp's own reading of a list (export --format json), the truth each consumer's reading is compared with. */
export function reading(list) {
  return JSON.parse(paperlsp('export', '--format', 'json', list)).entries;
}

/** PaperLsp writes the full arXiv form; the list may show the subject code alone (CL for cs.CL). */
export function sameCategory(full, listed) {
  return full === listed || full.endsWith('.' + listed);
}

/** Words a title's capitals must be protected in: a capital after the first letter (LLaMA, GPT, Seq2Seq). */
export function protectedWords(title) {
  return (title.match(/[\p{L}\p{N}\p{M}]+/gu) ?? []).filter((word) => /\p{Lu}/u.test([...word].slice(1).join('')));
}

/** How a name reads in a listing, from its parts. */
export function display(parts) {
  return parts.filter((part) => part && part.length > 0).join(' ');
}

/**
 * Text compared the way readers show it: Unicode NFC (bibtex-parser returns TeX accents as combining marks), and
 * U+02CB, the character bibtex-parser gives for LaTeX's \textasciigrave, read as the backtick it typesets.
 */
export function same(text) {
  return typeof text === 'string' ? text.normalize('NFC').replaceAll('\u02CB', '`') : text;
}
