// The extension in a real VS Code: packaged exactly as the README says (`npm run package`), installed into a fresh
// code-server (VS Code 1.100.3), and checked in the workbench through headless Chromium.
// Screenshots go to test/e2e/artifacts/. If code-server cannot be installed for a reason outside the project
// (registry outage), every test here reports itself skipped with that reason; any other failure fails.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { installCodeServer, launchBrowser, packageExtension, repoRoot, startCodeServer, waitFor, Workbench } from './workbench.mjs';

// A second list of our own: a metadata entry (folding), a messy header (formatting), a clean entry.
const READING = [
  '# Reading',
  '12.0CLMay 25, 2022',
  'A Fresh Look at Reading Lists in the EditorAda Lovelace, Grace Hopper · mit',
  'We show that a reading list can be a language, with folding and formatting.',
  'Messy   Spacing In A Title   |   Alan Turing,   Kurt Gödel',
  'An entry whose header the formatter must repair.',
  '',
].join('\n');
const READING_FORMATTED_HEADER = 'Messy Spacing In A Title | Alan Turing, Kurt Gödel';
// Never opened in the workbench: what the tests find in it comes from the server's index of the workspace folder.
const UNOPENED = [
  'On Computable Numbers, with an Application to the EntscheidungsproblemAlan Turing',
  'We consider numbers whose expansions can be calculated by finite means.',
  '',
].join('\n');

let skipReason;
let launcher;
let vsix;
let folder;
let server;
let browser;
let wb;

let failures = 0;
/** A workbench test: skipped with the reason when code-server could not be installed; a screenshot when it fails. */
function e2e(name, body) {
  test(name, async (t) => {
    if (skipReason) return t.skip(skipReason);
    try {
      await body(t);
    } catch (err) {
      await wb?.screenshot(`failure-${++failures}`).catch(() => {});
      throw err;
    }
  });
}

async function problemRows(page) {
  return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));
}

