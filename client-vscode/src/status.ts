import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export type ServerState = 'starting' | 'indexing' | 'ready' | 'failed' | 'stopped';

/** What the server says of one list (custom request `paperlsp/documentSummary`). */
interface DocumentSummary {
  entries: number;
}

function codeOf(code: vscode.Diagnostic['code']): string | undefined {
  const value = typeof code === 'object' && code !== null ? code.value : code;
  return typeof value === 'string' ? value : undefined;
}

/** Copies are PL0301 (the same paper) and PL0302 (an exact copy); PL0303 is a possible duplicate (docs/format.md). */
export function countDuplicates(codes: Array<vscode.Diagnostic['code']>): { copies: number; possible: number } {
  let copies = 0;
  let possible = 0;
  for (const code of codes.map(codeOf)) {
    if (code === 'PL0301' || code === 'PL0302') copies++;
    else if (code === 'PL0303') possible++;
  }
  return { copies, possible };
}

/**
 * The status bar item of the active list: its entry count and duplicate count, with the server's state.
 * Clicking it shows the server output (or, after a failure, the failure again through the output).
 */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('paperlsp.status', vscode.StatusBarAlignment.Left, 10);
  private readonly disposables: vscode.Disposable[] = [];
  private state: ServerState = 'stopped';
  private failure = '';
  private entries: number | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;
  private generation = 0;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'PaperLsp';
    this.item.command = 'paperlsp.showOutput';
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.scheduleRefresh(0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.scheduleRefresh(300);
      }),
      // Diagnostics arrive after the server has the document open, when a summary request can first succeed.
      vscode.languages.onDidChangeDiagnostics(() => this.scheduleRefresh(100)),
    );
  }

  set(state: ServerState): void {
    this.state = state;
    if (state !== 'failed') this.failure = '';
    this.scheduleRefresh(0);
  }

  fail(message: string): void {
    this.state = 'failed';
    this.failure = message;
    this.render();
  }

  private activePapers(): vscode.TextDocument | undefined {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'papers' ? doc : undefined;
  }

  private scheduleRefresh(ms: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), ms);
  }

  private async refresh(): Promise<void> {
    const doc = this.activePapers();
    const client = this.client();
    const generation = ++this.generation;
    if (doc && client && this.state === 'ready') {
      try {
        const summary = await client.sendRequest<DocumentSummary | null>('paperlsp/documentSummary', {
          textDocument: { uri: client.code2ProtocolConverter.asUri(doc.uri) },
        });
        if (generation === this.generation) this.entries = summary?.entries;
      } catch {
        if (generation === this.generation) this.entries = undefined;
      }
    } else {
      this.entries = undefined;
    }
    this.render();
  }

  private render(): void {
    const doc = this.activePapers();
    if (!doc && this.state === 'ready') {
      this.item.hide();
      return;
    }
    const icon = { starting: '$(sync~spin)', indexing: '$(sync~spin)', ready: '$(book)', failed: '$(error)', stopped: '$(circle-slash)' }[this.state];
    const parts: string[] = [];
    if (doc && this.state === 'ready' && this.entries !== undefined) {
      const { copies, possible } = countDuplicates(vscode.languages.getDiagnostics(doc.uri).map((d) => d.code));
      parts.push(`${this.entries} ${this.entries === 1 ? 'entry' : 'entries'}`);
      parts.push(`${copies} ${copies === 1 ? 'duplicate' : 'duplicates'}`);
      if (possible > 0) parts.push(`${possible} possible`);
    } else if (this.state !== 'ready') {
      parts.push(this.state);
    }
    this.item.text = `${icon} PaperLsp${parts.length ? ': ' + parts.join(' · ') : ''}`;
    this.item.tooltip = this.state === 'failed' ? this.failure : `PaperLsp server: ${this.state}. Click to show its output.`;
    this.item.backgroundColor = this.state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    this.item.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
