// Drives a real VS Code workbench: code-server (VS Code 1.100 in the browser) with the packaged extension installed,
// and headless Chromium through playwright-core. Everything is polled for: nothing sleeps for a fixed time.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const clientRoot = path.resolve(here, '..', '..');
export const repoRoot = path.resolve(clientRoot, '..');
export const artifacts = path.join(here, 'artifacts');

/** Polls `probe` until it returns a truthy value; throws with `what` (and the last error) on timeout. */
export async function waitFor(what, probe, { timeoutMs = 30_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
      last = undefined;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** Runs the README's packaging command; returns the .vsix path. */
export function packageExtension() {
  const r = spawnSync('npm', ['run', 'package'], { cwd: clientRoot, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  const vsix = path.join(clientRoot, 'paperlsp.vsix');
  if (!existsSync(vsix)) throw new Error(`npm run package wrote no ${vsix}`);
  return vsix;
}

/**
 * Installs code-server if needed. Returns { launcher } or { skip: reason } when the install failed for a reason
 * outside the project (exit 3 of the install script: a registry or mirror outage).
 */
export function installCodeServer() {
  const r = spawnSync('bash', [path.join(here, 'install-code-server.sh')], { encoding: 'utf8' });
  if (r.status === 3) return { skip: `code-server could not be installed (outside the project): ${r.stderr.trim().split('\n').slice(-3).join(' ')}` };
  if (r.status !== 0) throw new Error(`install-code-server.sh failed (${r.status}):\n${r.stderr}`);
  return { launcher: r.stdout.trim().split('\n').at(-1) };
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** A fresh code-server with `vsix` installed, serving `folder`. `env` overrides the environment (e.g. PATH). */
export async function startCodeServer({ launcher, vsix, folder, env = {}, userSettings = {} }) {
  const home = mkdtempSync(path.join(os.tmpdir(), 'paperlsp-e2e-'));
  const dirs = {
    userData: path.join(home, 'user-data'),
    extensions: path.join(home, 'extensions'),
    config: path.join(home, 'config'),
    data: path.join(home, 'data'),
  };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  const settingsFile = path.join(dirs.userData, 'User', 'settings.json');
  mkdirSync(path.dirname(settingsFile), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ 'workbench.startupEditor': 'none', 'security.workspace.trust.enabled': false, 'window.restoreWindows': 'none', ...userSettings }, null, 2));
  const baseEnv = { ...process.env, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data, HOME: home, ...env };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const install = spawnSync(process.execPath, [launcher, ...common, '--install-extension', vsix], { env: baseEnv, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`code-server --install-extension failed:\n${install.stdout}\n${install.stderr}`);

  const port = await freePort();
  const log = [];
  const proc = spawn(
    process.execPath,
    [launcher, ...common, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--bind-addr', `127.0.0.1:${port}`, folder],
    { env: baseEnv, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stdout.on('data', (d) => log.push(String(d)));
  proc.stderr.on('data', (d) => log.push(String(d)));
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}`;
  await waitFor('code-server to listen', async () => {
    if (proc.exitCode !== null) throw new Error(`code-server exited ${proc.exitCode}: ${log.join('')}`);
    const res = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    return res?.ok;
  }, { timeoutMs: 60_000 });
  return {
    url,
    settingsFile,
    log,
    async stop() {
      proc.kill();
      await new Promise((r) => (proc.exitCode !== null ? r() : proc.once('exit', r)));
    },
  };
}

export async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
}

/** Helpers over one workbench page. */
export class Workbench {
  constructor(page) {
    this.page = page;
  }

  static async open(browser, url) {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(url);
    const wb = new Workbench(page);
    await waitFor('the workbench', () => page.locator('.monaco-workbench .part.statusbar').isVisible(), { timeoutMs: 60_000 });
    return wb;
  }

  async screenshot(name) {
    mkdirSync(artifacts, { recursive: true });
    const file = path.join(artifacts, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /**
   * Opens the quick input with `key` and types `text` into it. Retried: a view that takes the focus back just after
   * the quick input opened (the references view revealing its first result, say) closes it again.
   */
  async quickInput(key, text) {
    const input = this.page.locator('.quick-input-widget input');
    await waitFor(`the quick input to take "${text}"`, async () => {
      if (!(await input.isVisible())) {
        await this.page.keyboard.press('Escape');
        await this.page.keyboard.press(key);
      }
      await input.fill(text, { timeout: 2000 });
      return (await input.inputValue()) === text;
    }, { timeoutMs: 20_000, intervalMs: 250 });
    return input;
  }

  /** Runs a command through the command palette, by its title as shown there. */
  async runCommand(title) {
    const input = await this.quickInput('F1', `>${title}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
    await waitFor(`command "${title}" in the palette`, () => row.isVisible(), { timeoutMs: 10_000 });
    await input.press('Enter');
    await waitFor('the palette to close', async () => !(await input.isVisible()), { timeoutMs: 10_000 });
  }

  /** Opens a workspace file by name through Quick Open and waits for its tab. */
  async openFile(name) {
    // Click the row that names the file: Enter would take the highlighted row, which can be a recently opened one.
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { has: this.page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) }).first();
    // F1 opens the quick input from any part of the workbench (Control+P is lost while a tree view has the focus);
    // replacing its '>' with a file name turns it into Quick Open. Retried as a whole: a view that takes the focus
    // back closes the quick input between the typing and the click.
    const active = () => this.page.locator('.tab.active', { hasText: name }).isVisible();
    // A view can also bring back the editor it showed a moment later: the References view, its row still selected,
    // re-revealed reading.papers over a freshly opened seed.papers once in CI. So the tab must still be the active one
    // half a second after it became so, or the file is opened again.
    await waitFor(`${name} opened and still the active tab`, async () => {
      await waitFor(`${name} opened from Quick Open`, async () => {
        await this.quickInput('F1', name);
        await row.click({ timeout: 3000 });
        return true;
      }, { timeoutMs: 30_000, intervalMs: 250 });
      await waitFor(`the ${name} tab`, active, { timeoutMs: 15_000 });
      await new Promise((r) => setTimeout(r, 500));
      return active();
    }, { timeoutMs: 60_000, intervalMs: 250 });
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
  }

  /** Moves the cursor to a 1-based line and column with "Go to Line/Column". */
  async goTo(line, column = 1) {
    const input = await this.quickInput('F1', `:${line}:${column}`);
    await input.press('Enter');
    await waitFor('Go to Line to close', async () => !(await input.isVisible()), { timeoutMs: 10_000 });
  }

  /** The text of the editor's rendered lines, top to bottom (only what is on screen). */
  async visibleLines() {
    return this.page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((el) =>
      [...el.querySelectorAll('.view-line')]
        .map((l) => ({ top: parseFloat(l.style.top), text: l.textContent.replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text),
    );
  }

  statusBarItem(text) {
    return this.page.locator('.part.statusbar .statusbar-item', { hasText: text }).first();
  }

  notification(text) {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }
}