describe('PaperLsp in a real VS Code (code-server 4.100.3)', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    const installed = installCodeServer();
    if (installed.skip) {
      skipReason = installed.skip;
      return;
    }
    launcher = installed.launcher;
    vsix = packageExtension();
    folder = mkdtempSync(path.join(os.tmpdir(), 'paperlsp-ws-'));
    copyFileSync(path.join(repoRoot, 'examples', 'seed.papers'), path.join(folder, 'seed.papers'));
    writeFileSync(path.join(folder, 'reading.papers'), READING);
    writeFileSync(path.join(folder, 'unopened.papers'), UNOPENED);
    server = await startCodeServer({ launcher, vsix, folder });
    browser = await launchBrowser();
    wb = await Workbench.open(browser, server.url);
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  e2e('the server starts: the status bar shows the entry and duplicate counts', async () => {
    await wb.openFile('seed.papers');
    const item = wb.statusBarItem('PaperLsp');
    await waitFor('the PaperLsp status item to show counts', async () => /50 entries · 2 duplicates/.test(await item.innerText()), { timeoutMs: 60_000 });
    assert.equal(await wb.page.locator('.part.statusbar .statusbar-item[id="status.editor.mode"]').innerText(), 'Papers');
    await wb.screenshot('01-seed-opened');
  });

  e2e('grammar colours at once; semantic highlighting tells titles from authors', async () => {
    await wb.goTo(1, 1);
    const spansOf = (index) =>
      wb.page.locator('.editor-instance .view-lines').first().evaluate((el, i) => {
        const lines = [...el.querySelectorAll('.view-line')].sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
        return [...lines[i].querySelectorAll('span > span')].map((s) => ({ text: s.textContent.replace(/\u00a0/g, ' '), color: getComputedStyle(s).color }));
      }, index);
    // Line 5 is a metadata line (`29.4CLMay 25, 2022`): the grammar colours the score apart from the date.
    const metadata = await spansOf(4);
    const score = metadata.find((s) => s.text === '29.4');
    const date = metadata.find((s) => /May 25, 2022/.test(s.text));
    assert.ok(score && date, JSON.stringify(metadata));
    assert.notEqual(score.color, date.color, 'score and date are coloured apart');
    // The grammar cannot find where a glued title ends; the server's semantic tokens can, and colour them apart.
    let title;
    let author;
    await waitFor('semantic tokens on the first header', async () => {
      const header = await spansOf(0);
      title = header.find((s) => s.text.startsWith('DoLa'));
      author = header.find((s) => s.text === 'Yung-Sung Chuang');
      return title && author;
    });
    assert.notEqual(title.color, author.color, 'semantic tokens colour the title and the author apart');
  });

  e2e("the Problems panel shows exactly the example's findings: one paper twice, and a possible duplicate", async () => {
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    let rows;
    await waitFor('two PL0301 rows', async () => {
      rows = (await problemRows(wb.page)).filter((r) => /PL0301/.test(r));
      return rows.length === 2;
    });
    assert.match(rows[0], /\[Ln 68, Col \d+\]/);
    assert.match(rows[1], /\[Ln 70, Col \d+\]/);
    // Line 65 (`OpenNMT: Neural Machine Translation Toolkit`, another abstract of the same toolkit) may be the same
    // paper: at most a possible duplicate, an information.
    const possible = (await problemRows(wb.page)).filter((r) => /PL0303/.test(r));
    assert.equal(possible.length, 1, JSON.stringify(possible));
    assert.match(possible[0], /\[Ln 65, Col \d+\]/);
    assert.equal((await problemRows(wb.page)).filter((r) => /PL\d{4}/.test(r)).length, 3, 'nothing else');
    await wb.screenshot('02-problems');
  });

  e2e('typing in a title updates the diagnostics, and undo brings them back', async () => {
    await wb.goTo(70, 1);
    await wb.page.keyboard.type('X');
    await waitFor('the duplicate findings to go', async () => (await problemRows(wb.page)).filter((r) => /PL0301/.test(r)).length === 0);
    await wb.page.keyboard.press('Control+Z');
    await waitFor('the duplicate findings to come back', async () => (await problemRows(wb.page)).filter((r) => /PL0301/.test(r)).length === 2);
  });

  e2e('the Outline lists every entry by title', async () => {
    const seed = readFileSync(path.join(folder, 'seed.papers'), 'utf8');
    const truth = JSON.parse(readFileSync(path.join(repoRoot, 'examples', 'seed.truth.json'), 'utf8'));
    const titles = (truth.entries ?? truth).map((e) => e.title);
    assert.equal(titles.length, 50);
    assert.ok(seed.includes(titles[49]));
    await wb.goTo(1, 1);
    await wb.page.keyboard.press('Control+Shift+O');
    const rows = wb.page.locator('.quick-input-widget .monaco-list-row');
    await waitFor('the symbol list', async () => (await rows.count()) > 0);
    // The list is virtual: its size is in aria-setsize; the rows on screen are the first titles in order.
    assert.equal(Number(await rows.first().getAttribute('aria-setsize')), 50);
    const shown = await rows.evaluateAll((rs) => rs.map((r) => (r.querySelector('.label-name')?.textContent ?? '').trim()));
    assert.deepEqual(shown.slice(0, 5), titles.slice(0, 5));
    // The last one is there too: filter for it.
    await wb.page.keyboard.type(titles[49].slice(0, 30));
    await waitFor('the last title', async () => (await rows.evaluateAll((rs) => rs.map((r) => r.textContent))).some((x) => x.includes(titles[49].slice(0, 30))));
    await wb.screenshot('03-outline');
    await wb.page.keyboard.press('Escape');
  });

  e2e('a folded entry still shows its title; Format Document repairs a messy line', async () => {
    await wb.openFile('reading.papers');
    await waitFor('the server to attach to reading.papers', async () => /2 entries/.test(await wb.statusBarItem('PaperLsp').innerText()));
    await wb.goTo(1, 1);
    await wb.runCommand('Fold All');
    await waitFor('the folds', async () => {
      const lines = await wb.visibleLines();
      return !lines.some((l) => l.startsWith('We show that'));
    });
    const folded = await wb.visibleLines();
    // `Fold All` folds the section too; unfold it and keep the entries folded.
    await wb.goTo(1, 1);
    await wb.runCommand('Unfold');
    await waitFor('the section to open with entries folded', async () => {
      const lines = await wb.visibleLines();
      return lines.includes('12.0CLMay 25, 2022') && !lines.some((l) => l.startsWith('We show that'));
    });
    const lines = await wb.visibleLines();
    assert.ok(lines.some((l) => l.startsWith('A Fresh Look at Reading Lists in the Editor')), `a folded entry shows its title: ${JSON.stringify(lines)} (all folded: ${JSON.stringify(folded)})`);
    await wb.screenshot('04-folded');
    await wb.runCommand('Unfold All');

    await wb.runCommand('Format Document');
    await waitFor('the messy header repaired', async () => (await wb.visibleLines()).includes(READING_FORMATTED_HEADER));
    await wb.screenshot('05-formatted');
    await wb.page.keyboard.press('Control+S');
    await waitFor('the save', async () => !(await wb.page.locator('.tab.active.dirty').count()));
  });

  e2e('hover over a title shows its abstract', async () => {
    await wb.openFile('seed.papers');
    // Line 6: `Large Language Models are Few-Shot Clinical Information Extractors` by Monica Agrawal et al.
    await wb.goTo(6, 10);
    await wb.runCommand('Show or Focus Hover');
    const hover = wb.page.locator('.monaco-hover-content');
    await waitFor('the hover card', async () => /A long-running goal of the clinical NLP community/.test(await hover.first().innerText()));
    const text = await hover.first().innerText();
    assert.match(text, /Large Language Models are Few-Shot Clinical Information Extractors/);
    assert.match(text, /Monica Agrawal/);
    assert.match(text, /cs\.CL/);
    await wb.screenshot('09-hover');
    await wb.page.keyboard.press('Escape');
  });

  e2e('completion after a partial author name offers that author', async () => {
    await wb.openFile('reading.papers');
    // The end of line 3's author list (`... Grace Hopper · mit`): type a new co-author before the affiliations.
    const line = READING.split('\n')[2];
    await wb.goTo(3, line.indexOf(' · mit') + 1);
    await wb.page.keyboard.type(', Yoon K');
    const rows = wb.page.locator('.suggest-widget.visible .monaco-list-row');
    // Ask again while no suggestion list is open: a request that raced the document sync comes back empty and closes.
    await waitFor('Yoon Kim among the suggestions', async () => {
      if (!(await wb.page.locator('.suggest-widget.visible').count())) await wb.page.keyboard.press('Control+Space');
      return (await rows.evaluateAll((rs) => rs.map((r) => r.textContent ?? ''))).some((t) => t.includes('Yoon Kim'));
    }, { intervalMs: 500 });
    await wb.screenshot('10-completion');
    const labels = await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
    assert.ok(!labels.some((l) => /[a-z][A-Z][a-z]+-[A-Z]/.test(l) && !/Yoon Kim/.test(l)), `no glued title/author fragments: ${JSON.stringify(labels)}`);
    // The best match comes first, and accepting it replaces the typed prefix with the whole name.
    await waitFor('Yoon Kim first', async () => /Yoon Kim/.test((await rows.first().textContent()) ?? ''));
    await wb.page.keyboard.press('Enter');
    await waitFor('the name in the text', async () => (await wb.visibleLines()).some((l) => l.includes('Grace Hopper, Yoon Kim · mit')));
    // Undo until the line is as it was (the completion and the typing are separate undo steps).
    await waitFor('the line restored', async () => {
      if ((await wb.visibleLines()).includes(line)) return true;
      await wb.page.keyboard.press('Control+Z');
      return false;
    }, { intervalMs: 300 });
    await wb.page.keyboard.press('Control+S');
  });

  e2e('Find All References on an author lists the entries of an unopened list', async () => {
    await wb.openFile('reading.papers');
    // Line 5 (formatted above): `Messy Spacing In A Title | Alan Turing, Kurt Gödel`.
    await wb.goTo(5, READING_FORMATTED_HEADER.indexOf('Alan Turing') + 3);
    await wb.runCommand('References: Find All References');
    const tree = wb.page.locator('.references-viewlet, .reference-tree, [id="workbench.view.references"]');
    await waitFor('the references view with the unopened list', async () => {
      const text = (await wb.page.locator('.pane-body .monaco-list-row').evaluateAll((rs) => rs.map((r) => r.textContent ?? ''))).join('\n');
      return text.includes('unopened.papers') && text.includes('reading.papers');
    });
    await wb.screenshot('11-references');
    assert.ok(tree);
  });

  e2e('Export as BibTeX saves the list where the save dialog says', async () => {
    await wb.openFile('seed.papers');
    await wb.goTo(1, 1);
    await wb.runCommand('PaperLsp: Export as BibTeX…');
    // code-server's save dialog is VS Code's simple file dialog: a quick input holding the proposed path.
    const input = wb.page.locator('.quick-input-widget input');
    await waitFor('the save dialog proposing seed.bib', async () => (await input.isVisible()) && (await input.inputValue()).endsWith('seed.bib'));
    await input.press('Enter');
    const target = path.join(folder, 'seed.bib');
    await waitFor('seed.bib on disk', () => existsSync(target));
    const bib = readFileSync(target, 'utf8');
    assert.equal((bib.match(/^@\w+\{/gm) ?? []).length, 50, 'one record per entry');
    assert.match(bib, /@\w+\{agrawal2022large,/);
    await waitFor('the confirmation', () => wb.notification('exported as BibTeX').first().isVisible());
  });

  e2e('Show Related Papers lists related entries with their reasons and opens the chosen one', async () => {
    await wb.openFile('seed.papers');
    // Line 65: `OpenNMT: Neural Machine Translation Toolkit` by Guillaume Klein, Yoon Kim et al.
    await wb.goTo(65, 3);
    const input = await wb.quickInput('F1', '>PaperLsp: Show Related Papers');
    await waitFor('the command in the palette', () => wb.page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Show Related Papers' }).first().isVisible());
    await input.press('Enter');
    const rows = wb.page.locator('.quick-input-widget .monaco-list-row');
    const texts = () => rows.evaluateAll((rs) => rs.map((r) => r.textContent ?? ''));
    await waitFor('related papers in the quick pick', async () => (await texts()).some((t) => t.includes('In-Context Language Learning')), { timeoutMs: 30_000 });
    const shown = await texts();
    assert.ok(!shown.some((t) => t.startsWith('OpenNMT')), `copies and possible copies are not related papers: ${JSON.stringify(shown)}`);
    const chosen = shown.find((t) => t.includes('In-Context Language Learning'));
    assert.match(chosen, /shared author: Yoon Kim/);
    assert.match(chosen, /seed\.papers:72/);
    await wb.screenshot('12-related-papers');
    await rows.filter({ hasText: 'In-Context Language Learning' }).first().click();
    const selection = wb.page.locator('.part.statusbar .statusbar-item[id="status.editor.selection"]');
    await waitFor('the chosen paper selected at line 72', async () => /Ln 72,/.test(await selection.innerText()));
  });

  e2e('a copy in another list shows in the Problems panel on both lists', async () => {
    await wb.openFile('reading.papers');
    // The first entry of reading.papers (metadata, header, abstract), pasted into a list created on disk now: the
    // file watcher brings it in, the open list is pulled again and the new one gets its findings pushed.
    const copy = readFileSync(path.join(folder, 'reading.papers'), 'utf8').split('\n').slice(1, 4).join('\n') + '\n';
    assert.match(copy, /^12\.0CLMay 25, 2022\nA Fresh Look at Reading Lists/);
    writeFileSync(path.join(folder, 'shelf.papers'), '# Shelf\n' + copy);
    await wb.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await waitFor('the copy reported on both lists', async () => {
      const rows = await problemRows(wb.page);
      return rows.some((r) => /PL0302/.test(r) && /reading\.papers:3/.test(r)) && rows.some((r) => /PL0302/.test(r) && /shelf\.papers:3/.test(r));
    }, { timeoutMs: 60_000 });
    await wb.screenshot('13-cross-file-duplicate');
  });

  e2e('the quick fix "Mark as not a duplicate" writes its directive and both lists stop reporting the pair', async () => {
    await wb.openFile('reading.papers');
    // Line 3 is the title of the entry pasted into shelf.papers by the test before.
    await wb.goTo(3, 5);
    const menu = wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Mark as not a duplicate' }).first();
    await waitFor('the quick fix in the lightbulb menu', async () => {
      if (!(await menu.isVisible())) await wb.page.keyboard.press('Control+.');
      return menu.isVisible();
    }, { intervalMs: 1000 });
    await wb.screenshot('14-not-a-duplicate-fix');
    // The menu sits under a pointer block while it opens: choose with the keyboard, as a user of Ctrl+. does.
    const focused = wb.page.locator('.action-widget .monaco-list-row.focused');
    await waitFor('the quick fix focused', async () => {
      if (/Mark as not a duplicate/.test((await focused.first().textContent().catch(() => '')) ?? '')) return true;
      await wb.page.keyboard.press('ArrowDown');
      return false;
    }, { intervalMs: 200 });
    await wb.page.keyboard.press('Enter');
    await waitFor('the directive above the entry', async () => (await wb.visibleLines()).some((l) => l.startsWith('// paperlsp-not-duplicate "A Fresh Look at Reading Lists in the Editor"')));
    await waitFor('the pair gone from both lists', async () => !(await problemRows(wb.page)).some((r) => /PL0302/.test(r)), { timeoutMs: 30_000 });
    // Undo back to the saved text, so no later step meets an unsaved editor.
    await waitFor('the directive undone', async () => {
      if (!(await wb.visibleLines()).some((l) => l.startsWith('// paperlsp-not-duplicate'))) return true;
      await wb.page.keyboard.press('Control+Z');
      return false;
    }, { intervalMs: 300 });
    await waitFor('the copy reported again', async () => (await problemRows(wb.page)).some((r) => /PL0302/.test(r)), { timeoutMs: 30_000 });
  });

  e2e('a wrong server path shows one actionable message, whose button opens the setting', async () => {
    const setting = wb.page.locator('.settings-editor .setting-item-contents[data-key="paperlsp.server.path"]');
    const setServerPath = async (value) => {
      await wb.runCommand('Preferences: Open User Settings');
      await wb.page.locator('.settings-editor .suggest-input-container').first().waitFor({ state: 'visible' });
      await wb.page.keyboard.press('Control+A');
      await wb.page.keyboard.type('paperlsp.server.path');
      await waitFor('the server path setting in the User tab', () => setting.isVisible());
      await setting.locator('input').fill(value);
      await setting.locator('input').press('Tab');
    };
    await setServerPath('/nonexistent/paperlsp');
    // A running server asks before it restarts.
    const offer = wb.notification('Restart the server to apply it?');
    await waitFor('the restart offer', () => offer.first().isVisible());
    await offer.first().locator('.monaco-button', { hasText: 'Restart' }).click();
    const message = wb.notification('does not exist');
    await waitFor('the wrong-path message', () => message.first().isVisible());
    assert.match(await message.first().innerText(), /"\/nonexistent\/paperlsp" \(setting paperlsp\.server\.path\) does not exist/);
    await waitFor('the status bar to say failed', async () => /failed/.test(await wb.statusBarItem('PaperLsp').innerText()));
    await wb.screenshot('06-wrong-server-path');
    assert.equal(await message.count(), 1, 'shown once');
    await wb.page.locator('.tab', { hasText: 'Settings' }).locator('.codicon-close').click();
    await message.first().locator('.monaco-button', { hasText: 'Open Settings' }).click();
    await waitFor('the setting in the Settings editor', () => setting.isVisible());
    assert.equal(await wb.page.locator('.settings-editor .no-results-message:visible').count(), 0, 'not "No Settings Found"');
    await wb.screenshot('07-settings');
    // Back to the bundled server: a failed server restarts at once, without asking.
    await setting.locator('input').fill('');
    await setting.locator('input').press('Tab');
    await wb.runCommand('View: Close All Editors');
    await wb.openFile('seed.papers');
    await waitFor('the server back', async () => /50 entries/.test(await wb.statusBarItem('PaperLsp').innerText()), { timeoutMs: 60_000 });
  });

  e2e('without .NET the user is asked for .NET 10, once', async () => {
    // A second workbench whose PATH holds no dotnet, as on a machine without .NET. VSCODE_CLI keeps the server from
    // replacing that PATH with the login shell's (which has /usr/bin, and dotnet in it).
    const bin = mkdtempSync(path.join(os.tmpdir(), 'paperlsp-nodotnet-'));
    const noDotnet = await startCodeServer({ launcher, vsix, folder, env: { PATH: bin, DOTNET_ROOT: '', VSCODE_CLI: '1' } });
    const page2 = await Workbench.open(browser, noDotnet.url);
    try {
      await page2.openFile('seed.papers');
      const message = page2.notification('needs the .NET 10 runtime');
      await waitFor('the .NET message', () => message.first().isVisible(), { timeoutMs: 60_000 });
      assert.ok(await message.first().locator('.monaco-button', { hasText: 'Install .NET 10' }).isVisible());
      await waitFor('the status bar to say failed', async () => /PaperLsp/.test(await page2.statusBarItem('PaperLsp').innerText()));
      await page2.screenshot('08-no-dotnet');
      assert.equal(await message.count(), 1, 'one message, not a crash loop of toasts');
    } finally {
      await page2.page.close();
      await noDotnet.stop();
    }
  });
});
